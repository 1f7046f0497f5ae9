"""Extraction: the facts of one article, as the dict docs/extraction.md defines.

Plain Python over strings, no Django: ``extract(text)`` is all the importer, the
``extract`` command and the benchmark call.
"""

from archive.extract import agreements
from archive.extract.clean import clean_page
from archive.extract.dates import article_dates
from archive.extract.documents import find_citations, find_documents
from archive.extract.gazetteer import load_gazetteer
from archive.extract.organisations import find_organisations
from archive.extract.people import find_officials
from archive.extract.periods import find_period_spans, find_periods
from archive.extract.places import find_localities
from archive.extract.repair import repair
from archive.extract.sources import Document, Failure, iter_documents, reread
from archive.text import normalize

# The contract the importer and the commands use: extract() over a document's
# text, and the sources that read documents from files and stored articles.
__all__ = ["Document", "Failure", "extract", "iter_documents", "load_gazetteer", "reread"]


def _undated_year(text: str) -> int | None:
    """For an undated article, a year from 2026 on that it names: it was
    written after the 2025 reform, and names the units of then."""
    later = [span.start for span in find_period_spans(text) if span.start >= 2026]
    return min(later) if later else None


def extract(
    text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    published_hint: str | None = None,
    title_hint: str | None = None,
) -> dict:
    """The facts of one article; every key of the contract is always present.

    ``published_hint`` ("YYYY-MM-DD", e.g. from the page's metadata) is used when
    the text has no date line; ``title_hint`` replaces the title found in the text.
    """
    # Broken letters are mended in what is read; the caller keeps the raw text.
    page = clean_page(repair(normalize(text)), url=url, title_hint=normalize(title_hint) if title_hint else None)
    title, body = page.title, page.body

    mentions = agreements.find_mentions(title, body)
    citations = find_citations(f"{title}\n{body}")
    offset = len(title) + 1  # citations' offsets into the body, for the dates
    dates = article_dates(
        page.date_line,
        body,
        programme_year=agreements.programme_year(mentions),
        hint=published_hint,
        excluded=[(c.begin - offset, c.stop - offset) for c in citations],
        title=title,
    )
    published_on = dates.published_on.isoformat() if dates.published_on else None
    event_on = dates.event_on.isoformat() if dates.event_on else None

    localities = find_localities(
        title,
        body,
        source_domain=page.source_domain,
        gazetteer=load_gazetteer(),
        year=dates.published_on.year if dates.published_on else _undated_year(f"{title}\n{body}"),
        published_on=dates.published_on,
    )
    found_agreements = agreements.build_agreements(
        mentions, title=title, localities=localities, signed_on=event_on
    )
    periods = set(find_periods(f"{title}\n{body}"))
    periods.update(a["period"] for a in found_agreements if a["period"])

    warnings = list(dates.warnings)
    warnings.extend(f"ambiguous locality: {loc['name']}" for loc in localities if loc.get("ambiguous"))
    if not title:
        warnings.append("no title found")

    return {
        "source": source,
        "title": title,
        "published_on": published_on,
        "date_precision": dates.precision,
        "date_evidence": dates.evidence,
        "author": page.author,
        "source_domain": page.source_domain,
        "localities": localities,
        "officials": find_officials(title, body),
        "organisations": find_organisations(title, body, localities=localities),
        "agreements": found_agreements,
        "periods": sorted(periods),
        "documents": find_documents("", citations),
        "warnings": warnings,
        "body": body,
    }
