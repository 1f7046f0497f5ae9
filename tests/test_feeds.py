"""Atom feeds (latest, per place, per official, per search), sitemap.xml
with its paginated sections, robots.txt."""

import xml.etree.ElementTree as ET

import pytest

from archive import sitemaps
from tests import factories as f

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def corpus():
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    vinh_tuong = f.locality("Vĩnh Tường", province="Vĩnh Phúc")
    f.article("Phong Điền <b>ký kết</b> dân vận", "Ký kết <script>x()</script> chương trình.", published_on="2021-09-11",
              localities=[phong_dien], officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")])
    f.article("Vĩnh Tường tổng kết dân vận", "Tổng kết.", published_on="2022-04-05", localities=[vinh_tuong],
              officials=["Lê Văn Hùng"])
    f.article("Bài không rõ ngày", "Dân vận.")


def entries(response) -> list[str]:
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]


def test_latest_feed_lists_dated_articles_newest_first(client, corpus):
    response = client.get("/atom/")
    assert entries(response) == ["Vĩnh Tường tổng kết dân vận", "Phong Điền <b>ký kết</b> dân vận"]
    assert b"<script>" not in response.content and b"&lt;script&gt;" in response.content
    assert b"<published>2022-04-05T00:00:00+07:00</published>" in response.content


def test_place_official_and_search_feeds(client, corpus):
    assert entries(client.get("/dia-phuong/thua-thien-hue/atom/")) == ["Phong Điền <b>ký kết</b> dân vận"]
    assert entries(client.get("/dia-phuong/phu-tho-tinh/atom/")) == ["Vĩnh Tường tổng kết dân vận"]
    assert entries(client.get("/can-bo/le-van-hung/atom/")) == ["Vĩnh Tường tổng kết dân vận"]
    response = client.get("/tim-kiem/atom/", {"q": "dân vận", "province": "vinh-phuc"})
    assert entries(response) == ["Vĩnh Tường tổng kết dân vận"]
    assert "Tìm kiếm “dân vận”" in response.text
    assert client.get("/dia-phuong/khong-co/atom/").status_code == 404


def test_pages_announce_their_feeds(client, corpus):
    assert 'href="/dia-phuong/thua-thien-hue/atom/"' in client.get("/dia-phuong/thua-thien-hue/").text
    assert 'href="/can-bo/le-van-hung/atom/"' in client.get("/can-bo/le-van-hung/").text
    assert 'href="/tim-kiem/atom/?q=d%C3%A2n+v%E1%BA%ADn"' in client.get("/tim-kiem/", {"q": "dân vận", "page": "1"}).text


def test_sitemap_index_and_sections(client, corpus, monkeypatch):
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert b"http://testserver/sitemap-bai-viet.xml?p=2" in index.content
    assert b"http://testserver/sitemap-can-bo.xml" in index.content
    first, second = client.get("/sitemap-bai-viet.xml"), client.get("/sitemap-bai-viet.xml", {"p": "2"})
    assert first.content.count(b"<url>") == 2 and second.content.count(b"<url>") == 1
    places = client.get("/sitemap-dia-phuong.xml").content
    assert b"/dia-phuong/phong-dien-thua-thien-hue/" in places and places.count(b"<url>") == 2  # places with articles
    assert client.get("/sitemap-can-bo.xml").content.count(b"<url>") == 2


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /api/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
