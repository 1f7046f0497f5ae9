"""Importing articles: documents in, extracted facts stored, curator edits kept.

`import_paths` drives a whole run: it walks the inputs (archive.extract.sources),
extracts facts (archive.extract), and stores each article in its own
transaction, so a failed item never leaves a half-written row and the rest of
the batch goes on.

Identity: an input whose raw text was seen before is "unchanged"; an input
from a known source (URL, else file path) with new content updates that
article; anything else creates one.

Speed (`import_paths(..., workers=N)`, what `import_articles` does by default):
N processes extract while this one stores; documents whose source and content
are both new are created a batch at a time (Importer.create_many: entities
looked up and created in bulk, then bulk inserts), in one transaction per
batch; if the database refuses the batch, its articles are stored again one by
one, so a bad article still fails alone. Anything else (a known source with new
content, the same content twice) goes through the one-by-one path.

Curator edits survive re-import:
- article fields named in `Article.locked_fields` are never overwritten;
- fact rows (`archive.models.Fact`) written by a curator, or hidden by one, are
  never deleted or re-created; only rows the importer wrote itself are replaced.
"""

import hashlib
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import DatabaseError, Error, InterfaceError, OperationalError, connection, connections, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from psycopg.adapt import PyFormat
from psycopg.types.array import ListDumper
from simple_history.utils import bulk_create_with_history

from archive.extract import extract
from archive.extract.gazetteer import load_gazetteer
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
from archive.text import fold, normalize, slugify

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


def extract_facts(document: Document) -> dict | Outcome:
    """The extraction of one document, or the failed Outcome saying why there
    is none. Plain Python: the worker processes of a parallel import run it."""
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
    return facts


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
        self._agreements: dict[str, tuple[Agreement, set[int]]] = {}  # key -> (agreement, its party ids)
        self._locality_rows: dict[int, Locality] = {}

    def forget_entities(self) -> None:
        """Drop the cached entities: after a rollback some may not exist."""
        self._officials.clear()
        self._organisations.clear()
        self._periods.clear()
        self._documents.clear()
        self._agreements.clear()

    # -- one document ------------------------------------------------------

    def import_document(self, document: Document, *, force: bool = False) -> Outcome:
        """Store one document. `force`: extract and store it even when its
        content was imported before (re-extraction with a newer extractor)."""
        digest = content_hash(document.raw)
        if not force and Article.objects.filter(content_hash=digest).exists():
            return Outcome("unchanged", document.source)
        facts = extract_facts(document)
        if isinstance(facts, Outcome):
            return facts
        return self.store(document, digest, facts)

    def store(self, document: Document, digest: str, facts: dict) -> Outcome:
        """Store one extracted document in its own transaction."""
        try:
            with transaction.atomic():
                article, created = self._store_article(document, digest, facts)
                self._store_facts(article, facts)
        except (OperationalError, InterfaceError) as error:
            raise DatabaseUnavailable(str(error).strip()) from error
        except DatabaseError as error:
            self.forget_entities()  # some may have been created in the rolled-back transaction
            return Outcome("failed", document.source, f"database rejected the article: {error}".strip())
        warnings = list(document.warnings) + list(facts.get("warnings") or [])
        return Outcome("created" if created else "updated", document.source, article_id=article.pk, warnings=warnings)

    def _store_article(self, document: Document, digest: str, facts: dict) -> tuple[Article, bool]:
        key = document.url or document.source
        article = Article.objects.select_for_update().filter(source_key=key).first()
        created = article is None
        if created:
            article = Article(source_key=key)
        self._fill_article(article, document, digest, facts)
        article.save()
        return article, created

    def _fill_article(self, article: Article, document: Document, digest: str, facts: dict) -> None:
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
        # The cleaned body is in `body` already (and comes back from raw_text
        # on re-extraction): kept once, not twice, per article.
        article.extraction = {key: value for key, value in facts.items() if key != "body"}
        article.warnings = list(document.warnings) + list(facts.get("warnings") or [])
        if document.fetched_at:
            fetched = parse_datetime(document.fetched_at)
            if fetched and timezone.is_naive(fetched):
                fetched = timezone.make_aware(fetched)
            article.fetched_at = fetched

    # -- facts ------------------------------------------------------------

    def _store_facts(self, article: Article, facts: dict) -> None:
        for model, key_fields, wanted in self._wanted_facts(article, facts):
            self._sync(article, model, key_fields, wanted)

    def _wanted_facts(self, article: Article, facts: dict) -> list[tuple[type[Fact], str | tuple, dict]]:
        """(fact model, key fields, {key: field values}) for every fact the
        extraction found; resolves (and creates) the entities they point at."""
        wanted = []
        localities = self._resolve_localities(facts.get("localities") or [])
        primary = _primary(localities)
        seen_on = article.published_on

        wanted.append((ArticleLocality, "locality_id", {
            locality.pk: {"locality": locality, "evidence": evidence} for locality, evidence in localities
        }))
        wanted.append((ArticlePeriod, "period_id", {
            period.pk: {"period": period, "evidence": ""}
            for period in filter(None, (self._period(p, facts) for p in facts.get("periods") or []))
        }))
        wanted.append((Citation, "document_id", {
            doc.pk: {"document": doc, "as_written": (d.get("as_written") or "")[:400], "evidence": d.get("as_written") or ""}
            for d in facts.get("documents") or [] if (doc := self._document(d))
        }))
        organisations = {}
        for org in facts.get("organisations") or []:
            if entity := self._organisation(org.get("name"), org.get("kind"), primary):
                organisations[entity.pk] = {
                    "organisation": entity, "as_written": (org.get("as_written") or "")[:300],
                    "evidence": _text(org.get("evidence")),
                }
        wanted.append((ArticleOrganisation, "organisation_id", organisations))

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
        wanted.append((Role, ("official_id", "title"), roles))

        agreements = {}
        for found in facts.get("agreements") or []:
            agreement = self._agreement(found, primary, article, facts)
            agreements[agreement.pk] = {
                "agreement": agreement, "kind": found.get("kind") or ArticleAgreement.Kind.SIGN,
                "evidence": _text(found.get("evidence")),
            }
        wanted.append((ArticleAgreement, "agreement_id", agreements))
        return wanted

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

    # -- many new documents at once (import_paths with workers) --------------

    def create_many(self, extracted: list[tuple[Document, str, dict]]) -> list[Outcome]:
        """Store documents whose source and content are both new, in one
        transaction and a few queries per table. If the database refuses any
        of them, each is stored again on its own, so only that one fails."""
        _use_fast_array_dumper()
        try:
            with transaction.atomic(), _derived_rows_refreshed_once() as inserted:
                self._prefetch_entities([facts for _, _, facts in extracted])
                articles = []
                for document, digest, facts in extracted:
                    article = Article(source_key=document.url or document.source)
                    self._fill_article(article, document, digest, facts)
                    articles.append(article)
                bulk_create_with_history(articles, Article, batch_size=500)
                inserted.extend(article.pk for article in articles)
                rows: dict[type[Fact], list[tuple[Article, dict]]] = {}
                for article, (_, _, facts) in zip(articles, extracted):
                    for model, _key_fields, wanted in self._wanted_facts(article, facts):
                        rows.setdefault(model, []).extend((article, values) for values in wanted.values())
                for model, facts_of_model in rows.items():
                    _copy_facts(model, facts_of_model)
        except (OperationalError, InterfaceError) as error:
            raise DatabaseUnavailable(str(error).strip()) from error
        except DatabaseError:
            self.forget_entities()
            return [self.store(document, digest, facts) for document, digest, facts in extracted]
        return [
            Outcome("created", document.source, article_id=article.pk,
                    warnings=list(document.warnings) + list(facts.get("warnings") or []))
            for article, (document, _, facts) in zip(articles, extracted)
        ]

    def _prefetch_entities(self, extractions: list[dict]) -> None:
        """Fill the official and organisation caches for these extractions with
        a few queries, creating the missing ones in bulk, so that resolving
        each article's entities afterwards costs no query."""
        if not self._locality_rows:  # reference data: all of it, once (~15,000 rows)
            self._resolve_localities([])
            self._locality_rows = Locality.objects.select_related("province").in_bulk()
        officials = {
            name for facts in extractions for person in facts.get("officials") or []
            if (name := normalize(person.get("name") or "").strip()) and name not in self._officials
        }
        if officials:
            self._officials.update(_find_by_name(Official, officials))
            new = [name for name in sorted(officials) if name not in self._officials]
            created = _create_officials(new)
            self._officials.update((official.name, official) for official in created)

        # The first mention of an organisation decides its kind and locality,
        # as in _organisation(): the article's own list first, then agreement parties.
        wanted: dict[str, tuple[str | None, Locality | None]] = {}
        for facts in extractions:
            primary = _primary(self._resolve_localities(facts.get("localities") or []))
            mentions = [(org.get("name"), org.get("kind")) for org in facts.get("organisations") or []]
            mentions += [(name, None) for found in facts.get("agreements") or [] for name in found.get("parties") or []]
            for name, kind in mentions:
                name = normalize(name or "").strip()[:300]
                if name and name not in self._organisations:
                    wanted.setdefault(name, (kind, primary))
        if wanted:
            self._organisations.update(_find_by_name(Organisation, set(wanted)))
            new = [_new_organisation(name, *wanted[name]) for name in wanted if name not in self._organisations]
            created = bulk_create_with_history(new, Organisation, batch_size=500) if new else []
            self._organisations.update((organisation.name, organisation) for organisation in created)

        # Agreements: the known ones with their parties, the new ones created as
        # the first article naming them would create them (with every party of
        # the batch), so that _agreement() costs no query for these articles.
        mentions: dict[str, list[tuple[dict, list[Organisation], Locality | None, dict]]] = {}
        for facts in extractions:
            primary = _primary(self._resolve_localities(facts.get("localities") or []))
            for found in facts.get("agreements") or []:
                key, parties = self._agreement_key(found, primary)
                if key not in self._agreements:
                    mentions.setdefault(key, []).append((found, parties, primary, facts))
        if not mentions:
            return
        through = Agreement.parties.through
        known = {agreement.key: agreement for agreement in Agreement.objects.filter(key__in=list(mentions))}
        party_ids: dict[int, set[int]] = {agreement.pk: set() for agreement in known.values()}
        for agreement_id, organisation_id in through.objects.filter(agreement__in=known.values()).values_list(
            "agreement_id", "organisation_id"
        ):
            party_ids[agreement_id].add(organisation_id)
        for key, agreement in known.items():
            self._agreements[key] = agreement, party_ids[agreement.pk]
        new = []
        merges = MergeRecord.objects.filter(model="agreement").exists()
        for key, found_in in mentions.items():
            if key in known:
                continue
            if merges and (merged := _merged_agreement(key)):
                self._agreements[key] = merged, set(merged.parties.values_list("pk", flat=True))
                continue
            found, parties, primary, facts = found_in[0]
            agreement = self._new_agreement(key, found, parties, primary, facts)
            for found, _parties, _primary_, _facts in found_in:
                signed_on = _parse_date(found.get("signed_on"))
                if signed_on and found.get("kind") in ("sign", "both"):
                    agreement.signed_on = signed_on  # what the first signing article would set
                    break
            new.append(agreement)
        if new:
            bulk_create_with_history(new, Agreement, batch_size=500)
            links = []
            for agreement in new:
                ids = {org.pk for _, parties, _, _ in mentions[agreement.key] for org in parties}
                links += [through(agreement_id=agreement.pk, organisation_id=pk) for pk in sorted(ids)]
                self._agreements[agreement.key] = agreement, ids
            through.objects.bulk_create(links, batch_size=2000)

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
        if missing := [pk for pk in ids if pk not in self._locality_rows]:
            self._locality_rows.update(Locality.objects.select_related("province").in_bulk(missing))
        return [(self._locality_rows[pk], evidence) for pk, evidence in ids.items() if pk in self._locality_rows]

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
                organisation = _new_organisation(name, kind, primary)
                organisation.save()
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

    def _agreement_key(self, found: dict, primary: Locality | None) -> tuple[str, list[Organisation]]:
        """How an agreement is recognised again, and its parties."""
        parties = [
            org for name in found.get("parties") or []
            if (org := self._organisation(name, None, primary)) is not None
        ]
        place = f"{primary.era}:{primary.level}:{primary.code}" if primary else "-"
        party_kinds = "+".join(sorted({org.kind for org in parties})) or "?"
        plan = "plan" if found.get("kind") == ArticleAgreement.Kind.PLAN else "programme"
        return f"{place}|{found.get('period') or '?'}|{plan}|{party_kinds}"[:400], parties

    def _new_agreement(self, key: str, found: dict, parties: list[Organisation], primary: Locality | None, facts: dict) -> Agreement:
        period = self._period(found["period"], facts) if found.get("period") else None
        return Agreement(
            key=key, name=_agreement_name(found, parties, primary), period=period,
            locality=primary, level=_agreement_level(primary, parties),
        )

    def _agreement(self, found: dict, primary: Locality | None, article: Article, facts: dict) -> Agreement:
        key, parties = self._agreement_key(found, primary)
        if key in self._agreements:
            agreement, party_ids = self._agreements[key]
        else:
            agreement = Agreement.objects.filter(key=key).first() or _merged_agreement(key)
            if agreement is None:
                agreement = self._new_agreement(key, found, parties, primary, facts)
                agreement.save()
                party_ids = set()
            else:
                party_ids = set(agreement.parties.values_list("pk", flat=True))
            self._agreements[key] = agreement, party_ids
        signed_on = _parse_date(found.get("signed_on"))
        if signed_on and not agreement.signed_on and found.get("kind") in ("sign", "both"):
            agreement.signed_on = signed_on
            agreement.save(update_fields=["signed_on"])
        if new_parties := [org for org in parties if org.pk not in party_ids]:
            agreement.parties.add(*new_parties)
            party_ids.update(org.pk for org in new_parties)
        return agreement


class _ListDumper(ListDumper):
    """psycopg's dumper of lists as text arrays, escaping with bytes.replace.

    Django inserts in bulk through UNNEST of arrays; psycopg's own dumper
    escapes each element with a regular expression and a replacement template,
    one template expansion per double quote: ~15 ms per article for the JSON
    of its extraction, more than all the rest of storing it."""

    class _re_esc:  # noqa: N801 - replaces ListDumper._re_esc
        @staticmethod
        def sub(_template, data):
            return bytes(data).replace(b"\\", b"\\\\").replace(b'"', b'\\"')


@contextmanager
def _derived_rows_refreshed_once():
    """Inside a transaction: the Postgres insert triggers leave ArticlePlace
    and ArticleFacetKeys alone, and the articles whose ids are appended to
    the yielded list get theirs rebuilt once at the end (migration 0011),
    rather than once per fact table inserted into."""
    inserted: list[int] = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL archive.refresh_later = on")
    yield inserted  # on an error, rolling back the transaction (or savepoint) undoes the SET too
    with connection.cursor() as cursor:
        cursor.execute("SELECT archive_refresh_derived(%s::bigint[])", [inserted])
        cursor.execute("SET LOCAL archive.refresh_later = off")  # the transaction may go on (tests)


def _copy_facts(model: type[Fact], facts: list[tuple[Article, dict]]) -> None:
    """Insert new importer-written rows of `model`, one per (article, field
    values), with COPY: the rows bulk_create would insert, without a model
    instance per row (an article has ~35 fact rows: building and binding
    them took about a quarter of the importer's own CPU per article)."""
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    constant = {field.name: field.get_default() for field in fields} | {"origin": Fact.Origin.IMPORT}
    relations = {field.name for field in fields if field.is_relation}
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor, cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for article, values in facts:
            row = constant | values
            row["article"] = article
            copy.write_row([getattr(row[name], "pk", row[name]) if name in relations else row[name] for name in constant])


def _use_fast_array_dumper() -> None:
    connection.ensure_connection()
    adapters = connection.connection.adapters
    if adapters.get_dumper(list, PyFormat.TEXT) is not _ListDumper:
        adapters.register_dumper(list, _ListDumper)


def _new_organisation(name: str, kind: str | None, primary: Locality | None) -> Organisation:
    """An unsaved Organisation first seen with `kind` in an article about `primary`."""
    locality = primary if primary and fold(name).endswith(primary.ascii_name) else None
    kind = kind if kind in Organisation.Kind.values else Organisation.Kind.OTHER
    return Organisation(name=name, ascii_name=fold(name), kind=kind, locality=locality)


def _find_by_name(model, names: set[str]) -> dict:
    """name -> entity for the names that are an entity's name or alias (two
    queries). Like `.filter(name=…).first()`: the first by name wins, then by alias."""
    found = {}
    for entity in model.objects.filter(name__in=names).order_by("name", "pk"):
        found.setdefault(entity.name, entity)
    if missing := names - set(found):
        # Few entities have aliases (curators' merges): read them all.
        for entity in model.objects.exclude(aliases=[]).order_by("name", "pk"):
            for alias in entity.aliases:
                if alias in missing:
                    found.setdefault(alias, entity)
    return found


def _create_officials(names: list[str]) -> list[Official]:
    """Create officials in bulk, with the slugs Official.save() would give them."""
    if not names:
        return []
    bases = {name: (slugify(name) or "x")[:130] for name in names}
    taken = set(Official.objects.filter(slug__in=set(bases.values())).values_list("slug", flat=True))
    officials = []
    for name in names:
        slug, n = bases[name], 1
        while slug in taken or (n > 1 and Official.objects.filter(slug=slug).exists()):  # rare
            n += 1
            slug = f"{bases[name]}-{n}"
        taken.add(slug)
        officials.append(Official(name=name, ascii_name=fold(name), slug=slug))
    return bulk_create_with_history(officials, Official, batch_size=500)


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


# -- Parallel import -------------------------------------------------------------

# Documents per transaction: enough to make the queries per article few, few
# enough that an interrupted run loses little work.
BATCH_SIZE = 100


def _extract_many(documents: list[Document]) -> list[dict | Outcome]:
    return [extract_facts(document) for document in documents]


def _ignore_sigint() -> None:
    # Ctrl-C in a terminal reaches the whole process group; the parent alone
    # handles it, and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class _Batch:
    entries: list[tuple[Document | Failure, str | None, str]]  # (item, content hash, plan)
    extraction: Future | None  # facts (or failed Outcome) of the entries planned "new" or "one by one"


def _plan(batch: list[Document | Failure], pool: ProcessPoolExecutor, in_flight: set[str]) -> _Batch:
    """Decide what each document of a batch needs (two queries) and send the
    ones to extract to a worker. Plans: "failed", "unchanged", "new" (stored
    with the batch), "one by one" (its source is known, or the same content is
    in an earlier batch not yet stored: stored as import_document would)."""
    documents = [item for item in batch if isinstance(item, Document)]
    digests = [content_hash(document.raw) for document in documents]
    stored = set(Article.objects.filter(content_hash__in=digests).values_list("content_hash", flat=True))
    known = set(Article.objects.filter(
        source_key__in=[document.url or document.source for document in documents]
    ).values_list("source_key", flat=True))
    entries, to_extract = [], []
    digest_of = dict(zip(map(id, documents), digests))
    for item in batch:
        if isinstance(item, Failure):
            entries.append((item, None, "failed"))
            continue
        digest = digest_of[id(item)]
        if digest in stored:
            plan = "unchanged"
        elif digest in in_flight or (item.url or item.source) in known:
            plan = "one by one"
        else:
            plan = "new"
            in_flight.add(digest)
        entries.append((item, digest, plan))
        if plan != "unchanged":
            to_extract.append(item)
    return _Batch(entries, pool.submit(_extract_many, to_extract) if to_extract else None)


def _store_batch(importer: Importer, batch: _Batch, in_flight: set[str]) -> list[Outcome]:
    extracted = iter(batch.extraction.result() if batch.extraction else ())
    outcomes: list[Outcome | None] = []
    new, one_by_one = [], []
    for item, digest, plan in batch.entries:
        facts = next(extracted) if plan in ("new", "one by one") else None
        if plan == "failed":
            outcomes.append(Outcome("failed", item.source, item.reason))
        elif plan == "unchanged":
            outcomes.append(Outcome("unchanged", item.source))
        elif isinstance(facts, Outcome):
            outcomes.append(facts)
        else:
            (new if plan == "new" else one_by_one).append((len(outcomes), item, digest, facts))
            outcomes.append(None)
    if new:
        created = importer.create_many([(document, digest, facts) for _, document, digest, facts in new])
        for (index, *_), outcome in zip(new, created):
            outcomes[index] = outcome
    for index, document, digest, facts in one_by_one:
        if Article.objects.filter(content_hash=digest).exists():
            outcomes[index] = Outcome("unchanged", document.source)
        else:
            outcomes[index] = importer.store(document, digest, facts)
    in_flight.difference_update(digest for _, _, digest, _ in new)
    return outcomes


def _import_parallel(importer: Importer, items: Iterable[Document | Failure], workers: int) -> Iterator[Outcome]:
    """The outcomes of importing `items`, in order: `workers` processes
    extract while this one stores. Batches are planned ahead, so extraction
    of the next ones overlaps the storing of this one; each batch's new
    articles are created together (Importer.create_many)."""
    load_gazetteer()  # before the workers fork, so they share it
    # Forked workers should not inherit a live database connection (they never
    # use it, and exit without closing it). Inside a transaction (tests) it stays.
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_sigint)
    try:
        pool.submit(int).result()  # fork the workers now, before this process connects again
        pending: deque[_Batch] = deque()
        in_flight: set[str] = set()
        for batch in _batches(items, BATCH_SIZE):
            pending.append(_plan(batch, pool, in_flight))
            if len(pending) > workers:
                yield from _store_batch(importer, pending.popleft(), in_flight)
        while pending:
            yield from _store_batch(importer, pending.popleft(), in_flight)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def import_paths(
    paths: list[str],
    *,
    progress: Callable[[Outcome], None] | None = None,
    documents: Iterable[Document | Failure] | None = None,
    workers: int | None = None,
) -> ImportRun:
    """Import every document under `paths`; returns the recorded ImportRun.

    `workers`: extract in that many processes and create new articles in
    batches (same result, several times faster); None: one by one, here.

    Raises DatabaseUnavailable if the database goes away mid-run, and
    ImportInterrupted on Ctrl-C. Either way what was stored until then is
    whole articles only, and a re-run skips them as unchanged."""
    run = ImportRun.objects.create(paths=[str(p) for p in paths])
    importer = Importer(run)
    # Source key (URL, else path) → the input that claimed it in this run. A
    # second input with the same key would overwrite the first, and the two
    # would overwrite each other again on every re-run: it fails instead.
    claimed: dict[str, str] = {}

    def screened(items):
        for item in items:
            if isinstance(item, Document) and (first := claimed.setdefault(item.url or item.source, item.source)) != item.source:
                yield Failure(item.source, f"same source URL as {first}, read earlier in this run")
            else:
                yield item

    outcomes: Iterator[Outcome] | None = None
    try:
        items = screened(documents if documents is not None else iter_documents(paths))
        if workers:
            outcomes = _import_parallel(importer, items, workers)
        else:
            outcomes = (
                Outcome("failed", item.source, item.reason) if isinstance(item, Failure) else importer.import_document(item)
                for item in items
            )
        for outcome in outcomes:
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
        if outcomes is not None:
            outcomes.close()  # a parallel import stops its workers
        run.finished_at = timezone.now()
        try:
            run.save()
        except Error:  # DatabaseError, or InterfaceError on a closed connection
            pass  # the database is gone; DatabaseUnavailable is already on its way
    return run


__all__ = ["DatabaseUnavailable", "ImportInterrupted", "Importer", "Outcome", "content_hash", "import_paths", "reextract", "datetime"]


def after_import() -> None:
    """What a run that stored articles leaves for the pages: the stored
    whole-archive counts (search.refresh_facet_counts) and fresh planner
    statistics for the entity tables. Autovacuum analyses a table once a
    tenth of it plus 50 rows changed, so the 50 periods of an archive filled
    from empty stayed planned as 5 rows, and the province overview's
    programme table ran as nested loops (236 → 144 ms at 100k,
    docs/performance.md, session 8). The articles' and facts' tables, large
    and growing, are left to autovacuum."""
    from archive import search

    search.refresh_facet_counts()
    tables = [model._meta.db_table for model in (Period, Agreement, Official, Organisation, CitedDocument)]
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(tables)}")
