"""Curation: what a curator's correction does, so that it survives every
later import. The admin calls these; the importer honours them.

- Saving an article adds every importer-written field the curator changed to
  `Article.locked_fields`, which the importer never overwrites
  (`lock_changed_fields`).
- Editing an imported fact row makes it the curator's (`origin = curator`); if
  the edit changes what identifies the fact (the locality, the official and
  title…), the imported row is kept hidden as a tombstone and the edit becomes
  a new curator row, so the importer does not add the old fact back
  (`curate_fact`).
- Facts are never deleted: "đã loại bỏ" (`hidden`) removes them from the site
  and tells the importer not to re-create them (`hide_facts`).
- Merging duplicates (`archive.curation.merge`, found by
  `archive.curation.duplicates`), the review queue (`archive.curation.review`),
  the review screen's actions on one fact (`archive.curation.actions`, with
  the names a curator types resolved by `archive.curation.names`) and
  deleting an article as a tombstone (`archive.curation.deletion`) live
  beside these.

Every archive model keeps its history (django-simple-history): who changed
what and when, with revert.
"""

from django.db import models

from archive.models import Article, Fact, content_hash

# Article fields the importer writes; a curator's edit to any of them locks it.
IMPORTED_FIELDS = [
    "title", "body", "source_url", "source_domain", "author",
    "published_on", "date_precision", "date_evidence",
]


class CurationError(Exception):
    """A correction that cannot be made as asked; the message is for the curator."""


def _key_fields(model: type[Fact]) -> list[str]:
    """The fields that identify a fact of an article (its unique constraint)."""
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint):
            return [name for name in constraint.fields if name != "article"]
    return []


def curate_fact(fact: Fact, changed: list[str]) -> Fact:
    """Prepare a fact a curator changed (`changed`: field names) for saving.

    An imported row becomes the curator's. If what identifies it changed, the
    imported row stays behind hidden and `fact` is returned as a new row."""
    if not changed or fact.origin != Fact.Origin.IMPORT or fact.pk is None:
        fact.origin = Fact.Origin.CURATOR if changed else fact.origin
        return fact
    if set(changed) & set(_key_fields(type(fact))):
        original = type(fact).objects.get(pk=fact.pk)
        original.hidden = True
        original.origin = Fact.Origin.CURATOR
        original.save(update_fields=["hidden", "origin"])
        fact.pk = None
        fact._state.adding = True
    fact.origin = Fact.Origin.CURATOR
    return fact


def hide_facts(queryset) -> int:
    """Hide the visible facts of `queryset`, one by one so that history
    records who did it. Returns how many were hidden."""
    hidden = 0
    for fact in queryset.visible():
        fact.hidden = True
        fact.origin = Fact.Origin.CURATOR
        fact.save(update_fields=["hidden", "origin"])
        hidden += 1
    return hidden


def _same_text(a: str, b: str) -> bool:
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


def lock_changed_fields(article: Article) -> None:
    """Before a curator's save of `article`: lock every imported field it
    changes. Compared with the row as stored, not with a form's initial
    data: a revert from history starts from an old version. A change of line
    ends or edge spaces only (a form round trip) is no change."""
    stored = Article.objects.filter(pk=article.pk).values(*IMPORTED_FIELDS).first() or {}
    changed = []
    for name, old in stored.items():
        new = getattr(article, name)
        if isinstance(old, str) and isinstance(new, str) and _same_text(old, new):
            setattr(article, name, old)
        elif new != old:
            changed.append(name)
    article.locked_fields = [name for name in IMPORTED_FIELDS if name in {*article.locked_fields, *changed}]


def prepare_new_article(article: Article) -> None:
    """Before a curator's first save of an article written by hand: its raw
    text, content hash and source key, and every imported field locked."""
    article.raw_text = article.raw_text or article.body
    article.content_hash = content_hash(article.raw_text)
    article.source_key = article.source_key or f"curator:{article.content_hash[:16]}"
    article.locked_fields = list(IMPORTED_FIELDS)
