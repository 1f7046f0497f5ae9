import unicodedata

import pytest

from archive.text import fold, normalize, slugify


@pytest.mark.parametrize(
    ("new_style", "old_style"),
    [("hoà", "hòa"), ("Thanh Hoá", "Thanh Hóa"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"),
     ("Huyện uỷ", "Huyện ủy"), ("khoẻ", "khỏe"), ("HOÀ BÌNH", "HÒA BÌNH"), ("toà án", "tòa án")],
)
def test_normalize_moves_new_style_tones_to_the_old_placement(new_style, old_style):
    assert normalize(new_style) == old_style
    assert normalize(old_style) == old_style


@pytest.mark.parametrize("word", ["quý", "Quỳnh", "hoàng", "Nguyễn", "khuya", "thuở", "hoạch"])
def test_normalize_leaves_words_without_a_moved_tone_alone(word):
    assert normalize(word) == word


def test_normalize_makes_nfd_input_nfc():
    decomposed = unicodedata.normalize("NFD", "Trần Thị Diệu Minh, Thanh Hoá")
    assert normalize(decomposed) == "Trần Thị Diệu Minh, Thanh Hóa"


def test_normalize_replaces_lookalikes_and_no_break_spaces():
    assert normalize("\u00d0ồng chí\u00a0Y Ngọc") == "Đồng chí Y Ngọc"


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Trần Thị Diệu Minh", "tran thi dieu minh"), ("Đảng", "dang"), ("đang", "dang"),
     ("ĐỒN BIÊN PHÒNG", "don bien phong"), ("Thanh Hoá", "thanh hoa")],
)
def test_fold_removes_every_mark_and_maps_d_with_stroke(text, folded):
    assert fold(text) == folded


def test_slugify_makes_ascii_url_slugs():
    assert slugify("Phong Điền (Thừa Thiên Huế)") == "phong-dien-thua-thien-hue"
    assert slugify("  Quận 3 ") == "quan-3"
