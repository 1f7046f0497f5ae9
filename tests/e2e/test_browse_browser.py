"""Browsing as a reader does, in a real headless Chromium (Debian's package,
driven by Playwright, no script in the page), on a wide screen and a phone:
choose a province in each era and get the articles its count promised,
find an official by typing "tran thi", follow a province from the map; no
page is wider than the screen. Screenshots go to tests/e2e/screenshots/
(not committed).

Skipped, with the reason, when Chromium or Playwright is missing.
"""

import re
from pathlib import Path

import pytest

from archive.models import Locality
from tests import factories as f
from tests.e2e.test_browser import ARGS, CHROMIUM, gazetteer_back, sync_playwright  # noqa: F401 - fixture
from tests.factories import plain_static  # noqa: F401 - fixture

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - depends on the machine
    expect = None

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="Playwright is not installed (pip install -e '.[dev]')"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.usefixtures("plain_static", "archive"),
]
SHOTS = Path(__file__).resolve().parent / "screenshots"
WIDTHS = {"wide": 1280, "phone": 390}


@pytest.fixture
def archive(transactional_db):
    """Articles in both eras. The gazetteer is loaded again when the flush
    after an earlier transactional test emptied it."""
    from archive import gazetteer

    if not Locality.objects.exists():
        gazetteer.load()

    def unit(province, era, level="commune"):
        return Locality.objects.filter(level=level, era=era, province__name=province).order_by("code").first()

    quang_binh = f.locality("Quảng Bình", level="province")
    quang_tri_old = f.locality("Quảng Trị", level="province")
    for number in range(3):
        f.article(f"Quảng Bình: dân vận khéo số {number + 1}", published_on=f"2024-0{number + 1}-05",
                  localities=[unit("Quảng Bình", "pre2025")],
                  officials=[("Trần Thị Diệu Minh", "Trưởng Ban Dân vận Tỉnh ủy")])
    f.article("Quảng Trị: hội nghị dân vận", published_on="2023-06-01", localities=[quang_tri_old],
              officials=[("Trần Thị Hoa", "Bí thư Huyện ủy")])
    f.article("Quảng Bình và Quảng Trị giao lưu dân vận", published_on="2024-06-01",
              localities=[quang_binh, quang_tri_old])
    for number in range(2):
        f.article(f"Tỉnh Quảng Trị mới: dân vận số {number + 1}", published_on=f"2025-0{number + 8}-01",
                  localities=[unit("Quảng Trị", "post2025")], officials=[("Nguyễn Văn Bình", "Chủ tịch UBND xã")])
    f.article("Hà Nội: dân vận", published_on="2024-02-02", localities=[f.locality("Hà Nội", level="province")])


@pytest.fixture(params=list(WIDTHS))
def page(request, live_server):
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            width = WIDTHS[request.param]
            tab = browser.new_page(java_script_enabled=False, viewport={"width": width, "height": 900})
            tab.base = live_server.url
            tab.shots = []

            def shot(name):
                path = SHOTS / f"{request.node.originalname}-{name}-{width}.png"
                tab.screenshot(path=str(path), full_page=True)
                tab.shots.append(path)
                overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 0, f"{tab.url} is {overflow}px wider than {width}px"

            tab.shot = shot
            tab.phone = width < 600
            yield tab
        finally:
            browser.close()


def open_filters(page):
    """On a phone the facets are behind "Bộ lọc"; on a wide screen they show."""
    summary = page.locator("details.facets-panel > summary")
    if page.phone:
        expect(summary).to_be_visible()
        summary.click()
    else:
        expect(summary).to_be_hidden()
    expect(page.locator("[data-facet=province]")).to_be_visible()


def choose_province(page, label):
    """Click `label` in the province facet; returns the count it showed."""
    entry = page.locator("[data-facet=province] li").filter(
        has=page.get_by_role("link", name=label, exact=True)
    )
    promised = int(entry.locator(".n").inner_text())
    entry.get_by_role("link", name=label, exact=True).click()
    return promised


def test_browsing_by_place_and_by_person(page):
    """One test per screen width: the live server's database is emptied
    after each test, and loading the gazetteer again takes seconds."""
    a_province_in_each_era_lists_the_articles_its_count_promised(page)
    the_officials_directory_finds_a_name_typed_without_diacritics(page)
    the_places_directory_and_the_province_overview_fit_the_screen(page)
    the_map_leads_to_a_province(page)


def a_province_in_each_era_lists_the_articles_its_count_promised(page):
    page.goto(page.base + "/tim-kiem/?q=dân+vận")
    if page.phone:  # results first: the first article comes before the facets open
        assert page.locator("ol.articles li.result").first.bounding_box()["y"] < 900
    page.shot("search")
    open_filters(page)
    promised = choose_province(page, "Tỉnh Quảng Bình")
    assert promised == 4
    expect(page.locator(".count")).to_have_text(f"{promised} bài viết")
    expect(page.locator(".chip")).to_contain_text("Tỉnh Quảng Bình")
    page.shot("as-written")

    # Today's list: Quảng Bình is now part of Quảng Trị, which the switch carries over.
    open_filters(page)
    page.get_by_role("link", name="34 tỉnh, thành hiện nay").click()
    expect(page.locator(".chip")).to_contain_text("Tỉnh Quảng Trị (gồm Quảng Bình cũ)")
    assert "era=post2025" in page.url
    page.get_by_role("link", name="Bỏ tất cả bộ lọc").click()
    page.goto(page.url + "&era=post2025")
    open_filters(page)
    promised = choose_province(page, "Tỉnh Quảng Trị (gồm Quảng Bình cũ)")
    assert promised == 7
    expect(page.locator(".count")).to_have_text(f"{promised} bài viết")
    page.shot("today")

    # As written, the new Quảng Trị is its own two articles.
    page.goto(page.base + "/tim-kiem/?q=dân+vận")
    open_filters(page)
    promised = choose_province(page, "Tỉnh Quảng Trị (từ 1/7/2025)")
    assert promised == 2
    expect(page.locator(".count")).to_have_text(f"{promised} bài viết")


def the_officials_directory_finds_a_name_typed_without_diacritics(page):
    page.goto(page.base + "/")
    page.locator("header.site nav").get_by_role("link", name="Cán bộ").click()
    expect(page.locator("h1")).to_have_text("Cán bộ")
    page.shot("directory")
    page.fill("form.filters input[name=q]", "tran thi")
    page.press("form.filters input[name=q]", "Enter")
    expect(page.locator("table.directory tbody tr")).to_have_count(2)
    page.shot("typed")
    # With script, the list follows the typing (no Enter).
    scripted = page.context.browser.new_page(viewport=page.viewport_size)
    try:
        scripted.goto(page.base + "/can-bo/")
        expect(scripted.locator("table.directory tbody tr")).to_have_count(3)
        scripted.locator("form.filters input[name=q]").press_sequentially("tran thi", delay=20)
        expect(scripted.locator("table.directory tbody tr")).to_have_count(2)
        assert "q=tran+thi" in scripted.url
    finally:
        scripted.close()
    page.get_by_role("link", name="Trần Thị Diệu Minh").click()
    expect(page.locator("h1")).to_have_text("Trần Thị Diệu Minh")
    expect(page.locator("figure.chart-roles")).to_contain_text("Trưởng Ban Dân vận Tỉnh ủy")
    page.shot("official")


def the_places_directory_and_the_province_overview_fit_the_screen(page):
    page.goto(page.base + "/dia-phuong/")
    page.get_by_role("link", name=re.compile("Quận, huyện")).first.click()
    expect(page.locator("nav.trail")).to_be_visible()
    page.shot("places")
    page.goto(page.base + "/tinh-thanh/?era=post2025")
    expect(page.locator("h1")).to_have_text("Tỉnh, thành phố")
    page.shot("overview")


def the_map_leads_to_a_province(page):
    page.goto(page.base + "/")
    expect(page.locator("#home-map svg")).to_be_visible()
    page.get_by_role("link", name="Bản đồ và số liệu theo tỉnh, thành phố").click()
    circle = page.locator("#provinces-map a.map-link").filter(has_text="Tỉnh Quảng Bình:")
    expect(circle).to_have_count(1)
    page.shot("map")
    # Smaller circles are drawn over bigger ones (the new Quảng Trị over
    # Quảng Bình): click the part of Quảng Bình's that shows.
    box = circle.locator("circle").bounding_box()
    circle.locator("circle").click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.25})
    expect(page.locator("h1")).to_have_text("Tỉnh Quảng Bình")
    page.shot("map-province")
