from datetime import date

import pytest

from archive.extract.dates import article_dates, find_event_date, is_date_line, parse_date_hint


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Ngày cập nhật 11/09/2021", date(2021, 9, 11)),
        ("Thứ Tư, 8/5/2024", date(2024, 5, 8)),
        ("Cập nhật, 19:17, Thứ Năm, 25/06/2020 (GMT+7)", date(2020, 6, 25)),
        ("Thứ hai, ngày 12 tháng 6 năm 2023", date(2023, 6, 12)),
        ("12-3-2023 10:05", date(2023, 3, 12)),
        ("Ngày đăng: 05.04.2022", date(2022, 4, 5)),
        ("Chủ nhật, 10/9/2023 | 08:30", date(2023, 9, 10)),
        ("Cap nhat luc 08:30 ngay 01/07/2025", date(2025, 7, 1)),
    ],
)
def test_date_lines_are_day_first(line, expected):
    assert is_date_line(line)
    assert article_dates(line, "").published_on == expected


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 25/6/2020, đoàn kiểm tra của BCĐ Trung ương đến làm việc tại tỉnh Vĩnh Long.",
        "Tổng truy cập 4.045.920",
        "Sáng 26/5",
        "Chỉ thị số 33/CT-TTg, ngày 26/11/2021",
    ],
)
def test_sentences_and_partial_dates_are_not_date_lines(line):
    assert not is_date_line(line)


def test_date_line_is_stated_with_the_line_as_evidence():
    dates = article_dates("Ngày cập nhật 11/09/2021", "Sáng ngày 10/9, Ban Dân vận Huyện ủy tổ chức hội nghị.")
    assert (dates.published_on, dates.precision, dates.evidence) == (
        date(2021, 9, 11),
        "stated",
        "Ngày cập nhật 11/09/2021",
    )


def test_event_year_comes_from_the_date_line():
    dates = article_dates("Ngày cập nhật 11/09/2021", "Sáng ngày 10/9, Ban Dân vận Huyện ủy tổ chức hội nghị.")
    assert dates.event_on == date(2021, 9, 10)


def test_event_late_in_the_year_on_a_january_page_is_last_year():
    dates = article_dates("Thứ Hai, 2/1/2023", "Chiều 30/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết.")
    assert dates.event_on == date(2022, 12, 30)


def test_without_a_date_line_the_event_date_is_the_date():
    dates = article_dates(None, "Ngày 25/6/2020, đoàn kiểm tra đến làm việc tại tỉnh.")
    assert (dates.published_on, dates.precision, dates.evidence) == (date(2020, 6, 25), "stated", "Ngày 25/6/2020")


def test_event_without_year_takes_the_first_year_of_the_signed_programme():
    dates = article_dates(None, "Sáng 26/5, Ban Dân vận Huyện ủy và UBND huyện tổ chức hội nghị.", programme_year=2022)
    assert (dates.published_on, dates.precision, dates.evidence) == (date(2022, 5, 26), "year_inferred", "Sáng 26/5")


def test_weekday_next_to_the_event_dates_it_before_the_programme_does():
    # 26/5 was a Thursday in 2022 (and in 2016), not in 2023.
    dates = article_dates(None, "Sáng thứ Năm (26/5), hội nghị diễn ra tại huyện.", programme_year=2023)
    assert dates.published_on == date(2022, 5, 26)
    assert dates.precision == "year_inferred"


def test_hint_dates_an_article_with_no_date_line():
    dates = article_dates(None, "Chiều nay (5/4), hội nghị diễn ra.", hint="2022-04-06")
    assert (dates.published_on, dates.precision) == (date(2022, 4, 6), "stated")
    assert dates.event_on == date(2022, 4, 5)


def test_date_line_wins_over_the_hint():
    dates = article_dates("Thứ Tư, 8/5/2024", "", hint="2024-05-09")
    assert dates.published_on == date(2024, 5, 8)


def test_no_date_at_all_is_unknown():
    dates = article_dates(None, "Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết.")
    assert (dates.published_on, dates.precision, dates.evidence) == (None, "unknown", None)


def test_day_and_month_that_nothing_dates_are_unknown_with_a_warning():
    dates = article_dates(None, "Sáng 26/5, hội nghị diễn ra.")
    assert dates.published_on is None and dates.precision == "unknown"
    assert any("Sáng 26/5" in warning for warning in dates.warnings)


def test_weekday_that_contradicts_the_date_line_is_a_warning():
    dates = article_dates("Thứ Năm, 8/5/2024", "")
    assert dates.published_on == date(2024, 5, 8)  # the date is kept
    assert dates.warnings and "weekday" in dates.warnings[0]


def test_matching_weekday_gives_no_warning():
    assert article_dates("Thứ Tư, 8/5/2024", "").warnings == []


@pytest.mark.parametrize(
    "body, evidence, day_month",
    [
        ("Sáng 26/5, Ban Dân vận Huyện ủy tổ chức hội nghị.", "Sáng 26/5", (26, 5)),
        ("Sáng ngày 10/9, Ban Dân vận Huyện ủy Phong Điền tổ chức.", "Sáng ngày 10/9", (10, 9)),
        ("… tại Hội nghị tổng kết diễn ra chiều nay (5/4).", "chiều nay (5/4)", (5, 4)),
        ("Hôm qua (12/3), tại trụ sở, hai cơ quan ký kết.", "Hôm qua (12/3)", (12, 3)),
        ("Chiều 12/3/2023, tại hội trường, hai cơ quan ký kết.", "Chiều 12/3/2023", (12, 3)),
        ("Ngày 25/6/2020, đoàn kiểm tra đến làm việc.", "Ngày 25/6/2020", (25, 6)),
        ("Sáng ngày 12 tháng 3, hai cơ quan ký kết.", "Sáng ngày 12 tháng 3", (12, 3)),
        ("Tối 2/9, đêm hội diễn ra.", "Tối 2/9", (2, 9)),
    ],
)
def test_event_dates_as_news_reports_open(body, evidence, day_month):
    found = find_event_date(body)
    assert (found.evidence, (found.day, found.month)) == (evidence, day_month)


def test_date_of_a_cited_document_is_not_the_event():
    body = "Thực hiện Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng, tỉnh đã triển khai nhiều việc."
    start = body.index("Chỉ thị")
    stop = body.index(" của")
    assert find_event_date(body, excluded=[(start, stop)]) is None


def test_date_followed_by_cua_is_a_document_date():
    body = "Chương trình hành động ban hành ngày 21/7/2021 của Ban Dân vận Tỉnh ủy được triển khai."
    assert find_event_date(body) is None


def test_a_deadline_is_not_the_event():
    assert find_event_date("Các đơn vị gửi báo cáo trước ngày 30/6/2024 về Ban Dân vận.") is None


def test_event_opening_a_sentence_wins_over_a_date_inside_one():
    body = "Chương trình ký ngày 3/3/2019 đã hết hạn. Sáng 26/5, hai cơ quan ký chương trình mới."
    assert find_event_date(body).evidence == "Sáng 26/5"


@pytest.mark.parametrize("body", ["Sáng 31/2, hội nghị diễn ra.", "Ngày 32/13/2023, hội nghị."])
def test_impossible_dates_are_ignored(body):
    assert find_event_date(body) is None


def test_february_29_is_a_date_in_leap_years():
    dates = article_dates("Thứ Năm, 29/2/2024", "Sáng 29/2, hội nghị diễn ra.")
    assert dates.event_on == date(2024, 2, 29)


@pytest.mark.parametrize(
    "hint, expected",
    [("2021-09-11", date(2021, 9, 11)), ("2021-09-11T08:00:00+07:00", date(2021, 9, 11)), ("11/09/2021", date(2021, 9, 11)), ("", None), (None, None), ("soon", None)],
)
def test_parse_date_hint(hint, expected):
    assert parse_date_hint(hint) == expected


@pytest.mark.parametrize(
    "body, day_month_year",
    [
        ("Sáng 14-8, Ban Dân vận Tỉnh ủy tổ chức hội nghị.", (14, 8, None)),
        ("Ngày 14-8-2025, hội nghị diễn ra.", (14, 8, 2025)),
        ("Chiều nay (5-4), hai cơ quan ký kết.", (5, 4, None)),
    ],
)
def test_event_dates_written_with_dashes(body, day_month_year):
    found = find_event_date(body)
    assert (found.day, found.month, found.year) == day_month_year


def test_view_counter_beside_the_date_still_makes_a_date_line():
    assert is_date_line("Lượt xem: 1.234 | 15/08/2025")


def test_inferred_year_without_a_page_date_is_a_warning():
    dates = article_dates(None, "Sáng 26/5, hội nghị ký kết.", programme_year=2022)
    assert dates.warnings == ["year inferred from the programme's first year: 'Sáng 26/5'"]


def test_page_without_any_date_is_a_warning():
    assert article_dates(None, "Hội nghị diễn ra.").warnings == ["no date found"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Thanh Hóa, ngày 20 tháng 6 năm 2023", True), ("Hà Nội, ngày 5/4/2022", True),
     ("Ngày 12/3/2023, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết", False)],
)
def test_a_dateline_may_start_with_its_place(line, expected):
    from archive.extract.dates import is_date_line

    assert is_date_line(line) is expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Ngày phát hành: 09/09/2022", date(2022, 9, 9)),
        ("Đăng tải lúc 16:30 ngày 09/09/2022", date(2022, 9, 9)),
        ("Chỉnh sửa lần cuối: 10/09/2022 08:00", date(2022, 9, 10)),
        ("2022-09-09 16:30", date(2022, 9, 9)),
        ("Cập nhật: 2025-10-05T08:10", date(2025, 10, 5)),
    ],
)
def test_more_portal_date_lines(line, expected):
    assert is_date_line(line)
    assert article_dates(line, "").published_on == expected


def test_a_period_is_not_an_iso_date():
    assert not is_date_line("giai đoạn 2021-2025")


# -- real page shapes: planned dates, stamps that do not fit, years written elsewhere --


def test_a_planned_date_is_not_the_event():
    body = (
        "Mới đây, Ban Dân vận Tỉnh ủy làm việc với các huyện về hội thi. "
        "Vòng chung kết dự kiến diễn ra ngày 20/11/2023 tại nhà văn hóa tỉnh."
    )
    assert find_event_date(body) is None


def test_an_event_written_with_its_year_beats_a_stamp_read_month_first():
    # 08/10/2019 read day first is 8 October; month first it is 10 August, the day after the event.
    dates = article_dates("Cập nhật lúc : 10:15 08/10/2019", "Sáng ngày 9/8/2019, hai bên ký kết quy chế phối hợp.")
    assert (dates.published_on, dates.precision, dates.evidence) == (date(2019, 8, 9), "stated", "Sáng ngày 9/8/2019")
    assert any("does not fit" in warning for warning in dates.warnings)


def test_a_stamp_days_after_the_event_stays_the_publication_date():
    dates = article_dates("Thứ Ba, 12/3/2024", "Ngày 8/3/2024, Hội Nông dân huyện ký kết chương trình phối hợp.")
    assert dates.published_on == date(2024, 3, 12)


def test_a_site_date_years_after_the_event_is_not_the_article_date():
    dates = article_dates("Thứ Tư, 24/4/2024", "Ngày 11/10/2016, hai bên đã ký chương trình phối hợp giai đoạn 2016-2021.")
    assert dates.published_on == date(2016, 10, 11)


def test_a_year_named_in_the_title_dates_a_day_and_month():
    dates = article_dates(
        None,
        "Chiều 23/6, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận.",
        title="Sơ kết công tác dân vận 6 tháng đầu năm 2022",
        programme_year=2021,
    )
    assert (dates.published_on, dates.precision) == (date(2022, 6, 23), "year_inferred")


def test_an_anniversary_span_dates_a_day_and_month():
    body = (
        "Sáng 13/10, Ban Dân vận Huyện ủy gặp mặt cán bộ nhân kỷ niệm 95 năm Ngày truyền thống "
        "công tác dân vận của Đảng (15/10/1930 - 15/10/2025)."
    )
    assert article_dates(None, body).published_on == date(2025, 10, 13)


def test_an_award_for_years_in_a_row_is_no_anniversary():
    body = "Sáng 19-4, huyện khen thưởng người có uy tín vì 5 năm liền (2013-2018) có nhiều đóng góp."
    assert article_dates(None, body).published_on is None


def test_a_site_date_years_after_the_year_the_title_names_is_not_the_article_date():
    dates = article_dates(
        "Thứ Tư, 24/4/2024",
        "Chiều 23/6, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết.",
        title="Sơ kết công tác dân vận 6 tháng đầu năm 2021",
    )
    assert (dates.published_on, dates.precision) == (date(2021, 6, 23), "year_inferred")


def test_a_plan_for_next_year_in_the_title_keeps_the_date_line():
    dates = article_dates(
        "21:15:00 27/12/2017",
        "Ngày 27/12, Ủy ban MTTQ tỉnh tổ chức hội nghị.",
        title="Hội nghị triển khai công tác Mặt trận năm 2018",
    )
    assert dates.published_on == date(2017, 12, 27)


def test_a_tradition_anniversary_dates_a_day_and_month():
    body = "Sáng 19/8, Công an tỉnh gặp mặt điển hình nhân Ngày truyền thống Công an nhân dân tròn 80 năm."
    dates = article_dates(None, body)
    assert (dates.published_on, dates.precision) == (date(2025, 8, 19), "year_inferred")


def test_history_recalled_further_in_does_not_unseat_the_date_line():
    body = (
        "Sáng 18/8, Công an tỉnh tổ chức lễ kỷ niệm ngày truyền thống của lực lượng, ôn lại truyền thống vẻ vang "
        "của lực lượng qua các thời kỳ xây dựng, chiến đấu và trưởng thành. "
        "Ngày 19/8/1945, lực lượng Công an nhân dân được thành lập."
    )
    assert article_dates("Thứ Hai, 18/8/2025", body).published_on == date(2025, 8, 18)


def test_a_year_of_history_in_the_title_does_not_date_the_article():
    dates = article_dates(
        "Thứ Hai, 3/2/2025",
        "Sáng 2/2, Đảng ủy xã gặp mặt các đảng viên cao tuổi Đảng.",
        title="Đảng ta được thành lập năm 1930",
    )
    assert dates.published_on == date(2025, 2, 3)


@pytest.mark.parametrize(
    "body, day_month",
    [
        ("Ngày 14.9, Ban Dân vận Huyện ủy tổ chức hội nghị.", (14, 9)),
        ("Sáng nay 3.12, Hội Nông dân xã ký kế hoạch phối hợp.", (3, 12)),
        ("Chiều 21.4.2023, hai đơn vị ký quy chế.", (21, 4)),
    ],
)
def test_day_and_month_joined_by_a_dot(body, day_month):
    found = find_event_date(body)
    assert (found.day, found.month) == day_month


@pytest.mark.parametrize("body", ["Sáng 8.30, đoàn lên đường.", "Ngày 2.500 người tham gia ngày hội."])
def test_a_decimal_after_a_time_word_is_no_date(body):
    assert find_event_date(body) is None
