"""Storing extracted articles: one document in its own transaction, or a
batch of new ones in one (Importer.create_many), with curator edits kept.

Curator edits survive re-import (archive.curation):
- article fields named in `Article.locked_fields` are never overwritten;
- fact rows written by a curator, or hidden by one, are never deleted or
  re-created; only rows the importer wrote itself are replaced;
- an article a curator deleted (`Article.hidden`, a tombstone) is left as it
  is: reported unchanged, with a warning saying why.
"""

import logging
from dataclasses import dataclass, field

from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from archive.extract import Document, extract
from archive.importer.bulk import copy_facts, derived_rows_refreshed_once, use_fast_array_dumper
from archive.curation import IMPORTED_FIELDS
from archive.importer.entities import Entities, as_text, parse_date, primary_locality
from archive.models import (
    Article,
    ArticleAgreement,
    ArticleLocality,
    ArticleOrganisation,
    ArticlePeriod,
    Citation,
    Fact,
    ImportRun,
    Role,
    content_hash,
)
from archive.text import normalize

log = logging.getLogger(__name__)

DELETED = "deleted by a curator (admin): not imported again"


class DatabaseUnavailable(Exception):
    """The database went away: the run stops, and a re-run completes it."""


# The fact tables by the contract's key (docs/extraction.md), for reports.
FACT_KINDS = {
    ArticleLocality: "localities", Role: "officials", ArticleOrganisation: "organisations",
    ArticleAgreement: "agreements", ArticlePeriod: "periods", Citation: "documents",
}


@dataclass
class Outcome:
    status: str  # created, updated, unchanged, failed
    source: str
    reason: str = ""
    article_id: int | None = None
    warnings: list[str] = field(default_factory=list)
    # An existing article's facts the import changed: {kind: [added, removed, changed]}.
    facts: dict[str, list[int]] = field(default_factory=dict)


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


class Importer:
    """Stores documents; keeps the entities it found between articles."""

    def __init__(self, run: ImportRun | None = None):
        self.run = run
        self.entities = Entities()

    # -- one document ------------------------------------------------------

    def import_document(self, document: Document, *, force: bool = False) -> Outcome:
        """Store one document. `force`: extract and store it even when its
        content was imported before (re-extraction with a newer extractor)."""
        digest = content_hash(document.raw)
        if self.is_stored(document, digest, force=force):
            return Outcome("unchanged", document.source)
        facts = extract_facts(document)
        if isinstance(facts, Outcome):
            return facts
        return self.store(document, digest, facts)

    @staticmethod
    def is_stored(document: Document, digest: str, *, force: bool = False) -> bool:
        """Whether the document's text is stored already, so that there is
        nothing to do: with `force`, only under another source (the same text
        read from two files is one article, and re-extracting is the first's)."""
        stored_as = Article.objects.filter(content_hash=digest).values_list("source_key", flat=True).first()
        return stored_as is not None and not (force and stored_as == (document.url or document.source))

    def store(self, document: Document, digest: str, facts: dict) -> Outcome:
        """Store one extracted document in its own transaction. An article
        stored before is "updated" when its text, an imported field or a
        fact changed (and which facts are in the outcome), else "unchanged"."""
        try:
            with transaction.atomic():
                article, created, changed = self._store_article(document, digest, facts)
                if article.hidden:
                    return Outcome("unchanged", document.source, article_id=article.pk, warnings=[DELETED])
                fact_changes = self._store_facts(article, facts)
        except (OperationalError, InterfaceError) as error:
            raise DatabaseUnavailable(str(error).strip()) from error
        except DatabaseError as error:
            self.entities.forget()  # some may have been created in the rolled-back transaction
            return Outcome("failed", document.source, f"database rejected the article: {error}".strip())
        warnings = list(document.warnings) + list(facts.get("warnings") or [])
        if created:
            return Outcome("created", document.source, article_id=article.pk, warnings=warnings)
        status = "updated" if changed or fact_changes else "unchanged"
        return Outcome(status, document.source, article_id=article.pk, warnings=warnings, facts=fact_changes)

    def _store_article(self, document: Document, digest: str, facts: dict) -> tuple[Article, bool, bool]:
        """(the article, whether it is new, whether its text or an imported
        field changed)."""
        key = document.url or document.source
        article = Article.objects.select_for_update().filter(source_key=key).first()
        created = article is None
        if created:
            article = Article(source_key=key)
        elif article.hidden:
            return article, False, False
        before = None if created else [getattr(article, name) for name in IMPORTED_FIELDS + ["content_hash"]]
        self._fill_article(article, document, digest, facts)
        article.save_without_historical_record()  # history records people's changes (archive.curation.history)
        changed = before != [getattr(article, name) for name in IMPORTED_FIELDS + ["content_hash"]]
        return article, created, changed

    def _fill_article(self, article: Article, document: Document, digest: str, facts: dict) -> None:
        values = {
            "title": normalize(facts["title"])[:500],
            "body": facts.get("body") or document.text,
            "source_url": document.url or "",
            "source_domain": facts.get("source_domain") or "",
            "author": facts.get("author") or "",
            "published_on": parse_date(facts.get("published_on")),
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

    def _store_facts(self, article: Article, facts: dict) -> dict[str, list[int]]:
        """Store the facts; {kind: [added, removed, changed]} for the kinds
        whose importer-written rows changed."""
        changes = {}
        for model, key_fields, wanted in self._wanted_facts(article, facts):
            counts = self._sync(article, model, key_fields, wanted)
            if any(counts):
                changes[FACT_KINDS[model]] = counts
        return changes

    def _wanted_facts(self, article: Article, facts: dict) -> list[tuple[type[Fact], str | tuple, dict]]:
        """(fact model, key fields, {key: field values}) for every fact the
        extraction found; resolves (and creates) the entities they point at."""
        wanted = []
        localities = self.entities.localities(facts.get("localities") or [])
        primary = primary_locality(localities)
        seen_on = article.published_on

        wanted.append((ArticleLocality, "locality_id", {
            locality.pk: {"locality": locality, "evidence": evidence} for locality, evidence in localities
        }))
        wanted.append((ArticlePeriod, "period_id", {
            period.pk: {"period": period, "evidence": ""}
            for period in filter(None, (self.entities.period(p, facts) for p in facts.get("periods") or []))
        }))
        wanted.append((Citation, "document_id", {
            doc.pk: {"document": doc, "as_written": (d.get("as_written") or "")[:400], "evidence": d.get("as_written") or ""}
            for d in facts.get("documents") or [] if (doc := self.entities.document(d))
        }))
        organisations = {}
        for org in facts.get("organisations") or []:
            if entity := self.entities.organisation(org.get("name"), org.get("kind"), primary):
                organisations[entity.pk] = {
                    "organisation": entity, "as_written": (org.get("as_written") or "")[:300],
                    "evidence": as_text(org.get("evidence")),
                }
        wanted.append((ArticleOrganisation, "organisation_id", organisations))

        roles = {}
        for person in facts.get("officials") or []:
            official = self.entities.official(person.get("name"))
            if official is None:
                continue
            titles = person.get("titles") or [""]
            evidence = as_text(person.get("evidence"))
            for title in titles:
                title = normalize(title)[:300]
                roles[(official.pk, title)] = {
                    "official": official, "title": title, "locality": primary,
                    "seen_on": seen_on, "evidence": evidence,
                }
        wanted.append((Role, ("official_id", "title"), roles))

        agreements = {}
        for found in facts.get("agreements") or []:
            agreement = self.entities.agreement(found, primary, article, facts)
            agreements[agreement.pk] = {
                "agreement": agreement, "kind": found.get("kind") or ArticleAgreement.Kind.SIGN,
                "evidence": as_text(found.get("evidence")),
            }
        wanted.append((ArticleAgreement, "agreement_id", agreements))
        return wanted

    def _sync(self, article: Article, model: type[Fact], key_fields, wanted: dict) -> list[int]:
        """Make the importer's rows of `model` for `article` match `wanted`;
        [added, removed, changed] rows.

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
        new_rows, updated = [], 0
        for key, values in wanted.items():
            row = existing.get(key)
            if row is None:
                new_rows.append(model(article=article, origin=Fact.Origin.IMPORT, **values))
            elif row.origin == Fact.Origin.IMPORT and not row.hidden:
                changed = [name for name, value in values.items() if getattr(row, name) != value]
                if changed:
                    for name in changed:
                        setattr(row, name, values[name])
                    row.save_without_historical_record(update_fields=changed)
                    updated += 1
        model.objects.bulk_create(new_rows)
        return [len(new_rows), len(stale), updated]

    # -- many new documents at once (a parallel import) ----------------------

    def create_many(self, extracted: list[tuple[Document, str, dict]]) -> list[Outcome]:
        """Store documents whose source and content are both new, in one
        transaction and a few queries per table. If the database refuses any
        of them, each is stored again on its own, so only that one fails."""
        use_fast_array_dumper()
        try:
            with transaction.atomic(), derived_rows_refreshed_once() as inserted:
                self.entities.prefetch([facts for _, _, facts in extracted])
                articles = []
                for document, digest, facts in extracted:
                    article = Article(source_key=document.url or document.source)
                    self._fill_article(article, document, digest, facts)
                    articles.append(article)
                Article.objects.bulk_create(articles, batch_size=500)
                inserted.extend(article.pk for article in articles)
                rows: dict[type[Fact], list[tuple[Article, dict]]] = {}
                for article, (_, _, facts) in zip(articles, extracted):
                    for model, _key_fields, wanted in self._wanted_facts(article, facts):
                        rows.setdefault(model, []).extend((article, values) for values in wanted.values())
                for model, facts_of_model in rows.items():
                    copy_facts(model, facts_of_model)
        except (OperationalError, InterfaceError) as error:
            raise DatabaseUnavailable(str(error).strip()) from error
        except DatabaseError:
            self.entities.forget()
            return [self.store(document, digest, facts) for document, digest, facts in extracted]
        return [
            Outcome("created", document.source, article_id=article.pk,
                    warnings=list(document.warnings) + list(facts.get("warnings") or []))
            for article, (document, _, facts) in zip(articles, extracted)
        ]
