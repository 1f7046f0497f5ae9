"""Merging duplicates a curator found: officials, organisations, agreements,
and a locality link an article does not need.

Each merge runs in one transaction: every link of the duplicate moves to the
survivor (a link the survivor already has is dropped, the survivor's row
wins), the duplicate's name is kept so that later imports resolve to the
survivor, the duplicate is deleted, and a MergeRecord says what happened.
Rows are saved one by one, not with `update()`, so that django-simple-history
records each change with the curator's name.
"""

from django.db import transaction

from archive.models import (
    Agreement,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    Fact,
    Locality,
    MergeRecord,
    Official,
    Organisation,
    Role,
)


class MergeError(Exception):
    pass


def _move(rows, field: str, survivor, clashes) -> tuple[int, int]:
    """Point `field` of each row at `survivor`; a row for which `clashes(row)`
    is true duplicates one the survivor has, and is deleted. -> (moved, dropped)"""
    moved = dropped = 0
    for row in rows:
        if clashes(row):
            row.delete()
            dropped += 1
        else:
            setattr(row, field, survivor)
            row.save(update_fields=[field])
            moved += 1
    return moved, dropped


def _aliases(survivor, duplicate) -> list[str]:
    names = [*survivor.aliases, duplicate.name, *duplicate.aliases]
    return [name for name in dict.fromkeys(names) if name and name != survivor.name]


def _check(survivor, duplicate) -> None:
    if survivor.pk == duplicate.pk:
        raise MergeError("Không thể gộp một mục với chính nó")


def _record(model: str, survivor, duplicate, moved: dict, user, *, name: str, slug: str = "") -> MergeRecord:
    # A record that pointed at the duplicate now points at the survivor, so a
    # chain of merges still leads old names and URLs to the one that is left.
    MergeRecord.objects.filter(model=model, survivor_id=duplicate.pk).update(survivor_id=survivor.pk)
    return MergeRecord.objects.create(
        model=model, survivor_id=survivor.pk, merged_id=duplicate.pk, merged_name=name[:400],
        merged_slug=slug, moved=moved, merged_by=user if user and user.is_authenticated else None,
    )


@transaction.atomic
def merge_officials(survivor: Official, duplicate: Official, user=None) -> MergeRecord:
    _check(survivor, duplicate)
    taken = set(Role.objects.filter(official=survivor).values_list("article_id", "title"))
    moved, dropped = _move(
        Role.objects.filter(official=duplicate), "official", survivor,
        lambda role: (role.article_id, role.title) in taken,
    )
    survivor.aliases = _aliases(survivor, duplicate)
    survivor.save(update_fields=["aliases"])
    record = _record(
        "official", survivor, duplicate, {"roles": moved, "dropped": dropped}, user,
        name=duplicate.name, slug=duplicate.slug,
    )
    duplicate.delete()
    return record


@transaction.atomic
def merge_organisations(survivor: Organisation, duplicate: Organisation, user=None) -> MergeRecord:
    _check(survivor, duplicate)
    taken = set(ArticleOrganisation.objects.filter(organisation=survivor).values_list("article_id", flat=True))
    moved, dropped = _move(
        ArticleOrganisation.objects.filter(organisation=duplicate), "organisation", survivor,
        lambda fact: fact.article_id in taken,
    )
    roles, _ = _move(Role.objects.filter(organisation=duplicate), "organisation", survivor, lambda role: False)
    agreements = list(duplicate.agreements.all())
    for agreement in agreements:
        agreement.parties.remove(duplicate)
        agreement.parties.add(survivor)
    survivor.aliases = _aliases(survivor, duplicate)
    if survivor.locality_id is None and duplicate.locality_id is not None:
        survivor.locality_id = duplicate.locality_id
    survivor.save(update_fields=["aliases", "locality", "ascii_name"])
    record = _record(
        "organisation", survivor, duplicate,
        {"articles": moved, "dropped": dropped, "roles": roles, "agreements": len(agreements)}, user,
        name=duplicate.name,
    )
    duplicate.delete()
    return record


@transaction.atomic
def merge_agreements(survivor: Agreement, duplicate: Agreement, user=None) -> MergeRecord:
    """The importer finds an agreement again by its key: the duplicate's key is
    kept in the MergeRecord (`moved["key"]`), where the importer looks it up."""
    _check(survivor, duplicate)
    taken = set(ArticleAgreement.objects.filter(agreement=survivor).values_list("article_id", flat=True))
    moved, dropped = _move(
        ArticleAgreement.objects.filter(agreement=duplicate), "agreement", survivor,
        lambda fact: fact.article_id in taken,
    )
    survivor.parties.add(*duplicate.parties.all())
    changed = []
    for name in ("period", "signed_on", "locality"):
        if getattr(survivor, name) is None and getattr(duplicate, name) is not None:
            setattr(survivor, name, getattr(duplicate, name))
            changed.append(name)
    if changed:
        survivor.save(update_fields=changed)
    record = _record(
        "agreement", survivor, duplicate, {"articles": moved, "dropped": dropped, "key": duplicate.key}, user,
        name=duplicate.name,
    )
    duplicate.delete()
    return record


@transaction.atomic
def merge_locality_link(survivor: ArticleLocality, duplicate: ArticleLocality, user=None) -> MergeRecord:
    """Drop an article's link to a locality it does not need, in favour of
    another link of the same article: the article's roles placed in the
    dropped locality move to the kept one. The dropped link stays as a hidden
    row, so a re-import does not bring it back; the gazetteer is untouched."""
    _check(survivor, duplicate)
    if survivor.article_id != duplicate.article_id:
        raise MergeError("Chỉ gộp được hai địa phương của cùng một bài viết")
    roles = 0
    for role in Role.objects.filter(article_id=duplicate.article_id, locality_id=duplicate.locality_id):
        role.locality_id = survivor.locality_id
        role.origin = Fact.Origin.CURATOR  # else a re-import would put the old locality back
        role.save(update_fields=["locality", "origin"])
        roles += 1
    duplicate.hidden = True
    duplicate.origin = Fact.Origin.CURATOR
    duplicate.save(update_fields=["hidden", "origin"])
    if survivor.hidden:
        survivor.hidden = False
        survivor.origin = Fact.Origin.CURATOR
        survivor.save(update_fields=["hidden", "origin"])
    locality = Locality.objects.get(pk=duplicate.locality_id)
    return _record(
        "articlelocality", survivor, duplicate,
        {"article": duplicate.article_id, "roles": roles, "locality": locality.pk}, user, name=str(locality),
    )


MERGERS = {
    Official: merge_officials,
    Organisation: merge_organisations,
    Agreement: merge_agreements,
    ArticleLocality: merge_locality_link,
}


def merge(survivor, duplicates, user=None) -> list[MergeRecord]:
    """Merge every one of `duplicates` into `survivor` (all of one model)."""
    merger = MERGERS[type(survivor)]
    return [merger(survivor, duplicate, user) for duplicate in duplicates if duplicate.pk != survivor.pk]
