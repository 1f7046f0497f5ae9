"""A parallel import: worker processes extract while this process stores,
a batch at a time; the new articles of a batch are created together
(Importer.create_many)."""

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from django.db import connections

from archive.extract import Document, Failure, load_gazetteer
from archive.importer.store import Importer, Outcome, extract_facts
from archive.models import Article, content_hash

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


def _plan(batch: list[Document | Failure], pool: ProcessPoolExecutor, in_flight: set[str], reextract: bool) -> _Batch:
    """Decide what each document of a batch needs (two queries) and send the
    ones to extract to a worker. Plans: "failed", "unchanged", "new" (stored
    with the batch), "one by one" (its source is known, or the same content is
    in an earlier batch not yet stored: stored as import_document would),
    "again" (its content is stored, and `reextract`)."""
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
            plan = "again" if reextract else "unchanged"
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
        facts = next(extracted) if plan in ("new", "one by one", "again") else None
        if plan == "failed":
            outcomes.append(Outcome("failed", item.source, item.reason))
        elif plan == "unchanged":
            outcomes.append(Outcome("unchanged", item.source))
        elif isinstance(facts, Outcome):
            outcomes.append(facts)
        else:
            if plan == "new":
                new.append((len(outcomes), item, digest, facts))
            else:
                one_by_one.append((len(outcomes), item, digest, facts, plan == "again"))
            outcomes.append(None)
    if new:
        created = importer.create_many([(document, digest, facts) for _, document, digest, facts in new])
        for (index, *_), outcome in zip(new, created):
            outcomes[index] = outcome
    for index, document, digest, facts, again in one_by_one:
        if importer.is_stored(document, digest, force=again):
            outcomes[index] = Outcome("unchanged", document.source)
        else:
            outcomes[index] = importer.store(document, digest, facts)
    in_flight.difference_update(digest for _, _, digest, _ in new)
    return outcomes


def import_parallel(
    importer: Importer, items: Iterable[Document | Failure], workers: int, *, reextract: bool = False
) -> Iterator[Outcome]:
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
            pending.append(_plan(batch, pool, in_flight, reextract))
            if len(pending) > workers:
                yield from _store_batch(importer, pending.popleft(), in_flight)
        while pending:
            yield from _store_batch(importer, pending.popleft(), in_flight)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
