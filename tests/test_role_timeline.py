"""An official's titles over the years by place, as a chart; a place's
officials by term."""

import pytest

from archive.role_chart import MAX_ROWS, role_timeline
from archive.models import Official
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("plain_static")


def test_a_row_per_title_and_place_from_its_first_year_to_its_last():
    chart = role_timeline([
        ("Bí thư Huyện ủy", "Huyện Phong Điền", 2021), ("Bí thư Huyện ủy", "Huyện Phong Điền", 2023),
        ("Bí thư Huyện ủy", "Huyện Phong Điền", 2023), ("Phó Bí thư Tỉnh ủy", "Tỉnh Thừa Thiên Huế", 2024),
        ("Không ngày", "Nơi nào", None), ("", "Huyện A Lưới", 2022),
    ], title="Chức danh")
    assert [(row.title, row.place, row.first, row.last) for row in chart.rows] == [
        ("Bí thư Huyện ủy", "Huyện Phong Điền", 2021, 2023), ("Phó Bí thư Tỉnh ủy", "Tỉnh Thừa Thiên Huế", 2024, 2024),
    ]
    assert [(mark.year, mark.articles) for mark in chart.rows[0].marks] == [(2021, 1), (2023, 2)]
    assert [tick.year for tick in chart.years] == [2021, 2022, 2023, 2024]
    assert chart.rows[0].x < chart.rows[1].x and chart.rows[0].width > chart.rows[1].width


def test_no_dated_title_is_no_chart_and_many_titles_are_cut():
    assert role_timeline([("Bí thư", "X", None)], title="t") is None
    chart = role_timeline([(f"Chức {n}", "", 2000 + n % 20) for n in range(30)], title="t")
    assert len(chart.rows) == MAX_ROWS and chart.more == 10


@pytest.mark.django_db
def test_the_official_page_charts_the_titles_and_the_place_page_groups_officials_by_term(client):
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    for date, title in [("2019-03-01", "Phó Bí thư Huyện ủy"), ("2021-05-01", "Bí thư Huyện ủy"),
                        ("2023-05-01", "Bí thư Huyện ủy")]:
        f.article(f"Tin {date}", published_on=date, localities=[phong_dien],
                  officials=[("Trần Thị Diệu Minh", title)])
    official = Official.objects.get(name="Trần Thị Diệu Minh")
    official.roles.update(locality=phong_dien)
    for role in official.roles.select_related("article"):
        role.seen_on = role.article.published_on
        role.save()
    response = client.get(official.get_absolute_url())
    chart = response.context["role_chart"]
    assert [(row.title, row.first, row.last) for row in chart.rows] == [
        ("Phó Bí thư Huyện ủy", 2019, 2019), ("Bí thư Huyện ủy", 2021, 2023),
    ]
    assert '<figure class="chart chart-roles"' in response.text and "Huyện Phong Điền" in response.text
    terms = client.get(phong_dien.get_absolute_url()).context["officials"]
    assert [(label, [(r["title"], r["articles"], r["first"], r["last"]) for r in rows]) for label, rows in terms] == [
        ("Nhiệm kỳ 2020–2025", [("Bí thư Huyện ủy", 2, 2021, 2023)]),
        ("Nhiệm kỳ 2015–2020", [("Phó Bí thư Huyện ủy", 1, 2019, 2019)]),
    ]
