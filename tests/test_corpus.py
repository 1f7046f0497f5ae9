"""The synthetic corpus (lab.corpus): deterministic, readable by the
importer's reader, and realistic enough that extraction finds what was planted."""

import hashlib
import json
from pathlib import Path

import pytest

from lab import corpus
from archive.extract import extract
from archive.extract.sources import Document, iter_documents


def digest(directory: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(directory).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def test_same_count_and_seed_write_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "ARTICLES_PER_FEED", 20)  # several feeds from a small corpus
    corpus.write_corpus(50, 3, str(tmp_path / "a"), workers=1)
    corpus.write_corpus(50, 3, str(tmp_path / "b"), workers=1)
    corpus.write_corpus(50, 4, str(tmp_path / "c"), workers=1)
    assert len(list((tmp_path / "a").glob("*.jsonl"))) == 3
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")


def test_a_feed_is_the_same_whichever_feeds_are_written_before_it():
    whole = list(corpus.generate(30, 5))
    writer = corpus._Writer(5)
    writer.start_feed(0)
    assert [writer.article(i).text for i in range(3)] == [a.text for a in whole[:3]]


def test_feeds_are_read_by_the_importers_reader(tmp_path):
    corpus.write_corpus(40, 1, str(tmp_path), workers=1)
    documents = list(iter_documents([str(tmp_path)]))
    assert len(documents) == 40
    assert all(isinstance(d, Document) for d in documents)
    assert len({d.url for d in documents}) == 40
    first = json.loads((tmp_path / "feed-00000.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert documents[0].raw == first["text"]


def test_txt_files_are_read_by_the_importers_reader(tmp_path):
    corpus.write_corpus(12, 1, str(tmp_path), fmt="txt", workers=1)
    documents = list(iter_documents([str(tmp_path)]))
    assert len(documents) == 12
    assert all(isinstance(d, Document) and d.text.strip() for d in documents)


def test_articles_have_realistic_length_years_and_noise():
    articles = list(corpus.generate(300, 2))
    words = [len(a.text.split()) for a in articles]
    assert 250 <= min(words) and max(words) <= 1200
    years = {a.meta["published_on"][:4] for a in articles}
    assert min(years) >= "2005" and max(years) <= "2026" and len(years) >= 10
    assert sum("dân vận" in a.text for a in articles) >= 290
    assert any("Tổng truy cập" in a.text for a in articles)
    assert {a.meta["agreement"] for a in articles} >= {"sign", "review", "both", "plan", None}


def test_some_officials_recur_and_most_are_rare():
    counts: dict[str, int] = {}
    for article in corpus.generate(2000, 1):
        for name in article.meta["officials"]:
            counts[name] = counts.get(name, 0) + 1
    assert max(counts.values()) >= 10
    assert sum(1 for n in counts.values() if n == 1) > len(counts) / 2


@pytest.mark.parametrize("index", [0, 1, 2, 3, 5, 8])
def test_extraction_finds_the_planted_place(index):
    article = list(corpus.generate(10, 11))[index]
    facts = extract(article.text, url=article.url)
    unit = article.meta["unit"]
    assert (unit["era"], unit["level"], unit["code"]) in {
        (loc.get("era"), loc.get("level"), loc.get("code")) for loc in facts["localities"]
    }


def test_extraction_finds_most_planted_officials():
    planted = found = 0
    for article in corpus.generate(40, 11):
        names = {o["name"] for o in extract(article.text, url=article.url)["officials"]}
        planted += len(article.meta["officials"])
        found += sum(name in names for name in article.meta["officials"])
    assert found >= 0.9 * planted
