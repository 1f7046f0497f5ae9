"""import_paths(workers=N): extraction in worker processes, new articles stored
in batches. It must store exactly what the one-by-one import stores."""

import json
from pathlib import Path

import pytest

from archive.importer import import_paths
from archive.models import (
    Agreement,
    Article,
    ArticleLocality,
    Fact,
    Locality,
    Official,
    Organisation,
    Role,
)

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
INPUTS = [str(FIXTURES / "articles"), str(FIXTURES / "gold")]


def snapshot() -> dict:
    """Everything the importer wrote, by natural keys (no primary keys)."""
    articles = {}
    for article in Article.objects.all():
        articles[article.source_key] = {
            "fields": (article.title, article.body, article.raw_text, article.published_on, article.author,
                       article.date_precision, article.date_evidence, article.content_hash, article.warnings),
            "extraction": json.dumps(article.extraction, sort_keys=True),
            "roles": sorted((r.official.name, r.title, r.locality_id, r.seen_on, r.evidence, r.origin)
                            for r in article.roles.select_related("official")),
            "localities": sorted((f.locality_id, f.evidence) for f in article.locality_facts.all()),
            "organisations": sorted((f.organisation.name, f.as_written, f.evidence)
                                    for f in article.organisation_facts.select_related("organisation")),
            "agreements": sorted((f.agreement.key, f.kind, f.evidence)
                                 for f in article.agreement_facts.select_related("agreement")),
            "periods": sorted((f.period.start, f.period.end, f.period.kind) for f in article.period_facts.select_related("period")),
            "citations": sorted((f.document.number, f.as_written) for f in article.citations.select_related("document")),
            "history": article.history.count(),
        }
    return {
        "articles": articles,
        "officials": sorted(Official.objects.values_list("name", "ascii_name", "slug")),
        "organisations": sorted(Organisation.objects.values_list("name", "ascii_name", "kind", "locality_id")),
        "agreements": sorted(
            (a.key, a.name, a.signed_on, a.level, a.locality_id, a.period_id and str(a.period),
             tuple(sorted(a.parties.values_list("name", flat=True))))
            for a in Agreement.objects.all()
        ),
        "official_history": Official.history.count(),
    }


def forget_everything():
    Article.objects.all().delete()
    Agreement.objects.all().delete()
    Official.objects.all().delete()
    Official.history.all().delete()
    Organisation.objects.all().delete()


def test_parallel_import_stores_what_the_one_by_one_import_stores():
    serial = import_paths(INPUTS)
    expected = snapshot()
    forget_everything()
    parallel = import_paths(INPUTS, workers=2)
    assert (parallel.created, parallel.failed) == (serial.created, serial.failed)
    assert snapshot() == expected


def test_parallel_reimport_is_unchanged_and_changed_files_update_keeping_curator_edits(tmp_path):
    for path in (FIXTURES / "articles").glob("*.txt"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    first = import_paths([str(tmp_path)], workers=2)
    assert (first.created, first.unchanged) == (5, 0)
    again = import_paths([str(tmp_path)], workers=2)
    assert (again.created, again.updated, again.unchanged, again.failed) == (0, 0, 5, 0)

    path = sorted(tmp_path.glob("*.txt"))[1]
    article = Article.objects.get(source_key=str(path))
    hidden = list(article.roles.all()[:1])
    Role.objects.filter(pk__in=[r.pk for r in hidden]).update(hidden=True)
    added = Locality.objects.get(era="pre2025", level="province", code="40")
    ArticleLocality.objects.get_or_create(article=article, locality=added, defaults={"origin": Fact.Origin.CURATOR})
    path.write_text(path.read_text(encoding="utf-8") + "\nTin Khác\n", encoding="utf-8")

    run = import_paths([str(tmp_path)], workers=2)
    assert (run.created, run.updated, run.unchanged) == (0, 1, 4)
    assert all(Role.objects.get(pk=role.pk).hidden for role in hidden)
    assert article.locality_facts.filter(locality=added).exists()


def test_an_article_the_database_refuses_fails_alone(tmp_path):
    text = (FIXTURES / "articles" / "000_fea346a075c43873.txt").read_text(encoding="utf-8")
    records = [
        {"url": "https://example.vn/a", "text": text},
        {"url": "https://example.vn/" + "x" * 1200, "text": text + "\nkhác\n"},  # longer than source_key allows
        {"url": "https://example.vn/b", "text": text + "\nnữa\n"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    run = import_paths([str(feed)], workers=2)
    assert (run.created, run.failed) == (2, 1)
    assert run.failures[0]["source"] == f"{feed}:2"
    assert sorted(Article.objects.values_list("source_key", flat=True)) == ["https://example.vn/a", "https://example.vn/b"]


def test_same_content_twice_in_one_run_is_stored_once(tmp_path):
    text = (FIXTURES / "articles" / "001_d69ba35cc339d1c2.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    run = import_paths([str(tmp_path)], workers=2)
    assert (run.created, run.unchanged, run.failed) == (1, 1, 0)
