"""Broken letters mended before extraction: Cyrillic look-alikes, "ử" printed for
"ề", a space after every "à". Made-up sentences."""

import pytest

from archive.extract import extract
from archive.extract.repair import repair
from archive.text import normalize


def test_cyrillic_look_alikes_inside_vietnamese_words_become_latin():
    # Cyrillic "о" in "Hội", "с" in "các", "Т" in "Tỉnh"
    assert repair("Hộі nghị сác đơn vị của Тỉnh ủy") == "Hội nghị các đơn vị của Tỉnh ủy"


def test_a_cyrillic_a_for_d_is_read_as_the_word_the_article_writes():
    text = "Аảng ủy xã họp. Ban Chấp hành Đảng ủy thống nhất."
    assert repair(text).startswith("Đảng ủy xã họp.")


def test_a_cyrillic_a_that_cannot_open_a_syllable_with_what_follows_is_d():
    assert repair("Аoàn công tác đến thăm") == "Đoàn công tác đến thăm"
    assert repair("Аi cũng tham gia") == "Ai cũng tham gia"


def test_a_text_written_in_cyrillic_is_left_alone():
    text = "Москва — столица России"
    assert repair(text) == text


@pytest.mark.parametrize(
    "broken, mended",
    [
        ("Đoàn vử thăm xã", "Đoàn về thăm xã"),
        ("chủ đử hội nghị", "chủ đề hội nghị"),
        ("nhiửu mô hình", "nhiều mô hình"),
        ("vùng tiửn tiêu", "vùng tiền tiêu"),
        ("Nghử nghiệp", "Nghề nghiệp"),
    ],
)
def test_u_hook_printed_for_e_circumflex_grave_is_mended(broken, mended):
    assert repair(broken) == mended


@pytest.mark.parametrize("text", ["cử tri", "lịch sử", "gửi thư", "cửa khẩu", "xử lý", "thử nghiệm", "tử vong", "ửng hồng"])
def test_real_words_with_u_hook_stay(text):
    assert repair(text) == text


def test_a_space_after_every_a_grave_is_closed_when_the_text_shows_it_again_and_again():
    text = "Hội nghị tại thà nh phố, và o sáng nay, là m việc với ngà nh y tế và y tế xã."
    assert repair(text) == "Hội nghị tại thành phố, vào sáng nay, làm việc với ngành y tế và y tế xã."


def test_one_split_is_not_enough_to_call_a_text_broken():
    text = "Ông Tư là m một lần và o đây."
    assert repair(text) == text


def test_extraction_reads_the_mended_text_and_leaves_the_input_alone():
    raw = normalize(
        "Ký kết chương trình phối hợp công tác dân vận\n"
        "Thứ Ba, 12/3/2024\n"
        "Sáng 11/3, Ban Dân vận Huyện ủy và Hội Nông dân huyện đã ký kết chương trình phối hợp "
        "giai đoạn 2024-2026 tại hội trườ ng. Đồng chí Nguyễn Văn Tám, Bí thư Huyện ủy chủ trì, "
        "nhiửu đơn vị thà nh viên và o dự là m chứng.\n"
    )
    before = str(raw)
    facts = extract(raw)
    assert raw == before
    assert "nhiều đơn vị thành viên vào dự làm chứng" in facts["body"]
