"""CSV and JSON exports: every matching row (not just the page), streamed in
chunks, with the list's filters, from every kind of list."""

import csv
import io
import json
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import exports
from archive.models import Agreement
from tests import factories as f

pytestmark = pytest.mark.django_db
ROWS = 45  # more than two pages of 20


@pytest.fixture
def corpus():
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    vinh_tuong = f.locality("Vĩnh Tường", province="Vĩnh Phúc")
    for number in range(ROWS):
        f.article(f"Dân vận Phong Điền số {number}", "Công tác dân vận.", published_on=f"2020-02-{number % 28 + 1:02d}",
                  localities=[phong_dien], officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")],
                  periods=[(2021, 2025)], agreements=[(f"Chương trình {number}", "sign", (2021, 2025))])
    f.article("=HYPERLINK(\"http://evil\") Vĩnh Tường", "Dân vận.", published_on="2022-04-05", localities=[vinh_tuong])
    return phong_dien


def body(response) -> str:
    assert response.status_code == 200 and response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def read_csv(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = body(response)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_search_export_has_every_matching_row_not_just_the_page(client, corpus):
    page = client.get("/tim-kiem/", {"q": "phong điền"})
    assert len(page.context["page"]) == 20 and page.context["page"].paginator.count == ROWS
    response = client.get("/tim-kiem/", {"q": "phong điền", "format": "csv", "page": "2"})
    assert response["Content-Disposition"] == 'attachment; filename="bai-viet.csv"'
    assert response["X-Accel-Buffering"] == "no"  # streamed through the proxy as written
    rows = read_csv(response)
    assert len(rows) == ROWS and len({row["id"] for row in rows}) == ROWS
    assert list(rows[0]) == exports.ARTICLE_COLUMNS
    first = rows[0]
    assert first["localities"] == "Huyện Phong Điền (Thừa Thiên Huế)" and first["periods"] == "2021-2025"
    assert first["officials"] == "Trần Thị Diệu Minh – Trưởng Ban Dân vận Huyện ủy"
    assert first["url"].startswith("http://testserver/bai-viet/")


def test_json_export_keeps_the_filters_and_the_order(client, corpus):
    response = client.get("/tim-kiem/", {"province": "thua-thien-hue", "sort": "date", "format": "json"})
    assert response["Content-Type"] == "application/json; charset=utf-8"
    rows = json.loads(body(response))
    assert len(rows) == ROWS
    dates = [row["published_on"] for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert rows[0]["localities"] == ["Huyện Phong Điền (Thừa Thiên Huế)"]


def test_export_reads_in_chunks(client, corpus, monkeypatch):
    """Rows come through a cursor a chunk at a time, with the related rows
    fetched per chunk: queries grow with the chunks, never with the rows."""
    monkeypatch.setattr(exports, "CHUNK", 10)
    with CaptureQueriesContext(connection) as queries:
        rows = read_csv(client.get("/tim-kiem/", {"format": "csv"}))
    assert len(rows) == ROWS + 1
    chunks = math.ceil((ROWS + 1) / 10)
    reads = [query for query in queries if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(reads) == 1 + 3 * chunks  # the articles, then places, roles, periods per chunk


def test_csv_cells_never_start_like_a_formula(client, corpus):
    rows = read_csv(client.get("/tim-kiem/", {"q": "vinh tuong", "format": "csv"}))
    assert rows[0]["title"] == "'=HYPERLINK(\"http://evil\") Vĩnh Tường"
    rows = json.loads(body(client.get("/tim-kiem/", {"q": "vinh tuong", "format": "json"})))
    assert rows[0]["title"].startswith("=HYPERLINK")  # JSON carries the text as it is


@pytest.mark.parametrize("url, count", [
    ("/dia-phuong/thua-thien-hue/", ROWS),
    ("/dia-phuong/phong-dien-thua-thien-hue/", ROWS),
    ("/can-bo/tran-thi-dieu-minh/", ROWS),
    ("/giai-doan/2021-2025/", ROWS),
])
def test_every_entity_list_exports_all_its_articles(client, corpus, url, count):
    assert len(read_csv(client.get(url, {"format": "csv"}))) == count
    assert len(json.loads(body(client.get(url, {"format": "json"})))) == count


def test_agreement_list_and_its_articles_export(client, corpus):
    rows = read_csv(client.get("/chuong-trinh/", {"period": "2021-2025", "format": "csv"}))
    assert len(rows) == ROWS and list(rows[0]) == exports.AGREEMENT_COLUMNS
    assert rows[0]["period"] == "2021-2025"
    agreement = Agreement.objects.get(name="Chương trình 7")
    assert len(json.loads(body(client.get(agreement.get_absolute_url(), {"format": "json"})))) == 1


def test_province_overview_exports_its_counts(client, corpus):
    rows = read_csv(client.get("/tinh-thanh/", {"format": "csv"}))
    assert len(rows) == 63 + 34 - 11  # as written: the reform's new provinces beside the old, Hà Nội, Huế… once
    assert rows[0] == {"slug": "thua-thien-hue", "name": "Tỉnh Thừa Thiên Huế (nay Thành phố Huế)",
                       "url": "http://testserver/dia-phuong/thua-thien-hue/",
                       "articles": str(ROWS), "agreements": "0"}


def test_an_unknown_format_is_the_normal_page(client, corpus):
    response = client.get("/tim-kiem/", {"format": "xlsx"})
    assert response.status_code == 200 and not response.streaming and response["Content-Type"].startswith("text/html")


def test_pages_link_to_their_exports(client, corpus):
    text = client.get("/dia-phuong/thua-thien-hue/", {"year": "2020", "page": "2"}).text
    assert 'href="?year=2020&amp;format=csv"' in text and 'href="?year=2020&amp;format=json"' in text


def test_a_broad_query_exports_newest_first_and_a_narrow_one_best_first(client, monkeypatch):
    """A broad query's page ranks only its newest matches; its export lists
    every match newest first rather than rank them all before the first row."""
    from archive.search import listing as search_listing

    f.article("Dân vận khéo, dân vận giỏi", "Công tác dân vận.", published_on="2019-06-01")
    f.article("Hội nghị", "Bàn công tác dân vận ở cơ sở.", published_on="2024-06-01")
    f.article("Tập huấn", "Bồi dưỡng nghiệp vụ dân vận.", published_on="2023-06-01")
    params = {"q": "dân vận", "format": "csv"}
    assert [row["published_on"] for row in read_csv(client.get("/tim-kiem/", params))][0] == "2019-06-01"
    monkeypatch.setattr(search_listing, "BROAD", 0)
    dates = [row["published_on"] for row in read_csv(client.get("/tim-kiem/", params))]
    assert dates == ["2024-06-01", "2023-06-01", "2019-06-01"]
    page = client.get("/tim-kiem/", {"q": "dân vận"}).content.decode()
    assert "Tệp tải về có tất cả, mới nhất trước." in page
    assert dates == [row["published_on"] for row in read_csv(client.get("/tim-kiem/", {**params, "sort": "date"}))]

