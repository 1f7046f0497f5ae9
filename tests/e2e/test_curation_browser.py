"""A curator in a real headless Chromium (Debian's chromium, driven by
Playwright, as tests/e2e/test_browser.py): logs in, corrects an official's
title, hides a wrong place, adds a missed official from a selection of the
text, merges two duplicates, re-imports the articles and finds every
correction in place; then clears 20 queued articles from the keyboard.

Every action on a fact is counted: one request (the script's fetch), no
page load. The review screen must not scroll sideways at 1280 px nor at
390 px. Screenshots and the counts go to var/screenshots/ (not committed).
"""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User

from archive.importer import import_paths
from archive.models import Article, ArticleLocality, Locality, Official, Role
from tests import factories as f
from tests.factories import plain_static  # noqa: F401 - fixture
from tests.e2e.test_browser import ARGS, CHROMIUM, expect, pytestmark, sync_playwright  # noqa: F401

PASSWORD = "mat-khau-dai-123"
SCREENSHOTS = Path(settings.VAR_DIR) / "screenshots"

ARTICLE = """Thứ Sáu, 10/9/2021
Phong Điền: Ký kết chương trình phối hợp công tác dân vận giai đoạn 2021-2025

Sáng 10/9, Ban Dân vận Huyện ủy Phong Điền (Thừa Thiên Huế) tổ chức hội nghị ký kết chương trình phối hợp công tác dân vận giữa Ban Dân vận Huyện ủy với UBND huyện, giai đoạn 2021-2025.
Dự và chỉ đạo hội nghị có đồng chí Đoàn Kỳ Côi – Phó Bí thư Thường trực Huyện ủy. Tham dự hội nghị có đồng chí Trần Thị Diệu Minh – UVTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy; đồng chí Hoàng Văn Thái – Phó Chủ tịch UBND huyện.
Chị Hồ Thị Lan, hội viên Hội Nông dân xã Phong Hải, chia sẻ kinh nghiệm vận động nhân dân.
Tại hội nghị, Ban Dân vận Huyện ủy và UBND huyện Phong Điền đã ký kết chương trình phối hợp giai đoạn 2021-2025.

Văn Bốn
"""
# The same meeting on another site, which misspells an official's name.
OTHER_SITE = ARTICLE.replace("Hoàng Văn Thái", "Hoàng Văn Thai").replace("Thứ Sáu, 10/9/2021", "Thứ Bảy, 11/9/2021")
LATER = "\nPhát biểu bế mạc, đồng chí Đoàn Kỳ Côi đề nghị các cơ quan phối hợp chặt chẽ.\n\nVăn Bốn\n"


@pytest.fixture(scope="module", autouse=True)
def gazetteer_back(django_db_blocker):
    """live_server's transactional database is flushed after each test:
    load the gazetteer again for the tests that run after this module."""
    yield
    from archive import gazetteer

    with django_db_blocker.unblock():
        gazetteer.load()


@pytest.fixture
def curator(transactional_db):
    """A curator account, in the "curator" group as migration 0005 makes it,
    and the gazetteer (made again here: the flush after an earlier
    transactional test removes them)."""
    from archive import gazetteer

    if not Locality.objects.exists():
        gazetteer.load()
    group, _ = Group.objects.get_or_create(name="curator")
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="archive")
        .exclude(content_type__model__in=["importrun", "mergerecord"], codename__regex=r"^(add|change|delete)_")
    )
    user = User.objects.create_user("bientap", password=PASSWORD, is_staff=True)
    user.groups.add(group)
    return user


class Requests:
    """Every request the page sends, by kind, for counting per action."""

    def __init__(self, page):
        self.seen = []
        page.on("request", lambda request: self.seen.append((request.resource_type, request.method, request.url)))

    def during(self, do, done):
        """Run `do`, wait for `done`, return the requests sent meanwhile."""
        start = len(self.seen)
        do()
        done()
        return self.seen[start:]


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("Lưu trữ dân vận")


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def select_text(page, words: str):
    """Select `words` in the article's text as a mouse would, and release."""
    page.evaluate(
        """(words) => {
            const text = document.querySelector('.review-text');
            const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const at = walker.currentNode.data.indexOf(words);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(walker.currentNode, at);
                range.setEnd(walker.currentNode, at + words.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                return;
            }
            throw new Error('not in the text: ' + words);
        }""",
        words,
    )


def one_fetch(requests) -> None:
    assert [(kind, method) for kind, method, _ in requests] == [("fetch", "POST")], requests


def fact(page, group: str, text: str):
    return page.locator(f'.fact-group[data-kind="{group}"] li.fact[data-ref]', has_text=text).first


@pytest.mark.usefixtures("plain_static")
def test_a_curator_corrects_merges_and_the_corrections_survive_a_reimport(live_server, curator, tmp_path):
    first, second = tmp_path / "phong-dien.txt", tmp_path / "phong-dien-site-khac.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(OTHER_SITE, encoding="utf-8")
    assert import_paths([str(first), str(second)]).created == 2
    article = Article.objects.get(source_key=str(first))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    counts = {}

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests = Requests(page)
            log_in(page, live_server.url)
            # The full form, with the facts as inlines, fits the window too.
            page.goto(f"{live_server.url}/admin/archive/article/{article.pk}/change/")
            expect(page.locator("#roles-group")).to_contain_text("Trần Thị Diệu Minh")
            page.screenshot(path=str(SCREENSHOTS / "change-form-1280.png"), full_page=True)
            assert overflow(page) == 0

            page.goto(f"{live_server.url}/admin/archive/article/{article.pk}/hieu-dinh/")
            expect(page.locator(".review-text mark", has_text="Trần Thị Diệu Minh").first).to_be_visible()
            assert overflow(page) == 0
            page.screenshot(path=str(SCREENSHOTS / "review-1280.png"), full_page=True)
            status = page.locator(".review-status")

            # Correct an official's title.
            role = fact(page, "role", "UVTV Huyện ủy")
            role.locator("summary", has_text="Sửa").click()
            role.locator("input[name=title]").fill("Ủy viên Ban Thường vụ Huyện ủy")
            sent = requests.during(
                lambda: role.locator("button", has_text="Lưu").click(),
                lambda: expect(status).to_have_text(
                    "Đã sửa: Trần Thị Diệu Minh – UVTV Huyện ủy → Trần Thị Diệu Minh – Ủy viên Ban Thường vụ Huyện ủy"),
            )
            one_fetch(sent)
            counts["correct a title"] = len(sent)

            # Hide a wrong place, from the keyboard.
            fact(page, "locality", "Tỉnh Thừa Thiên Huế").locator(".fact-label").click()
            sent = requests.during(lambda: page.keyboard.press("h"),
                                   lambda: expect(status).to_have_text("Đã loại bỏ: Tỉnh Thừa Thiên Huế"))
            one_fetch(sent)
            counts["hide a place (key H)"] = len(sent)
            expect(page.locator(".fact-group[data-kind=locality] details.hidden-facts")).to_contain_text("Thừa Thiên Huế")

            # Add a missed official from a selection of the text.
            select_text(page, "Hồ Thị Lan")
            page.click(".selection-tools button[data-kind=role]")
            add_form = page.locator(".add-form")
            expect(add_form.locator("input[name=text]")).to_have_value("Hồ Thị Lan")
            add_form.locator("input[name=title]").fill("Hội viên Hội Nông dân xã Phong Hải")
            sent = requests.during(
                lambda: add_form.locator("button", has_text="Thêm").click(),
                lambda: expect(status).to_have_text("Đã thêm: Hồ Thị Lan – Hội viên Hội Nông dân xã Phong Hải"),
            )
            one_fetch(sent)
            counts["add an official from a selection"] = len(sent)
            expect(page.locator(".review-text mark", has_text="Hồ Thị Lan")).to_be_visible()

            # The same screen on a phone.
            page.set_viewport_size({"width": 390, "height": 844})
            page.reload()
            expect(page.locator(".review-panel")).to_be_visible()
            assert overflow(page) == 0
            page.screenshot(path=str(SCREENSHOTS / "review-390.png"), full_page=True)
            page.set_viewport_size({"width": 1280, "height": 900})

            # Merge two duplicates, after the preview.
            page.goto(f"{live_server.url}/admin/archive/official/trung-lap/")
            row = page.locator("table.duplicates tr", has_text="Hoàng Văn Thai")
            row.locator("button", has_text="Xem trước và gộp").click()
            expect(page.locator(".merge-preview").first).to_contain_text("chức danh trong bài chuyển sang")
            page.locator("label", has_text="Hoàng Văn Thái").locator("input[type=radio]").check()
            page.click("input[type=submit][value='Gộp']")
            expect(page.locator(".messagelist")).to_contain_text("Đã gộp 1 mục vào “Hoàng Văn Thái”")
        finally:
            browser.close()

    # Both sites publish their articles again, with a sentence more.
    first.write_text(ARTICLE.replace("\nVăn Bốn\n", LATER), encoding="utf-8")
    second.write_text(OTHER_SITE.replace("\nVăn Bốn\n", LATER), encoding="utf-8")
    again = import_paths([str(first), str(second)])
    assert (again.updated, again.failed) == (2, 0)

    roles = set(Role.objects.filter(article=article).values_list("official__name", "title", "origin", "hidden"))
    assert ("Trần Thị Diệu Minh", "Ủy viên Ban Thường vụ Huyện ủy", "curator", False) in roles
    assert ("Trần Thị Diệu Minh", "UVTV Huyện ủy", "curator", True) in roles
    assert ("Hồ Thị Lan", "Hội viên Hội Nông dân xã Phong Hải", "curator", False) in roles
    assert ArticleLocality.objects.get(article=article, locality__level="province").hidden
    assert not Official.objects.filter(name="Hoàng Văn Thai").exists()
    assert Role.objects.filter(official__name="Hoàng Văn Thái").count() == 2
    assert "phối hợp chặt chẽ" in Article.objects.get(pk=article.pk).body  # the import did run

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            log_in(page, live_server.url)
            page.goto(f"{live_server.url}/admin/archive/article/{article.pk}/hieu-dinh/")
            panel = page.locator(".review-panel")
            expect(panel).to_contain_text("Ủy viên Ban Thường vụ Huyện ủy")
            expect(panel).to_contain_text("Hồ Thị Lan – Hội viên Hội Nông dân xã Phong Hải")
            expect(panel.locator("details.hidden-facts", has_text="Tỉnh Thừa Thiên Huế")).to_have_count(1)
            page.screenshot(path=str(SCREENSHOTS / "review-after-reimport.png"), full_page=True)
        finally:
            browser.close()
    (SCREENSHOTS / "requests-per-action.json").write_text(json.dumps(counts, ensure_ascii=False, indent=1))


@pytest.mark.usefixtures("plain_static")
def test_a_curator_clears_twenty_queued_articles_one_request_per_fact(live_server, curator):
    place = f.locality("Phong Điền", province="Thừa Thiên Huế")
    for n in range(20):  # no date: each is queued ("Ngày suy ra hoặc không rõ")
        f.article(f"Hội nghị dân vận số {n + 1}", f"Đồng chí Lê Văn Hòa dự hội nghị số {n + 1} tại Phong Điền.",
                  localities=[place], officials=[("Lê Văn Hòa", "Chủ tịch UBND huyện")])
    per_fact, per_article = [], []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests = Requests(page)
            log_in(page, live_server.url)
            page.goto(f"{live_server.url}/admin/archive/article/hang-cho/")
            expect(page.locator(".queue-total")).to_have_text("20")
            assert overflow(page) == 0
            page.click("text=Bắt đầu duyệt")
            for n in range(20):
                expect(page.locator(".review-head h1")).to_contain_text("Hội nghị dân vận số")
                status = page.locator(".review-status")
                for key_to_select in ("j", "j"):  # the date, then the place
                    page.keyboard.press(key_to_select)
                sent = requests.during(lambda: page.keyboard.press("c"),
                                       lambda: expect(status).to_contain_text("Đã xác nhận"))
                one_fetch(sent)
                per_fact.append(len(sent))
                page.keyboard.press("j")
                sent = requests.during(lambda: page.keyboard.press("c"),
                                       lambda: expect(status).to_have_text("Đã xác nhận: Lê Văn Hòa – Chủ tịch UBND huyện"))
                one_fetch(sent)
                per_fact.append(len(sent))
                with page.expect_navigation():
                    start = len(requests.seen)
                    page.keyboard.press("n")
                page.wait_for_load_state("load")
                per_article.append(sum(1 for kind, *_ in requests.seen[start:] if kind == "document"))
            expect(page.locator(".queue-total")).to_have_text("0")
        finally:
            browser.close()

    assert not Article.objects.filter(review_state="pending").exists()
    assert set(Role.objects.values_list("origin", flat=True)) == {"curator"}
    assert set(ArticleLocality.objects.values_list("origin", flat=True)) == {"curator"}
    assert per_fact == [1] * 40
    summary = {"fact actions": len(per_fact), "requests per fact action": sorted(set(per_fact)),
               "page loads per article (done, next)": sorted(set(per_article))}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "queue-requests.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
