"""History records what people change, not what the importer writes.

django-simple-history keeps a version of a row at each save. The importer
writes without one (bulk inserts, `save_without_historical_record`): a
version of every imported article and entity took ~3.7 KB per article,
for rows nobody had touched (docs/performance.md, "Size per article").
So before the first recorded change of a row that has no history yet —
a curator's edit in the admin, a review action, a merge, a tombstone —
its state as it stands, what the importer wrote, is recorded first
("Như khi nhập"): the history still starts from the imported version, and
reverting to it works as before.
"""

from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_field_name

AS_IMPORTED = "Như khi nhập"


def _has_history(model) -> bool:
    return model._meta.app_label == "archive" and hasattr(model._meta, "simple_history_manager_attribute")


def record_baseline(model, pk) -> None:
    """Record the row `pk` of `model` as it is now, if it has no history."""
    manager = getattr(model, model._meta.simple_history_manager_attribute)
    if manager.filter(**{model._meta.pk.attname: pk}).exists():
        return
    original = model._base_manager.filter(pk=pk).first()
    if original is None:
        return
    [record] = manager.bulk_history_create([original], default_change_reason=AS_IMPORTED)
    for field in record._history_m2m_fields:  # what a save records of them too (Agreement.parties)
        versions = HistoricalRecords.m2m_models[field]
        through = getattr(original, field.name).through
        names = [f.name for f in through._meta.fields]
        links = through.objects.filter(**{get_m2m_field_name(field): original})
        versions.objects.bulk_create([versions(history=record, **{n: getattr(link, n) for n in names}) for link in links])


@receiver(pre_save)
def _before_a_recorded_save(sender, instance, raw=False, **kwargs):
    if raw or not _has_history(sender) or instance._state.adding or instance.pk is None:
        return
    if hasattr(instance, "skip_history_when_saving"):  # not recorded: no baseline either
        return
    record_baseline(sender, instance.pk)


@receiver(m2m_changed)
def _before_a_recorded_m2m_change(sender, instance, action, reverse, **kwargs):
    if action.startswith("pre_") and not reverse and _has_history(type(instance)):
        if not hasattr(instance, "skip_history_when_saving"):
            record_baseline(type(instance), instance.pk)


class unrecorded:
    """`with unrecorded(row): ...`: the saves and relation changes of `row`
    inside are not recorded, as the importer writes."""

    def __init__(self, instance):
        self.instance = instance

    def __enter__(self):
        self.instance.skip_history_when_saving = True
        return self.instance

    def __exit__(self, *exc):
        del self.instance.skip_history_when_saving
