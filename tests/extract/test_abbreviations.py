"""The abbreviation table: expansion of whole tokens, synonym pairs for search."""

import pytest

from archive.abbreviations import ABBREVIATIONS, expand, expansion, synonym_pairs


@pytest.mark.parametrize(
    "text, expanded",
    [
        ("UBND huyện", "Ủy ban nhân dân huyện"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("UBMTTQVN huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
        ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("UVTV Huyện ủy", "Ủy viên Ban Thường vụ Huyện ủy"),
        ("UV BTV Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"),
        ("BCH Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"),
        ("BCĐ Trung ương", "Ban Chỉ đạo Trung ương"),
        ("Ban CHQS huyện", "Ban Chỉ huy Quân sự huyện"),
        ("BCHQS huyện", "Ban Chỉ huy Quân sự huyện"),
        ("Hội LHPN xã", "Hội Liên hiệp Phụ nữ xã"),
        ("Hội CCB", "Hội Cựu chiến binh"),
        ("Trung tâm VHTT-TT huyện", "Trung tâm Văn hóa Thông tin - Thể thao huyện"),
        ("công tác DTĐR", "công tác dồn thửa đổi ruộng"),
        ("CA xã", "Công an xã"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
    ],
)
def test_expand(text, expanded):
    assert expand(text) == expanded


@pytest.mark.parametrize(
    "text",
    [
        "Quyết định 290-QĐ/TW",
        "Chương trình hành động số 01-CTr/TU",
        "Chỉ thị số 33/CT-TTg",
        "ca sĩ, cả ca đêm",
    ],
)
def test_document_numbers_and_ordinary_words_are_left_alone(text):
    assert expand(text) == text


def test_abbreviation_inside_a_longer_word_is_left_alone():
    assert expand("UBNDX") == "UBNDX"
    assert expand("TUẤN") == "TUẤN"


def test_case_matters():
    assert expand("ca") == "ca"
    assert expand("Tu") == "Tu"


def test_every_abbreviation_has_one_expansion():
    abbreviations = [a for a, _ in ABBREVIATIONS]
    assert len(abbreviations) == len(set(abbreviations))


def test_expansion_lookup():
    assert expansion("UBND") == "Ủy ban nhân dân"
    assert expansion("XYZ") is None


def test_synonym_pairs_cover_the_domain_table():
    pairs = dict(synonym_pairs())
    for abbreviation in ["UBND", "HĐND", "MTTQ", "UBMTTQ", "UBMTTQVN", "BTV", "UVTV", "UV BTV", "BCH", "BCĐ",
                         "BCS", "TW", "TU", "HU", "ĐU", "CA", "BCHQS", "LHPN", "CCB", "VHTT-TT", "DTĐR", "CT-TTg",
                         "QĐ", "NQ", "CTr", "KL"]:
        assert abbreviation in pairs, abbreviation
    lengths = [len(a) for a, _ in synonym_pairs()]
    assert lengths == sorted(lengths, reverse=True)


def test_expansions_use_old_style_tone_placement():
    from archive.text import normalize

    for _, expanded in ABBREVIATIONS:
        assert normalize(expanded) == expanded
