"""Vietnamese search behaviour: archive.search, matching through search()."""

import unicodedata

import pytest

from archive.search.entities import entities
from archive.search.matching import attach_snippets, search
from archive.search.query import MAX_QUERY_CHARS, parse
from archive.text import fold
from archive.models import Article, Locality
from tests import factories as f

pytestmark = pytest.mark.django_db


def titles(q):
    return list(search(Article.objects.all(), q).values_list("title", flat=True))


# -- parsing (no database) ----------------------------------------------------


@pytest.mark.parametrize(
    "q",
    ["", "   ", '"', '""', "-", "OR", "or or", "- - -", '"unclosed phrase', "!!!", "&|!():*<->", "\x00\x01",
     "\ue000x\ue001", "a" * 5000, "🙂", "'; DROP TABLE archive_article; --", "<script>alert(1)</script>"],
)
def test_parse_never_fails(q):
    parsed = parse(q)
    assert len(parsed.raw) <= MAX_QUERY_CHARS


def test_parse_takes_periods_and_years_out_of_the_text():
    parsed = parse("ký kết giai đoạn 2022 - 2026 năm 2024")
    assert parsed.periods == [(2022, 2026)]
    assert parsed.years == [2024]
    assert [t.alternatives[0] for t in parsed.groups[0]] == ["ký kết"]


def test_parse_leaves_document_numbers_alone():
    parsed = parse("Chỉ thị 33/CT-TTg 26/11/2021")
    assert parsed.periods == [] and parsed.years == []


def test_parse_expands_abbreviations_and_contracts_expansions():
    [[ubnd, huyen]] = parse("UBND huyện").groups
    assert ubnd.alternatives == ["Ủy ban nhân dân", "UBND"]
    [[term]] = parse("uy ban nhan dan").groups
    assert "UBND" in term.alternatives
    [[short]] = parse("TU").groups
    assert short.alternatives == ["Tỉnh ủy"]  # 'tu' alone would match every "từ"


def test_parse_reads_websearch_syntax():
    parsed = parse('"dân vận" khéo -"kế hoạch" OR biên phòng')
    first, second = parsed.groups
    assert [(t.alternatives[0], t.negated, t.plain) for t in first] == [
        ("dân vận", False, False), ("khéo", False, True), ("kế hoạch", True, False)
    ]
    assert [t.alternatives[0] for t in second] == ["biên phòng"]


# -- matching and ranking -------------------------------------------------------


def test_search_ignores_diacritics():
    f.article("Hội nghị dân vận", "Đồng chí Trần Thị Diệu Minh, Trưởng Ban Dân vận Huyện ủy phát biểu.")
    f.article("Tin khác", "Không liên quan.")
    assert titles("tran thi dieu minh") == titles("Trần Thị Diệu Minh") == ["Hội nghị dân vận"]


def test_diacritics_decide_which_spelling_matches():
    f.article("Tin một", "Huyện đang triển khai kế hoạch.", published_on="2024-05-02")
    f.article("Tin hai", "Đảng bộ huyện lãnh đạo kế hoạch.", published_on="2024-05-01")
    assert titles("Đảng") == ["Tin hai"]
    assert titles("đang") == ["Tin một"]
    assert set(titles("dang")) == {"Tin một", "Tin hai"}


@pytest.mark.parametrize(("written", "typed"), [
    ("Thanh Hoá", "Thanh Hóa"), ("Thanh Hóa", "Thanh Hoá"), ("hòa giải", "hoà giải"),
    ("Uỷ ban", "Ủy ban"), ("Ủy ban", "uỷ ban"), ("thuỷ lợi", "thủy lợi"),
])
def test_old_and_new_tone_placement_match_as_the_same_spelling(written, typed):
    f.article("Đúng", f"Tin về {written} hôm nay.")
    f.article("Không dấu", f"Tin về {fold(written)} hôm nay.")
    assert titles(typed) == ["Đúng"]
    assert set(titles(fold(typed))) == {"Đúng", "Không dấu"}


def test_nfd_input_matches_nfc_text_both_ways():
    f.article("Bài NFC", "Đồng chí Trần Văn Hùng dự hội nghị.")
    f.article("Bài NFD", unicodedata.normalize("NFD", "Đồng chí Lê Thị Hoà dự hội nghị."))
    assert titles(unicodedata.normalize("NFD", "Trần Văn Hùng")) == ["Bài NFC"]
    assert titles("Lê Thị Hòa") == ["Bài NFD"]


def test_d_typed_for_đ_and_lookalike_eth_match():
    f.article("Đảng bộ xã", "Đảng bộ xã Đông Hòa.")
    assert titles("Dang bo") == ["Đảng bộ xã"]
    assert titles("\u00d0ảng bộ") == ["Đảng bộ xã"]  # Icelandic Ð for Đ


def test_the_syllables_of_a_word_must_stand_together():
    f.article("Rời rạc", "Người dân tham gia đông đủ. Sau đó xe vận chuyển hàng.", published_on="2024-01-02")
    f.article("Liền nhau", "Công tác dân vận được nâng lên rõ rệt trong năm.", published_on="2024-01-01")
    assert titles("dân vận") == titles("dan van") == ["Liền nhau"]


def test_quoted_phrase_exclusion_and_or():
    f.article("A", "Phong trào dân vận khéo ở xã.")
    f.article("B", "Người dân khéo léo vận động.")
    f.article("C", "Đồn Biên phòng ký kết.")
    assert titles('"dân vận"') == ["A"]
    assert titles("dân -khéo") == []
    assert sorted(titles("dân -\"vận khéo\"")) == ["B"]
    assert sorted(titles('"dân vận" OR "biên phòng"')) == ["A", "C"]



def test_an_excluded_abbreviation_excludes_its_expansion_too():
    # -"UBND" is a term with two spellings; excluding it used to raise a
    # TypeError (a 500) when the query was built from SearchQuery objects.
    f.article("Ủy ban", "Công tác dân vận của Ủy ban nhân dân xã.")
    f.article("Viết tắt", "Công tác dân vận của UBND xã.")
    f.article("Khác", "Công tác dân vận của Mặt trận.")
    assert titles('dân vận -"UBND"') == ["Khác"]
    assert titles("dân vận -\"Ủy ban nhân dân\"") == ["Khác"]

@pytest.mark.parametrize(("written", "typed"), [
    ("UBND huyện", "Ủy ban nhân dân"), ("Ủy ban nhân dân huyện", "UBND"), ("Ủy ban nhân dân huyện", "ubnd"),
    ("HĐND tỉnh", "Hội đồng nhân dân"), ("Hội đồng nhân dân tỉnh", "HĐND"), ("Hội đồng nhân dân tỉnh", "hdnd"),
    ("Ủy ban MTTQ huyện", "Mặt trận Tổ quốc"), ("Mặt trận Tổ quốc Việt Nam", "MTTQ"),
    ("BTV Huyện ủy", "Ban Thường vụ"), ("Ban Thường vụ Tỉnh ủy", "BTV"),
    ("BCH Đảng bộ", "Ban Chấp hành"), ("Ban Chấp hành Đảng bộ", "BCH"),
    ("UBND huyện", '"Ủy ban nhân dân huyện"'), ("Ủy ban nhân dân huyện", '"UBND huyện"'),
])
def test_abbreviations_match_their_expansions_both_ways(written, typed):
    f.article("Có", f"Đại diện {written} dự hội nghị.")
    f.article("Không", "Đại diện nhân dân dự hội nghị ủy quyền.")
    assert titles(typed) == ["Có"]


def test_a_period_in_the_query_matches_the_structured_period():
    f.article("Giai đoạn đúng", "Ký kết chương trình phối hợp.", periods=[(2021, 2025)])
    f.article("Số lẻ", "Năm 2021 có 2025 hộ dân tham gia ký kết chương trình phối hợp.")
    f.article("Đã ẩn", "Ký kết chương trình phối hợp.", hidden=[("period", (2021, 2025))])
    for q in ["2021-2025", "giai đoạn 2021 - 2025", "ký kết 2021–2025", "giai doan 2021-2025"]:
        assert titles(q) == ["Giai đoạn đúng"], q


def test_a_year_in_the_query_matches_periods_and_dates():
    f.article("Kế hoạch", "Kế hoạch dân vận.", periods=[(2024, 2024)], published_on="2023-12-30")
    f.article("Đăng năm", "Tin dân vận.", published_on="2024-03-01")
    f.article("Khác năm", "Tin dân vận năm 2024.", published_on="2022-03-01")
    assert sorted(titles("dân vận năm 2024")) == ["Kế hoạch", "Đăng năm"]


def test_empty_and_garbage_queries_return_results_without_error():
    f.article("Một", "Nội dung.")
    assert titles("") == ["Một"]
    for q in ['"', "-", "OR", "!!!", "&|!():*", "a" * 5000, "\x00", "<b>x</b>"]:
        titles(q)


# -- entities ---------------------------------------------------------------------


def test_an_officials_name_typed_exactly_finds_the_official():
    minh = f.official("Trần Thị Diệu Minh")
    assert entities(parse("tran thi dieu minh")).officials == [minh]
    assert entities(parse("Trần Thị Diệu Minh")).officials == [minh]


def test_a_locality_name_typed_exactly_finds_the_localities():
    found = entities(parse("huyện Phong Điền")).localities
    assert {str(place) for place in found} == {"Huyện Phong Điền (Thừa Thiên Huế)", "Huyện Phong Điền (Cần Thơ)"}
    assert {p.name for p in entities(parse("Vĩnh Tường")).localities} == {"Vĩnh Tường"}


def test_a_place_box_counts_the_articles_its_page_lists():
    """A province's or district's count is its page's: its own articles and
    its units'. A commune counts its visible facts."""
    hue = f.locality("Thừa Thiên Huế", level="province")
    phong_dien = f.locality("Phong Điền", province="Thừa Thiên Huế")
    commune = Locality.objects.get(level="commune", era="pre2025", name="Phong Hiền")
    f.article("Tỉnh", published_on="2024-01-01", localities=[hue])
    f.article("Huyện", published_on="2024-01-02", localities=[phong_dien])
    f.article("Xã", published_on="2024-01-03", localities=[commune])
    f.article("Ẩn", published_on="2024-01-04", hidden=[("locality", commune)])

    def count(place):
        [found] = [p for p in entities(parse(place.name)).localities if p == place]
        return found.article_count

    assert (count(hue), count(phong_dien), count(commune)) == (3, 2, 1)


def test_a_place_box_needs_the_diacritics_typed_or_articles_about_the_place():
    # Folded, "dân vận" is also xã Đản Ván (Đắk Lắk), which no article is about.
    assert entities(parse("Dân vận")).localities == []
    assert entities(parse("dan van")).localities == []
    assert [p.name for p in entities(parse("Đản Ván")).localities] == ["Đản Ván"]


def test_an_official_typed_with_other_diacritics_is_not_that_official():
    f.official("Trần Thị Diệu Minh")
    assert entities(parse("Trần Thị Diệu Mính")).officials == []


def test_a_partial_or_misspelt_name_suggests_the_nearest_officials():
    minh = f.official("Trần Thị Diệu Minh")
    f.official("Nguyễn Văn An")
    assert entities(parse("tran thi dieu mihn")).suggestions[0] == minh
    assert entities(parse("Diệu Minh")).suggestions[0] == minh


def test_snippets_escape_the_text_and_mark_only_the_match():
    article = f.article("X", "<script>alert('Trần')</script> đồng chí Trần Văn A & <b>bạn</b>")
    attach_snippets([article], parse("tran"))
    assert "<script>" not in article.snippet and "<b>" not in article.snippet
    assert "<mark>Trần</mark>" in article.snippet
    assert "&amp;" in article.snippet or "&" not in article.snippet
