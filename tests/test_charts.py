"""The chart helpers: plain numbers in, geometry out (no database)."""

from archive import charts


def test_nice_ceiling_rounds_up_to_one_two_or_five():
    assert [charts.nice_ceiling(n) for n in (0, 1, 2, 3, 7, 10, 11, 34, 51, 999)] == [1, 1, 2, 5, 10, 10, 20, 50, 100, 1000]


def test_year_columns_fill_the_gaps_and_scale_to_the_round_top():
    chart = charts.year_columns({2019: 4, 2021: 10}, title="t", urls={2021: "?year=2021"}, selected={2021})
    assert [c.label for c in chart.columns] == ["2019", "2020", "2021"]
    assert [c.value for c in chart.columns] == [4, 0, 10]
    tallest = chart.columns[2]
    assert tallest.height == charts.PLOT_HEIGHT and tallest.y == chart.plot_top
    assert tallest.url == "?year=2021" and tallest.selected and not chart.columns[0].selected
    assert chart.columns[1].height == 0 and chart.columns[1].y == chart.plot_bottom
    assert [t.value for t in chart.ticks] == [0, 5, 10]
    assert "14 bài viết từ 2019 đến 2021" in chart.description and chart.total == 14


def test_year_columns_of_nothing_is_no_chart():
    assert charts.year_columns({}, title="t") is None
    assert charts.year_columns({None: 3}, title="t") is None


def test_many_years_label_only_some_columns_and_stay_inside_the_width():
    chart = charts.year_columns({year: 1 for year in range(1960, 2026)}, title="t")
    labelled = [c.label for c in chart.columns if c.show_label]
    assert labelled[:2] == ["1960", "1965"]
    assert all(c.x + c.width <= chart.width for c in chart.columns)


def test_bar_rows_scale_each_series_on_its_own():
    chart = charts.bar_rows([("Huế", "/h/", (100, 2)), ("Kon Tum", "/k/", (50, 4))], ["Bài viết", "Chương trình"], title="t")
    (hue_articles, hue_agreements), (kt_articles, kt_agreements) = [row.cells for row in chart.rows]
    assert hue_articles.width == charts.PANEL_BAR and kt_articles.width == charts.PANEL_BAR / 2
    assert kt_agreements.width == charts.PANEL_BAR and hue_agreements.width == charts.PANEL_BAR / 2
    assert chart.rows[1].y > chart.rows[0].y and chart.height > chart.rows[1].y
    assert "Nhiều bài viết nhất: Huế (100)" in chart.description


def test_bar_rows_with_zero_values_draw_empty_bars():
    chart = charts.bar_rows([("A", "/a/", (0, 0))], ["x", "y"], title="t")
    assert [cell.width for cell in chart.rows[0].cells] == [0.0, 0.0]
    assert charts.bar_rows([], ["x"], title="t") is None
