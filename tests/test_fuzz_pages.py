"""No GET parameter of any public page ever produces a server error, and what a
request sends back comes out escaped.

Pages are found from the URL configuration, so a new page is fuzzed without
touching this file: every route of the `archive` namespace that takes no
argument, or whose argument can be filled from the sample data below.
"""

import pytest
from django.urls import NoReverseMatch, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.importer import import_paths
from archive.models import Agreement, Article, Document, Locality, Official, Organisation, Period
from tests.test_importer import FIXTURES

pytestmark = pytest.mark.django_db

PARAMETERS = [
    "q", "province", "district", "year", "period", "kind", "org", "official", "sort", "page",
    "format", "page_size", "raw", "level", "party", "locality", "include_absorbed", "limit", "offset",
]
PROBE = '<script>alert("x")</script>'
nasty_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from([PROBE, "' OR 1=1 --", "%", "\\", "\x00", "-1", "0", "999999999999999999999", "1e9",
                     "2021-2025", "2025-2021", "dân vận", '"unterminated', "a OR", "- -", "x" * 5000,
                     "&amp;", "javascript:alert(1)", "\u202e", "NaN",
                     "¹", "²⁰²¹", "٢٠٢١", "２０２１", "2021-²⁰²⁵"]),
)
queries = st.dictionaries(
    st.one_of(st.sampled_from(PARAMETERS), st.text(min_size=1, max_size=10)),
    st.one_of(nasty_text, st.lists(nasty_text, max_size=3)),
    max_size=5,
)


@pytest.fixture
def public_urls():
    """One URL for every route of the archive, filled from imported samples."""
    import_paths([str(FIXTURES)])
    objects = {
        "article": Article.objects.first(), "locality": Locality.objects.filter(article_facts__isnull=False).first(),
        "official": Official.objects.first(), "organisation": Organisation.objects.first(),
        "agreement": Agreement.objects.first(), "period": Period.objects.first(),
        "document": Document.objects.first(),
    }
    urls = set()
    root = get_resolver()
    names = [name for name in root.reverse_dict if isinstance(name, str)]
    for namespace, (_, routes) in root.namespace_dict.items():
        if namespace != "admin":
            names += [f"{namespace}:{name}" for name in routes.reverse_dict if isinstance(name, str)]
    for name in names:
        try:
            urls.add(reverse(name))  # every route that takes no argument
        except NoReverseMatch:
            pass
    for name, value in objects.items():
        if value is not None:
            urls.add(value.get_absolute_url())
    urls = sorted(url for url in urls if not url.startswith("/admin"))
    assert len(urls) >= 8, urls
    return urls


def test_no_parameter_value_produces_a_server_error(client, public_urls):
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(params=queries)
    def check(params):
        for url in public_urls:
            response = client.get(url, params)
            assert response.status_code < 500, (url, params)
            if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
                assert PROBE not in response.content.decode(), (url, params)

    check()


def test_script_in_an_imported_article_comes_back_escaped(client, tmp_path):
    path = tmp_path / "xss.txt"
    path.write_text(
        "Ký kết chương trình phối hợp về công tác dân vận & <b>\"nông thôn mới\"</b>\n\n"
        f'Sáng 5/4/2023, Ban Dân vận Huyện ủy <img src=x onerror="alert(1)"> tổ chức hội nghị ký kết. {PROBE}\n',
        encoding="utf-8",
    )
    import_paths([str(path)])
    article = Article.objects.get(source_key=str(path))
    pages = [article.get_absolute_url(), article.get_absolute_url() + "?raw=1", "/?q=ky+ket", "/atom/"]
    for url in pages:
        body = client.get(url).content.decode()
        assert PROBE not in body, url
        assert "<img src=x" not in body, url
    assert "&lt;script&gt;" in client.get(article.get_absolute_url()).content.decode()
