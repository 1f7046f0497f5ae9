"""The article page: cleaned text, facts beside it with links, source, raw text on request."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]


@pytest.fixture
def article():
    return f.article(
        "Ký kết <b>chương trình</b>", "Đoạn một.\n\nĐoạn hai <script>x()</script>.",
        published_on="2021-09-11", source_url="https://example.vn/bai", source_domain="example.vn",
        localities=[f.locality("Phong Điền", province="Thừa Thiên Huế")],
        officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")], periods=[(2021, 2025)],
        agreements=[("Chương trình phối hợp", "sign", (2021, 2025))],
        hidden=[("official", "Người Bị Ẩn")],
    )


def test_article_page_shows_text_and_linked_facts(client, article):
    response = client.get(article.get_absolute_url())
    text = response.text
    assert "<p>Đoạn một.</p>" in text and "&lt;script&gt;x()&lt;/script&gt;" in text
    assert "Ký kết &lt;b&gt;chương trình&lt;/b&gt;" in text
    assert 'href="/dia-phuong/phong-dien-thua-thien-hue/"' in text
    assert 'href="/can-bo/tran-thi-dieu-minh/"' in text and "Trưởng Ban Dân vận Huyện ủy" in text
    assert 'href="/giai-doan/2021-2025/"' in text and "/chuong-trinh/" in text
    assert 'href="https://example.vn/bai"' in text
    assert "Người Bị Ẩn" not in text  # a curator hid it


def test_raw_text_only_on_request(client, article):
    assert "Văn bản gốc khi nhập" not in client.get(article.get_absolute_url()).text
    assert "Văn bản gốc khi nhập" in client.get(article.get_absolute_url(), {"raw": "1"}).text


def test_entity_pages_list_the_articles(client, article):
    for url in ["/dia-phuong/phong-dien-thua-thien-hue/", "/can-bo/tran-thi-dieu-minh/", "/giai-doan/2021-2025/"]:
        response = client.get(url)
        assert response.status_code == 200 and "Ký kết &lt;b&gt;chương trình&lt;/b&gt;" in response.text, url


PARAMS = st.sampled_from(["q", "province", "district", "year", "period", "kind", "org", "official", "sort", "page"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(PARAMS, st.text(max_size=40)), max_size=6))
def test_no_parameter_value_produces_a_server_error(client, params):
    response = client.get("/tim-kiem/", [(name, value) for name, value in params])
    assert response.status_code in (200, 404)
    if response.status_code == 404:
        assert any(name == "page" for name, _ in params)
