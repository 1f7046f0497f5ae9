"""Lines a page glues or breaks: stamps after a headline or a byline, a lead
behind the site's tag, a headline printed twice, image file names, sentences
broken after a comma. Made-up lines."""

import pytest

from archive.extract.lines import join_broken, split_glued


@pytest.mark.parametrize(
    "line, parts",
    [
        (
            "Huyện ủy ký kết quy chế phối hợp với Hội Cựu chiến binh 14/05/2023 09:40",
            ["Huyện ủy ký kết quy chế phối hợp với Hội Cựu chiến binh", "14/05/2023 09:40"],
        ),
        ("Lê Văn Tín| 21/03/2022 16:06", ["Lê Văn Tín", "21/03/2022 16:06"]),
        ("Minh Thu Ảnh: Quốc Bảo 03/11/2019 07:15", ["Minh Thu Ảnh: Quốc Bảo", "03/11/2019 07:15"]),
    ],
)
def test_a_stamp_glued_after_a_headline_or_a_byline_gets_its_own_line(line, parts):
    assert split_glued(line) == parts


@pytest.mark.parametrize(
    "line",
    [
        "Hai bên đã ký văn bản vào ngày 12/03/2023 10:00",
        "Thứ Sáu, 14/3/2025 | 10:25",
        "Quyết định ban hành ngày 05/06/2021.",
        "Chương trình phối hợp giai đoạn 2021-2025",
    ],
)
def test_dates_inside_sentences_and_date_lines_stay_whole(line):
    assert split_glued(line) == [line]


def test_a_lead_glued_behind_the_site_tag_is_split_from_the_headline():
    line = (
        "Huyện Đông Sơn biểu dương 45 điển hình dân vận khéo (BTN) - Sáng 5/9, Ban Dân vận Huyện ủy "
        "tổ chức hội nghị biểu dương các điển hình tiêu biểu trong phong trào thi đua dân vận khéo năm 2024."
    )
    head, lead = split_glued(line)
    assert head == "Huyện Đông Sơn biểu dương 45 điển hình dân vận khéo"
    assert lead.startswith("(BTN) - Sáng 5/9, Ban Dân vận Huyện ủy")


def test_a_bare_online_tag_splits_too_but_initials_of_bodies_do_not():
    glued = (
        "Thành phố gặp mặt 60 tấm gương bảo vệ an ninh Tổ quốc HNO - Chiều 2/9, Công an thành phố và "
        "Ủy ban MTTQ thành phố gặp mặt các tấm gương tiêu biểu của phong trào năm nay."
    )
    assert len(split_glued(glued)) == 2
    title = "Ban Dân vận Huyện ủy và Ủy ban MTTQ - Hội Nông dân huyện ký kết chương trình phối hợp giai đoạn mới năm nay"
    assert split_glued(title) == [title]


def test_a_headline_printed_twice_on_one_line_is_kept_once():
    line = "Sơ kết quy chế phối hợp công tác dân vận Sơ kết quy chế phối hợp công tác dân vận"
    assert split_glued(line) == ["Sơ kết quy chế phối hợp công tác dân vận"]


def test_image_file_names_are_dropped_from_lines():
    assert split_glued("04.jpg") == []
    assert split_glued("IMG_2031.JPG Quang cảnh lễ ký kết") == ["Quang cảnh lễ ký kết"]


def test_a_sentence_broken_after_a_comma_is_joined():
    lines = ["Hội nghị do đồng chí Phan Văn Lộc,", "Trưởng Ban Dân vận Huyện ủy chủ trì.", "Tin khác."]
    assert join_broken(lines) == ["Hội nghị do đồng chí Phan Văn Lộc, Trưởng Ban Dân vận Huyện ủy chủ trì.", "Tin khác."]


def test_a_caption_broken_before_a_lower_case_word_is_joined_but_sentences_are_not():
    lines = ["Đoàn công tác trao quà lưu niệm", "cho Ban Dân vận Huyện ủy.", "Các đại biểu thảo luận."]
    assert join_broken(lines) == ["Đoàn công tác trao quà lưu niệm cho Ban Dân vận Huyện ủy.", "Các đại biểu thảo luận."]
    assert join_broken(["Hội nghị kết thúc.", "sau đó các đại biểu ra về."]) == ["Hội nghị kết thúc.", "sau đó các đại biểu ra về."]


@pytest.mark.parametrize(
    "line",
    [
        "null Ký kết quy chế phối hợp công tác dân vận",
        "nullKý kết quy chế phối hợp công tác dân vận",
        "Lượt xem: 1.203 Ký kết quy chế phối hợp công tác dân vận",
        "Truy cập nội dung luôn Ký kết quy chế phối hợp công tác dân vận",
    ],
)
def test_portal_junk_before_the_headline_on_its_line_is_dropped(line):
    assert split_glued(line) == ["Ký kết quy chế phối hợp công tác dân vận"]
