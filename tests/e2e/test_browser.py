"""End to end in a real headless Chromium (Debian's chromium package, driven by
Playwright): search a name without diacritics, follow it as a phrase, pick a
province, page, open an article.

Skipped, with the reason, when Chromium or Playwright is missing; .ci/run
installs Chromium so CI runs it. Playwright's own browser downloads are never
used: the system Chromium is launched by path.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="Playwright is not installed (pip install -e '.[dev]')"),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver to run the browser test",
    ),
]


@pytest.fixture(scope="module", autouse=True)
def gazetteer_back(django_db_blocker):
    """live_server needs a transactional database, which is flushed after the
    test: load the gazetteer again for the tests that run after this module."""
    yield
    from archive import gazetteer

    with django_db_blocker.unblock():
        gazetteer.load()


@pytest.fixture
def articles(transactional_db):
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    vinh_phuc = f.locality("Vĩnh Phúc", level="province")
    for number in range(24):
        f.article(
            f"Phong Điền: hội nghị dân vận số {number + 1}",
            f"Đồng chí Trần Thị Diệu Minh, Trưởng Ban Dân vận Huyện ủy, dự hội nghị lần {number + 1}.",
            published_on=f"2022-{1 + number % 12:02d}-{1 + number:02d}", localities=[hue, phong_dien],
            officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Huyện ủy")],
        )
    f.article(
        "Vĩnh Phúc: đồng chí Trần Thị Diệu Minh thăm tỉnh", "Đồng chí Trần Thị Diệu Minh làm việc tại Vĩnh Phúc.",
        published_on="2023-01-01", localities=[vinh_phuc],
    )


@pytest.mark.usefixtures("plain_static", "articles")
def test_search_facet_page_and_open_an_article(live_server):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(java_script_enabled=False)  # the site works without JavaScript
            page.goto(live_server.url + "/")
            page.fill("form.search input[name=q]", "tran thi dieu minh")
            page.click("form.search button[type=submit]")
            # The official's name: the 24 articles she appears in as an official...
            expect(page.locator(".count")).to_have_text("24 bài viết")
            expect(page.locator(".entities")).to_contain_text("Trần Thị Diệu Minh")
            expect(page.locator("ol.articles mark").first).to_have_text("Trần")
            # ... and, as a phrase, every article with the name in its text.
            page.click(".name-note a:has-text('tran thi dieu minh')")
            expect(page.locator(".count")).to_have_text("25 bài viết")
            page.go_back()

            page.click("[data-facet=province] a:has-text('Tỉnh Thừa Thiên Huế')")
            expect(page.locator(".count")).to_have_text("24 bài viết")
            expect(page.locator(".chip")).to_contain_text("Tỉnh Thừa Thiên Huế")
            assert "province=thua-thien-hue" in page.url

            page.click("a[rel=next]")
            expect(page.locator(".pagination")).to_contain_text("Trang 2 / 2")
            assert "page=2" in page.url and "province=thua-thien-hue" in page.url
            results = page.locator("ol.articles li.result a.title")
            expect(results).to_have_count(4)

            title = results.first.inner_text()
            results.first.click()
            expect(page.locator("h1")).to_have_text(title)
            expect(page.locator("aside.facts")).to_contain_text("Trần Thị Diệu Minh")
        finally:
            browser.close()
