"""Search reads Vietnamese words, not syllables: which syllables form a word,
which words must keep their diacritics, abbreviations inside longer ones,
a query that names a place, and the wider readings when the strict one
finds nothing (archive/search/query.py, entities.py, filters.py)."""

import json

import pytest
from django.urls import reverse

from archive.search.entities import ArchiveLexicon
from archive.search.matching import search
from archive.search.query import FOLDED, STRICT, SYLLABLES, parse, segment
from archive.models import Article
from tests import factories as f

URL = reverse("archive:search")


def units(q, **kwargs):
    return [[(t.text, t.exact) for t in group] for group in parse(q, **kwargs).groups]


def titles(q):
    return list(search(Article.objects.all(), q).values_list("title", flat=True))


# -- Reading (no database) --------------------------------------------------------


def test_syllables_that_form_a_word_are_one_term():
    assert units("ký kết chương trình hành động") == [[("ký kết", True), ("chương trình", True), ("hành động", True)]]
    assert units("ký kết chương trình phối hợp") == [[("ký kết", True), ("chương trình phối hợp", True)]]  # a term


def test_words_are_found_without_diacritics_too():
    assert units("ky ket chuong trinh hanh dong") == [[("ky ket", False), ("chuong trinh", False), ("hanh dong", False)]]


def test_each_word_keeps_or_drops_its_diacritics_as_typed():
    assert units("cán bộ trach nhiem") == [[("cán bộ", True), ("trach nhiem", False)]]
    assert units("Bố Trạch") == [[("Bố Trạch", True)]]


def test_capitalised_syllables_no_word_covers_are_one_name():
    assert units("Nguyễn Văn Bình dân vận") == [[("Nguyễn Văn Bình", True), ("dân vận", True)]]
    assert units("Hầu A Lềnh") == [[("Hầu A Lềnh", True)]]


def test_a_capitalised_expansion_keeps_its_abbreviations():
    [[committee]] = parse("Ủy Ban Nhân Dân").groups
    assert committee.alternatives == ["Ủy Ban Nhân Dân", "UBND"]


def test_an_abbreviation_is_not_part_of_a_name():
    [[ubnd, rest]] = parse("UBND Phong Điền").groups
    assert ubnd.alternatives == ["Ủy ban nhân dân", "UBND"] and not ubnd.exact
    assert rest.text == "Phong Điền"


def test_an_expansion_inside_a_longer_one_takes_its_abbreviations():
    [[front]] = parse("Mặt trận Tổ quốc").groups
    assert {"MTTQ", "MTTQVN", "UBMTTQ", "UBMTTQVN"} <= set(front.alternatives)
    [[abbreviation]] = parse("MTTQ").groups
    assert {"Mặt trận Tổ quốc", "MTTQ", "UBMTTQVN"} <= set(abbreviation.alternatives)
    [[board]] = parse("ban thuong vu").groups
    assert {"BTV", "UVTV", "UVBTV"} <= set(board.alternatives)


def test_a_word_does_not_stand_for_a_document_kind():
    [[word]] = parse("chương trình").groups
    assert word.alternatives == ["chương trình"]  # not "CTr", written inside "01-CTr/TU"


def test_a_count_and_its_measure_are_one_word():
    assert units("sơ kết 3 năm") == [[("sơ kết", True), ("3 năm", True)]]


def test_a_document_by_kind_and_number_is_taken_out_of_the_words():
    for q in ["Chỉ thị 33", "chi thi so 33/CT-TTg", "Chỉ thị số 33"]:
        parsed = parse(q)
        assert parsed.documents == [("Chỉ thị", "33")] and not parsed.groups, q
    assert parse("kế hoạch 2024").documents == [] and parse("kế hoạch 2024").years == [2024]


def test_quoted_phrases_exclusions_and_or_still_read():
    parsed = parse('"dân vận khéo" -"kế hoạch" OR biên phòng')
    first, second = parsed.groups
    assert [(t.text, t.negated, t.plain) for t in first] == [("dân vận khéo", False, False), ("kế hoạch", True, False)]
    assert [t.text for t in second] == ["biên phòng"]


def test_the_wider_readings_cut_syllables_then_fold():
    strict = parse("Trần Minh")
    assert strict.reading == STRICT and units("Trần Minh") == [[("Trần Minh", True)]]
    syllables = strict.wider()
    assert syllables.reading == SYLLABLES
    assert [[(t.text, t.exact) for t in g] for g in syllables.groups] == [[("Trần", True), ("Minh", False)]]
    folded = syllables.wider()
    assert folded.reading == FOLDED and all(not t.exact for t in folded.groups[0])
    assert folded.wider() is None


def test_segment_takes_the_longest_word_at_each_place():
    class Known:
        def known(self, keys):
            return {key: "word" for key in keys if key in {("a", "b"), ("a", "b", "c"), ("c", "d")}}

    assert segment(["a", "b", "c", "d"], Known()) == [(0, 3), (3, 4)]
    assert segment(["x", "c", "d"], Known()) == [(0, 1), (1, 3)]


# -- Matching ----------------------------------------------------------------------


pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_a_place_name_with_diacritics_matches_that_place_only():
    f.article("Bố Trạch", "Công an huyện Bố Trạch ra quân.")
    f.article("Cán bộ", "Cán bộ trách nhiệm với dân.")
    f.article("Bộ trạch", "Không liên quan: bộ trạch.")
    assert titles("Bố Trạch") == ["Bố Trạch"]
    assert set(titles("bo trach")) == {"Bố Trạch", "Cán bộ", "Bộ trạch"}


@pytestmark_db
def test_a_compound_abbreviation_is_found_by_its_parts_expansion():
    f.article("Viết tắt", "Đại diện UBMTTQVN tỉnh dự hội nghị.")
    f.article("Khác", "Đại diện Hội Nông dân dự hội nghị.")
    assert titles("Mặt trận Tổ quốc") == ["Viết tắt"]


@pytestmark_db
def test_a_document_query_lists_the_articles_citing_it():
    from archive.models import Citation, Document

    cites = f.article("Triển khai", "Thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng.")
    other = f.article("Khác", "Thực hiện Nghị quyết 33-NQ/TW.")
    f.article("Không", "Chỉ thị 34/CT-TTg.")
    Citation.objects.create(article=cites, document=Document.objects.create(number="33/CT-TTg", kind="Chỉ thị"))
    Citation.objects.create(article=other, document=Document.objects.create(number="33-NQ/TW", kind="Nghị quyết"))
    assert titles("chi thi 33") == titles("Chỉ thị số 33/CT-TTg") == ["Triển khai"]
    assert titles("Nghị quyết 33") == ["Khác"]


@pytestmark_db
def test_an_abbreviation_of_common_words_finds_them_written_out():
    f.article("Viết tắt", "Bảo đảm ANTT trên địa bàn.")
    f.article("Viết đủ", "Giữ vững an ninh, trật tự ở cơ sở.")
    f.article("Khác", "Trật tự xây dựng và an ninh mạng.")
    assert set(titles("ANTT")) == set(titles("an ninh trật tự")) == {"Viết tắt", "Viết đủ"}


@pytestmark_db
def test_the_archives_names_are_words_even_lower_case():
    f.article("Hội nghị", "Đồng chí Trần Thị Diệu Minh phát biểu.", officials=["Trần Thị Diệu Minh"])
    lexicon = ArchiveLexicon()
    assert units("tran thi dieu minh", lexicon=lexicon) == [[("tran thi dieu minh", False)]]
    assert units("Lâm Đồng Đà Lạt", lexicon=lexicon) == [[("Lâm Đồng", True), ("Đà Lạt", True)]]


@pytestmark_db
def test_a_place_name_lists_the_place_and_the_articles_that_write_it(client):
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    commune = phong_dien.children.first()
    unit_only = f.article("Tin xã", f"Xã {commune.name} ra quân.", localities=[hue, commune])
    written = f.article("Nhắc tên", "Đoàn công tác về Phong Điền làm việc.")
    f.article("Khác", "Tin ở nơi khác.")
    response = client.get(URL, {"q": "Phong Điền"})
    found = {article.pk for article in response.context["page"].object_list}
    assert found == {unit_only.pk, written.pk}
    page = response.content.decode()
    assert "kể cả các đơn vị trực thuộc" in page and "Chỉ tìm cụm từ trong toàn văn" in page
    phrase = client.get(URL, {"q": '"Phong Điền"'})
    assert [a.pk for a in phrase.context["page"].object_list] == [written.pk]


@pytestmark_db
def test_a_place_name_written_in_many_articles_lists_the_place_only(client, monkeypatch):
    from archive.search import matching

    f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    tagged = [f.article(f"Tin {n}", "Hội nghị ở Phong Điền.", localities=[phong_dien]) for n in range(3)]
    f.article("Nhắc tên", "Đoàn công tác về Phong Điền làm việc.")
    monkeypatch.setattr(matching, "PLACE_UNION_LIMIT", 0)
    response = client.get(URL, {"q": "Phong Điền"})
    assert matching.place_reading(response.context["parsed"]) == matching.PLACE
    assert {a.pk for a in response.context["page"].object_list} == {a.pk for a in tagged}


@pytestmark_db
def test_when_the_strict_reading_finds_nothing_the_page_widens_and_says_so(client):
    f.article("Hội nghị", "Đồng chí Trần Thị Diệu Minh phát biểu.")
    response = client.get(URL, {"q": "Trần Minh"})
    assert response.context["parsed"].reading == SYLLABLES
    assert [a.title for a in response.context["page"].object_list] == ["Hội nghị"]
    assert "Không tìm thấy chính xác “Trần Minh” — kết quả gần đúng" in response.content.decode()
    folded = client.get(URL, {"q": "Trần Mính"})
    assert folded.context["parsed"].reading == FOLDED
    assert "không phân biệt dấu" in folded.content.decode()
    exact = client.get(URL, {"q": "Diệu Minh"})
    assert exact.context["parsed"].reading == STRICT
    assert "kết quả gần đúng" not in exact.content.decode()


@pytestmark_db
def test_the_same_reading_everywhere_the_query_is_used(client):
    f.article("Bố Trạch", "Công an huyện Bố Trạch ra quân.", published_on="2024-01-01")
    f.article("Cán bộ", "Cán bộ trách nhiệm với dân.", published_on="2024-01-02")
    params = {"q": "Bố Trạch"}
    page = client.get(URL, params)
    assert [a.title for a in page.context["page"].object_list] == ["Bố Trạch"]
    exported = client.get(URL, {**params, "format": "json"})
    rows = json.loads(b"".join(exported.streaming_content))
    assert [row["title"] for row in rows] == ["Bố Trạch"]
    api = client.get(reverse("api:articles"), params).json()
    assert api["count"] == 1 and [a["title"] for a in api["results"]] == ["Bố Trạch"]
    feed = client.get(reverse("archive:search-feed"), params).content.decode()
    assert "Bố Trạch" in feed and "Cán bộ" not in feed
