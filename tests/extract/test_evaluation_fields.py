"""The scorer's views for sets annotated with fewer distinctions than the contract
(fixtures/realistic): only annotated fields, multi-year periods, agreements with
``both`` split, title and date accuracy."""

import json

from lab.evaluate import evaluate, format_table, load_gold, score_article


def counts(gold, predicted, field):
    c = score_article(gold, predicted, fields=[field]).counts[field]
    return (c.tp, c.fp, c.fn)


def test_a_field_the_gold_leaves_out_is_not_scored():
    score = score_article({"title": "A"}, {"title": "A", "organisations": [{"name": "UBND huyện"}]})
    assert "organisations" not in score.counts
    assert score.counts["title"].tp == 1


def test_multi_year_periods_ignore_single_years_on_both_sides():
    gold = {"periods": ["2021-2025"]}
    predicted = {"periods": ["2021-2025", "2024-2024"]}
    assert counts(gold, predicted, "multi_year_periods") == (1, 0, 0)
    assert counts(gold, predicted, "periods") == (1, 1, 0)


def test_both_counts_as_a_review_and_a_signing():
    gold = {"agreements": [{"kind": "review", "period": "2021-2025"}, {"kind": "sign", "period": "2021-2025"}]}
    predicted = {"agreements": [{"kind": "both", "period": "2021 - 2025"}]}
    assert counts(gold, predicted, "agreements_split") == (2, 0, 0)


def test_a_one_year_programme_has_no_period_in_the_split_view():
    gold = {"agreements": [{"kind": "sign", "period": None}]}
    predicted = {"agreements": [{"kind": "sign", "period": "2016-2016"}]}
    assert counts(gold, predicted, "agreements_split") == (1, 0, 0)


def exact(gold, predicted, field):
    return score_article(gold, predicted, fields=[field]).counts[field].exact


def test_an_inferred_year_is_not_held_against_a_gold_without_a_date():
    gold = {"published_on": None, "date_precision": "unknown"}
    assert exact(gold, {"published_on": "2021-03-31", "date_precision": "year_inferred"}, "date_accuracy") == 1
    assert exact(gold, {"published_on": "2021-03-31", "date_precision": "stated"}, "date_accuracy") == 0


def test_a_gold_date_must_be_found_whatever_its_precision():
    gold = {"published_on": "2024-06-20", "date_precision": "year_inferred"}
    assert exact(gold, {"published_on": "2024-06-20", "date_precision": "year_inferred"}, "date_accuracy") == 1
    assert exact(gold, {"published_on": "2023-06-20", "date_precision": "year_inferred"}, "date_accuracy") == 0


def test_a_plan_counts_as_the_signing_of_a_one_year_programme():
    gold = {"agreements": [{"kind": "sign", "period": None}]}
    predicted = {"agreements": [{"kind": "plan", "period": "2024-2024"}]}
    assert counts(gold, predicted, "agreements_split") == (1, 0, 0)


def test_accuracy_is_the_share_of_articles_exactly_right(tmp_path):
    titles = {"a": ("Ký kết quy chế", "Ký kết quy chế"), "b": ("Sơ kết", "Chính trị Sơ kết"), "c": ("Tọa đàm", "Tọa đàm")}
    for stem, (gold_title, _) in titles.items():
        (tmp_path / f"{stem}.txt").write_text("…", encoding="utf-8")
        (tmp_path / f"{stem}.json").write_text(json.dumps({"title": gold_title}), encoding="utf-8")
    report = evaluate(
        load_gold(tmp_path),
        extract=lambda text, source: {"title": titles[source.rsplit("/", 1)[-1][0]][1]},
    )
    assert report.totals["title_accuracy"].accuracy == 2 / 3
    assert set(report.totals) == {"title", "title_accuracy"}  # nothing else is annotated
    assert "2/3 exact" in format_table(report)
