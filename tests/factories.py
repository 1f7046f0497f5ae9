"""Small factories for search and view tests: articles with their facts, built
directly with the ORM (the gazetteer's Locality rows are loaded per session)."""

import hashlib
import itertools
from datetime import date

import pytest

from archive.models import (
    Agreement,
    Article,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    Fact,
    Locality,
    Official,
    Organisation,
    Period,
    Role,
)

_numbers = itertools.count(1)


def locality(name: str, level: str = "district", era: str = "pre2025", province: str | None = None) -> Locality:
    units = Locality.objects.filter(name=name, level=level, era=era)
    if province:
        units = units.filter(province__name=province)
    return units.get()


def official(name: str) -> Official:
    found = Official.objects.filter(name=name).first()
    return found or Official.objects.create(name=name)


def period(start: int, end: int, kind: str = Period.Kind.PROGRAMME) -> Period:
    return Period.objects.get_or_create(start=start, end=end, kind=kind)[0]


def article(
    title: str,
    body: str = "",
    *,
    published_on: date | str | None = None,
    localities=(),
    officials=(),
    periods=(),
    agreements=(),
    organisations=(),
    hidden=(),
    **fields,
) -> Article:
    """An article and its facts.

    localities: Locality rows; officials: names or (name, title) pairs; periods:
    (start, end) pairs; agreements: (name, kind, (start, end) or None);
    organisations: (name, kind) pairs; hidden: facts to add as curator-hidden,
    as ("locality", Locality) / ("official", name) / ("period", (start, end)).
    """
    number = next(_numbers)
    if isinstance(published_on, str):
        published_on = date.fromisoformat(published_on)
    row = Article.objects.create(
        title=title,
        body=body or title,
        raw_text=f"{title}\n\n{body}",
        source_key=fields.pop("source_key", f"test://article/{number}"),
        content_hash=hashlib.sha256(f"{number}:{title}:{body}".encode()).hexdigest(),
        published_on=published_on,
        date_precision=Article.DatePrecision.STATED if published_on else Article.DatePrecision.UNKNOWN,
        **fields,
    )
    origin = Fact.Origin.IMPORT
    for place in localities:
        ArticleLocality.objects.create(article=row, locality=place, origin=origin)
    for person in officials:
        name, title_ = (person, "") if isinstance(person, str) else person
        Role.objects.create(article=row, official=official(name), title=title_, origin=origin)
    for start, end in periods:
        ArticlePeriod.objects.create(article=row, period=period(start, end), origin=origin)
    for name, kind, span in agreements:
        agreement = Agreement.objects.get_or_create(
            key=f"test:{name}:{span}", defaults={"name": name, "period": period(*span) if span else None}
        )[0]
        ArticleAgreement.objects.create(article=row, agreement=agreement, kind=kind, origin=origin)
    for name, kind in organisations:
        organisation = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        ArticleOrganisation.objects.create(article=row, organisation=organisation, origin=origin)
    for what, value in hidden:
        if what == "locality":
            ArticleLocality.objects.create(article=row, locality=value, origin=origin, hidden=True)
        elif what == "official":
            Role.objects.create(article=row, official=official(value), origin=origin, hidden=True)
        elif what == "period":
            ArticlePeriod.objects.create(article=row, period=period(*value), origin=origin, hidden=True)
    return row


@pytest.fixture
def plain_static(settings):
    """Pages render without `collectstatic`: no manifest lookups in tests."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
