"""Importing articles: documents in, extracted facts stored, curator edits kept.

`import_paths` drives a whole run: it walks the inputs (archive.extract.sources),
extracts facts (archive.extract), and stores each article in its own
transaction, so a failed item never leaves a half-written row and the rest of
the batch goes on.

Identity: an input whose raw text was seen before is "unchanged"; an input
from a known source (URL, else file path) with new content updates that
article; anything else creates one.

Curator edits survive re-import:
- article fields named in `Article.locked_fields` are never overwritten;
- fact rows (`archive.models.Fact`) written by a curator, or hidden by one, are
  never deleted or re-created; only rows the importer wrote itself are replaced.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import DatabaseError, Error, InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from archive.extract import extract
from archive.extract.sources import Document, Failure, _html_document, _text_document, _Unreadable, iter_documents
from archive.models import (
    Agreement,
    Article,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    Citation,
    Document as CitedDocument,
    Fact,
    ImportRun,
    Locality,
    MergeRecord,
    Official,
    Organisation,
    Period,
    Role,
)
from archive.text import fold, normalize

log = logging.getLogger(__name__)

# Article fields the importer writes; a curator's edit to any of them locks it.
IMPORTED_FIELDS = [
    "title", "body", "source_url", "source_domain", "author",
    "published_on", "date_precision", "date_evidence",
]


class DatabaseUnavailable(Exception):
    """The database went away: the run stops, and a re-run completes it."""


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) stopped the run; `run` is recorded as interrupted.

    Every article stored before it is complete (one transaction each), so a
    re-run skips those as unchanged and imports the rest."""

    def __init__(self, run: ImportRun):
        super().__init__(run.summary)
        self.run = run


@dataclass
class Outcome:
    status: str  # created, updated, unchanged, failed
    source: str
    reason: str = ""
    article_id: int | None = None
    warnings: list[str] = field(default_factory=list)


def content_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_period(value: str) -> tuple[int, int] | None:
    try:
        start, end = (int(part) for part in value.split("-"))
    except (ValueError, AttributeError):
        return None
    return (start, end) if start <= end else None


class Importer:
    """Stores documents; keeps small caches of entities between articles."""

    def __init__(self, run: ImportRun | None = None):
        self.run = run
        self._localities: dict[tuple[str, str, str], int] | None = None
        self._officials: dict[str, Official] = {}
        self._organisations: dict[str, Organisation] = {}
        self._periods: dict[tuple[int, int, str], Period] = {}
        self._documents: dict[str, CitedDocument] = {}

    # -- one document ------------------------------------------------------

    def import_document(self, document: Document, *, force: bool = False) -> Outcome:
        """Store one document. `force`: extract and store it even when its
        content was imported before (re-extraction with a newer extractor)."""
        digest = content_hash(document.raw)
        if not force and Article.objects.filter(content_hash=digest).exists():
            return Outcome("unchanged", document.source)
        try:
            facts = extract(
                document.text, source=document.source, url=document.url,
                published_hint=document.published, title_hint=document.title,
            )
        except Exception as error:  # an extractor bug must not stop the batch
            log.exception("extraction failed for %s", document.source)
            return Outcome("failed", document.source, f"extraction failed: {error!r}")
        if not (facts.get("title") or "").strip():
            return Outcome("failed", document.source, "no title found in the text")
        try:
            with transaction.atomic():
                article, created = self._store_article(document, digest, facts)
                self._store_facts(article, facts)
        except (OperationalError, InterfaceError) as error:
            raise DatabaseUnavailable(str(error).strip()) from error
        except DatabaseError as error:
            return Outcome("failed", document.source, f"database rejected the article: {error}".strip())
        warnings = list(document.warnings) + list(facts.get("warnings") or [])
        return Outcome("created" if created else "updated", document.source, article_id=article.pk, warnings=warnings)

    def _store_article(self, document: Document, digest: str, facts: dict) -> tuple[Article, bool]:
        key = document.url or document.source
        article = Article.objects.select_for_update().filter(source_key=key).first()
        created = article is None
        if created:
            article = Article(source_key=key)
        values = {
            "title": normalize(facts["title"])[:500],
            "body": facts.get("body") or document.text,
            "source_url": document.url or "",
            "source_domain": facts.get("source_domain") or "",
            "author": facts.get("author") or "",
            "published_on": _parse_date(facts.get("published_on")),
            "date_precision": facts.get("date_precision") or Article.DatePrecision.UNKNOWN,
            "date_evidence": (facts.get("date_evidence") or "")[:300],
        }
        locked = set(article.locked_fields or [])
        for name, value in values.items():
            if name not in locked:
                setattr(article, name, value)
        article.raw_text = document.raw
        article.content_hash = digest
        article.import_run = self.run
        article.extraction = facts
        article.warnings = list(document.warnings) + list(facts.get("warnings") or [])
        if document.fetched_at:
            fetched = parse_datetime(document.fetched_at)
            if fetched and timezone.is_naive(fetched):
                fetched = timezone.make_aware(fetched)
            article.fetched_at = fetched
        article.save()
        return article, created

    # -- facts ------------------------------------------------------------

    def _store_facts(self, article: Article, facts: dict) -> None:
        localities = self._resolve_localities(facts.get("localities") or [])
        primary = _primary(localities)
        seen_on = article.published_on

        self._sync(article, ArticleLocality, "locality_id", {
            locality.pk: {"locality": locality, "evidence": evidence} for locality, evidence in localities
        })
        self._sync(article, ArticlePeriod, "period_id", {
            period.pk: {"period": period, "evidence": ""}
            for period in filter(None, (self._period(p, facts) for p in facts.get("periods") or []))
        })
        self._sync(article, Citation, "document_id", {
            doc.pk: {"document": doc, "as_written": (d.get("as_written") or "")[:400], "evidence": d.get("as_written") or ""}
            for d in facts.get("documents") or [] if (doc := self._document(d))
        })
        organisations = {}
        for org in facts.get("organisations") or []:
            if entity := self._organisation(org.get("name"), org.get("kind"), primary):
                organisations[entity.pk] = {
                    "organisation": entity, "as_written": (org.get("as_written") or "")[:300],
                    "evidence": _text(org.get("evidence")),
                }
        self._sync(article, ArticleOrganisation, "organisation_id", organisations)

        roles = {}
        for person in facts.get("officials") or []:
            official = self._official(person.get("name"))
            if official is None:
                continue
            titles = person.get("titles") or [""]
            evidence = _text(person.get("evidence"))
            for title in titles:
                title = normalize(title)[:300]
                roles[(official.pk, title)] = {
                    "official": official, "title": title, "locality": primary,
                    "seen_on": seen_on, "evidence": evidence,
                }
        self._sync(article, Role, ("official_id", "title"), roles)

        agreements = {}
        for found in facts.get("agreements") or []:
            agreement = self._agreement(found, primary, article, facts)
            agreements[agreement.pk] = {
                "agreement": agreement, "kind": found.get("kind") or ArticleAgreement.Kind.SIGN,
                "evidence": _text(found.get("evidence")),
            }
        self._sync(article, ArticleAgreement, "agreement_id", agreements)

    def _sync(self, article: Article, model: type[Fact], key_fields, wanted: dict) -> None:
        """Make the importer's rows of `model` for `article` match `wanted`.

        Rows a curator wrote or hid are left alone and block re-creation."""
        key_fields = (key_fields,) if isinstance(key_fields, str) else key_fields

        def key_of(row):
            values = tuple(getattr(row, name) for name in key_fields)
            return values[0] if len(values) == 1 else values

        existing = {key_of(row): row for row in model.objects.filter(article=article)}
        stale = [
            row.pk for key, row in existing.items()
            if row.origin == Fact.Origin.IMPORT and not row.hidden and key not in wanted
        ]
        if stale:
            model.objects.filter(pk__in=stale).delete()
        new_rows = []
        for key, values in wanted.items():
            row = existing.get(key)
            if row is None:
                new_rows.append(model(article=article, origin=Fact.Origin.IMPORT, **values))
            elif row.origin == Fact.Origin.IMPORT and not row.hidden:
                changed = [name for name, value in values.items() if getattr(row, name) != value]
                if changed:
                    for name in changed:
                        setattr(row, name, values[name])
                    row.save(update_fields=changed)
        model.objects.bulk_create(new_rows)

    # -- entity resolution ----------------------------------------------------

    def _resolve_localities(self, found: list[dict]) -> list[tuple[Locality, str]]:
        if self._localities is None:
            self._localities = {
                (era, level, code): pk
                for pk, era, level, code in Locality.objects.values_list("pk", "era", "level", "code")
            }
        ids = {}
        for place in found:
            if place.get("ambiguous") or not place.get("code"):
                continue
            pk = self._localities.get((place.get("era") or "pre2025", place.get("level"), place["code"]))
            if pk and pk not in ids:
                ids[pk] = _text(place.get("evidence"))
        by_pk = Locality.objects.select_related("province").in_bulk(ids)
        return [(by_pk[pk], evidence) for pk, evidence in ids.items() if pk in by_pk]

    def _official(self, name: str | None) -> Official | None:
        name = normalize(name or "").strip()
        if not name:
            return None
        if name not in self._officials:
            official = (
                Official.objects.filter(name=name).first()
                or Official.objects.filter(aliases__contains=[name]).first()
                or Official.objects.create(name=name)
            )
            self._officials[name] = official
        return self._officials[name]

    def _organisation(self, name: str | None, kind: str | None, primary: Locality | None) -> Organisation | None:
        name = normalize(name or "").strip()[:300]
        if not name:
            return None
        if name not in self._organisations:
            organisation = (
                Organisation.objects.filter(name=name).first()
                or Organisation.objects.filter(aliases__contains=[name]).first()
            )
            if organisation is None:
                kinds = set(Organisation.Kind.values)
                locality = primary if primary and fold(name).endswith(primary.ascii_name) else None
                organisation = Organisation.objects.create(
                    name=name, kind=kind if kind in kinds else Organisation.Kind.OTHER, locality=locality
                )
            self._organisations[name] = organisation
        return self._organisations[name]

    def _period(self, value: str, facts: dict) -> Period | None:
        bounds = _parse_period(value)
        if bounds is None:
            return None
        kind = Period.Kind.PROGRAMME
        for detail in facts.get("period_details") or []:
            if detail.get("period") == value and detail.get("kind") == "term":
                kind = Period.Kind.TERM
        cache_key = (*bounds, kind)
        if cache_key not in self._periods:
            self._periods[cache_key], _ = Period.objects.get_or_create(start=bounds[0], end=bounds[1], kind=kind)
        return self._periods[cache_key]

    def _document(self, found: dict) -> CitedDocument | None:
        number = normalize(found.get("number") or "").strip()[:60]
        if not number:
            return None
        if number not in self._documents:
            document, created = CitedDocument.objects.get_or_create(
                number=number,
                defaults={"kind": (found.get("kind") or "")[:60], "issued_on": _parse_date(found.get("date"))},
            )
            if not created and not document.issued_on and found.get("date"):
                document.issued_on = _parse_date(found["date"])
                document.save(update_fields=["issued_on"])
            self._documents[number] = document
        return self._documents[number]

    def _agreement(self, found: dict, primary: Locality | None, article: Article, facts: dict) -> Agreement:
        period = self._period(found["period"], facts) if found.get("period") else None
        parties = [
            org for name in found.get("parties") or []
            if (org := self._organisation(name, None, primary)) is not None
        ]
        level = _agreement_level(primary, parties)
        place = f"{primary.era}:{primary.level}:{primary.code}" if primary else "-"
        party_kinds = "+".join(sorted({org.kind for org in parties})) or "?"
        plan = "plan" if found.get("kind") == ArticleAgreement.Kind.PLAN else "programme"
        key = f"{place}|{found.get('period') or '?'}|{plan}|{party_kinds}"[:400]
        agreement = Agreement.objects.filter(key=key).first() or _merged_agreement(key)
        if agreement is None:
            agreement = Agreement.objects.create(
                key=key, name=_agreement_name(found, parties, primary), period=period,
                locality=primary, level=level,
            )
        signed_on = _parse_date(found.get("signed_on"))
        if signed_on and not agreement.signed_on and found.get("kind") in ("sign", "both"):
            agreement.signed_on = signed_on
            agreement.save(update_fields=["signed_on"])
        if parties:
            agreement.parties.add(*parties)
        return agreement


def _merged_agreement(key: str) -> Agreement | None:
    """The agreement a curator merged the one with this key into (archive.merge)."""
    record = MergeRecord.objects.filter(model="agreement", moved__key=key).order_by("-merged_at").first()
    return Agreement.objects.filter(pk=record.survivor_id).first() if record else None


def _text(value) -> str:
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return str(value or "")


def _primary(localities: list[tuple[Locality, str]]) -> Locality | None:
    """The most specific locality the article names (commune over district over province)."""
    rank = {Locality.Level.COMMUNE: 0, Locality.Level.DISTRICT: 1, Locality.Level.PROVINCE: 2}
    ordered = sorted((loc for loc, _ in localities), key=lambda loc: rank[loc.level])
    # A commune named only inside a post's name ("Đồn Biên phòng Phong Hải") is
    # less telling than its district: prefer the district when both are named.
    districts = [loc for loc in ordered if loc.level == Locality.Level.DISTRICT]
    return districts[0] if districts else (ordered[0] if ordered else None)


def _agreement_level(primary: Locality | None, parties: list[Organisation]) -> str:
    if any("trung ương" in party.name.lower() for party in parties):
        return Agreement.Level.CENTRAL
    if primary is None:
        return Agreement.Level.UNKNOWN
    return {"province": Agreement.Level.PROVINCE, "district": Agreement.Level.DISTRICT,
            "commune": Agreement.Level.COMMUNE}[primary.level]


def _agreement_name(found: dict, parties: list[Organisation], primary: Locality | None) -> str:
    period = found.get("period") or ""
    start, _, end = period.partition("-")
    if found.get("kind") == ArticleAgreement.Kind.PLAN:
        name = f"Kế hoạch phối hợp năm {start}" if start else "Kế hoạch phối hợp"
    else:
        name = f"Chương trình phối hợp giai đoạn {start}–{end}" if period else "Chương trình phối hợp"
    if parties:
        name += " giữa " + " và ".join(party.name for party in parties[:4])
    elif primary:
        name += f" ({primary})"
    return name[:400]


def reextract(article: Article) -> Outcome:
    """Run the current extractor again on a stored article, even though its
    text is unchanged. Curator edits are kept as on any re-import."""
    raw, url = article.raw_text, article.source_url or None
    try:
        if raw.lstrip()[:1] == "<":  # stored as fetched: an HTML page
            document = _html_document(article.source_key, raw, [], url=url)
        else:
            document = _text_document(article.source_key, raw, [], url=url)
    except _Unreadable as error:
        return Outcome("failed", article.source_key, str(error), article_id=article.pk)
    return Importer(article.import_run).import_document(document, force=True)


def import_paths(
    paths: list[str],
    *,
    progress: Callable[[Outcome], None] | None = None,
    documents: Iterable[Document | Failure] | None = None,
) -> ImportRun:
    """Import every document under `paths`; returns the recorded ImportRun.

    Raises DatabaseUnavailable if the database goes away mid-run, and
    ImportInterrupted on Ctrl-C. Either way what was stored until then is
    whole articles only, and a re-run skips them as unchanged."""
    run = ImportRun.objects.create(paths=[str(p) for p in paths])
    importer = Importer(run)
    # Source key (URL, else path) → the input that claimed it in this run. A
    # second input with the same key would overwrite the first, and the two
    # would overwrite each other again on every re-run: it fails instead.
    claimed: dict[str, str] = {}
    try:
        for item in documents if documents is not None else iter_documents(paths):
            if isinstance(item, Failure):
                outcome = Outcome("failed", item.source, item.reason)
            elif (first := claimed.setdefault(item.url or item.source, item.source)) != item.source:
                outcome = Outcome("failed", item.source, f"same source URL as {first}, read earlier in this run")
            else:
                outcome = importer.import_document(item)
            setattr(run, outcome.status, getattr(run, outcome.status) + 1)
            if outcome.status == "failed":
                run.failures.append({"source": outcome.source, "reason": outcome.reason})
            for warning in outcome.warnings:
                run.warnings.append({"source": outcome.source, "warning": warning})
            if progress:
                progress(outcome)
    except (OperationalError, InterfaceError) as error:
        # Lost anywhere in the loop (the unchanged check, an entity look-up),
        # not only while storing an article.
        raise DatabaseUnavailable(str(error).strip()) from error
    except KeyboardInterrupt:
        # The article being stored, if any, was rolled back by its atomic block.
        run.interrupted = True
        raise ImportInterrupted(run) from None
    finally:
        run.finished_at = timezone.now()
        try:
            run.save()
        except Error:  # DatabaseError, or InterfaceError on a closed connection
            pass  # the database is gone; DatabaseUnavailable is already on its way
    return run


__all__ = ["DatabaseUnavailable", "ImportInterrupted", "Importer", "Outcome", "content_hash", "import_paths", "reextract", "datetime"]
