"""The extraction scorer, on small hand-made gold and predicted dicts (no database)."""

import json

import pytest

from lab.evaluate import Count, document_number, evaluate, load_gold, score_article


def gold_article(**overrides):
    facts = {
        "source": "a.txt",
        "title": "Ký kết chương trình phối hợp công tác dân vận giai đoạn 2021-2025",
        "published_on": "2021-09-11",
        "date_precision": "stated",
        "author": "Văn Bốn",
        "source_domain": None,
        "localities": [
            {"name": "Phong Điền", "level": "district", "code": "476", "era": "pre2025", "ambiguous": False},
        ],
        "officials": [
            {"name": "Trần Thị Diệu Minh", "titles": ["UVTV Huyện ủy", "Trưởng Ban Dân vận Huyện ủy"]},
        ],
        "organisations": [{"name": "Ủy ban nhân dân huyện Phong Điền", "kind": "people_committee"}],
        "agreements": [
            {"parties": [], "period": "2021-2025", "kind": "sign"},
            {"parties": [], "period": "2017-2020", "kind": "review"},
        ],
        "periods": ["2017-2020", "2021-2025"],
        "documents": [{"number": "290-QĐ/TW"}],
    }
    facts.update(overrides)
    return facts


def counts(gold, predicted, field):
    c = score_article(gold, predicted).counts[field]
    return (c.tp, c.fp, c.fn)


def test_identical_prediction_scores_only_true_positives():
    gold = gold_article()
    score = score_article(gold, json.loads(json.dumps(gold)))
    assert score.misses == {}
    assert all(c.fp == 0 and c.fn == 0 for c in score.counts.values())
    assert score.counts["titles"].tp == 2


def test_empty_prediction_misses_everything():
    score = score_article(gold_article(), {})
    assert score.counts["organisations"] == Count(tp=0, fp=0, fn=1)
    assert score.counts["agreements"] == Count(tp=0, fp=0, fn=2)
    assert "source_domain" not in score.misses  # null in both: nothing to count


def test_wrong_scalar_is_one_false_positive_and_one_false_negative():
    assert counts(gold_article(), gold_article(published_on="2021-09-10"), "dates") == (0, 1, 1)


def test_scalar_predicted_where_gold_has_none_is_a_false_positive():
    assert counts(gold_article(), gold_article(source_domain="baokontum.com.vn"), "source_domain") == (0, 1, 0)


def test_names_compare_after_normalisation_case_and_spacing():
    predicted = gold_article(
        title="Ký kết chương trình phối hợp công tác Dân vận  giai đoạn 2021 – 2025",
        author="Văn  Bốn",
        officials=[{"name": "Trần Thị Diệu Minh", "titles": ["UVTV Huyện uỷ", "Trưởng  Ban Dân vận Huyện ủy"]}],
    )
    score = score_article(gold_article(), predicted)
    for field in ("title", "author", "officials", "titles"):
        assert score.counts[field].fp == 0, field


def test_organisations_compare_without_diacritics():
    predicted = gold_article(organisations=[{"name": "Uy ban nhan dan huyen Phong Dien"}])
    assert counts(gold_article(), predicted, "organisations") == (1, 0, 0)


def test_name_diacritics_still_matter_for_officials():
    predicted = gold_article(officials=[{"name": "Tran Thi Dieu Minh", "titles": []}])
    assert counts(gold_article(), predicted, "officials") == (0, 1, 1)


def test_titles_are_pairs_with_the_official_name():
    predicted = gold_article(officials=[{"name": "Hoàng Văn Thái", "titles": ["UVTV Huyện ủy"]}])
    assert counts(gold_article(), predicted, "titles") == (0, 1, 2)


def test_locality_compares_by_era_level_and_code_not_name():
    renamed = [{"name": "Phong Dien", "level": "district", "code": "476", "era": "pre2025"}]
    assert counts(gold_article(), gold_article(localities=renamed), "localities") == (1, 0, 0)
    wrong_twin = [{"name": "Phong Điền", "level": "district", "code": "926", "era": "pre2025"}]
    assert counts(gold_article(), gold_article(localities=wrong_twin), "localities") == (0, 1, 1)


def test_ambiguous_locality_compares_by_name_and_a_guess_is_wrong():
    ambiguous = {"name": "Châu Thành", "level": "district", "code": None, "era": "pre2025",
                 "ambiguous": True, "candidates": [{"code": "821"}, {"code": "877"}]}
    gold = gold_article(localities=[ambiguous])
    assert counts(gold, gold_article(localities=[dict(ambiguous, name="Châu  Thành")]), "localities") == (1, 0, 0)
    guess = {"name": "Châu Thành", "level": "district", "code": "821", "era": "pre2025", "ambiguous": False}
    assert counts(gold, gold_article(localities=[guess]), "localities") == (0, 1, 1)


def test_same_code_in_another_era_is_another_unit():
    post = [{"name": "Phong Điền", "level": "district", "code": "476", "era": "post2025"}]
    assert counts(gold_article(), gold_article(localities=post), "localities") == (0, 1, 1)


def test_agreements_compare_by_period_and_kind_only():
    predicted = gold_article(agreements=[
        {"parties": ["anything"], "period": "2021 - 2025", "kind": "sign"},
        {"parties": [], "period": "2017-2020", "kind": "sign"},
    ])
    assert counts(gold_article(), predicted, "agreements") == (1, 1, 1)


def test_document_numbers_ignore_spacing_around_dash_and_slash():
    assert document_number("290- QĐ/TW") == "290-QĐ/TW"
    assert document_number("33 / CT-TTg") == "33/CT-TTG"
    predicted = gold_article(documents=[{"number": "290 - QĐ/TW"}])
    assert counts(gold_article(), predicted, "documents") == (1, 0, 0)


def test_micro_average_sums_counts_before_dividing(tmp_path):
    for stem, periods in (("a", ["2021-2025"]), ("b", ["2016-2020", "2020-2025", "2022-2026"])):
        (tmp_path / f"{stem}.txt").write_text("…", encoding="utf-8")
        (tmp_path / f"{stem}.json").write_text(json.dumps({"periods": periods}), encoding="utf-8")
    (tmp_path / "orphan.json").write_text("{}", encoding="utf-8")  # no .txt: not gold

    predictions = {"a.txt": ["2021-2025"], "b.txt": ["2016-2020", "1999-2000"]}
    report = evaluate(
        load_gold(tmp_path),
        extract=lambda text, source: {"periods": predictions[source.rsplit("/", 1)[-1]]},
    )
    total = report.totals["periods"]
    assert len(report.articles) == 2
    assert (total.tp, total.fp, total.fn) == (2, 1, 2)
    assert total.precision == pytest.approx(2 / 3)
    assert total.recall == pytest.approx(2 / 4)


def test_a_crashing_extractor_is_reported_and_scored_as_empty(tmp_path):
    (tmp_path / "a.txt").write_text("…", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"periods": ["2021-2025"]}), encoding="utf-8")

    def broken(text, source):
        raise ValueError("boom")

    report = evaluate(load_gold(tmp_path), extract=broken)
    assert report.errors and "boom" in report.errors[0][1]
    assert report.totals["periods"].fn == 1


def test_precision_and_recall_with_nothing_to_count():
    assert Count().precision == 1.0 and Count().recall == 1.0
    assert Count(fn=3).precision == 0.0
    assert Count(fp=2).recall == 0.0
