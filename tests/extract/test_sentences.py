import pytest

from archive.extract.sentences import split_sentences


def test_sentences_end_at_a_full_stop_before_a_capital():
    assert split_sentences("Hội nghị diễn ra sáng nay. Đồng chí A phát biểu.") == [
        "Hội nghị diễn ra sáng nay.", "Đồng chí A phát biểu."
    ]


@pytest.mark.parametrize(
    "text",
    ["UBND TP. Hồ Chí Minh tổ chức hội nghị.", "Dự có PGS. TS. Nguyễn Văn An, giảng viên.",
     "Ông Nguyễn V. An phát biểu.", "Tổng truy cập 4.045.920 lượt."],
)
def test_abbreviations_initials_and_numbers_do_not_end_a_sentence(text):
    assert split_sentences(text) == [text]


def test_a_semicolon_before_a_lower_case_word_does_not_split():
    assert split_sentences("có đồng chí A – UVTV; đồng chí B – Phó Chủ tịch.") == [
        "có đồng chí A – UVTV; đồng chí B – Phó Chủ tịch."
    ]


def test_every_line_break_is_a_boundary():
    assert split_sentences("Tiêu đề\n\nNội dung bài") == ["Tiêu đề", "Nội dung bài"]
