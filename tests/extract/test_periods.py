import pytest

from archive.extract.periods import find_period_spans, find_periods, parse_period


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chương trình phối hợp giai đoạn 2021-2025.", ["2021-2025"]),
        ("ký kết giai đoạn 2022 - 2026 giữa hai cơ quan", ["2022-2026"]),
        ("thực hiện Quy chế phối hợp giai đoạn 2021–2025", ["2021-2025"]),
        ("chương trình phối hợp giai đoạn 2023 — 2028", ["2023-2028"]),
        ("nhiệm kỳ 2020 - 2025", ["2020-2025"]),
        ("Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025", ["2020-2025"]),
        ("chương trình phối hợp (2021-2025) đã được ký", ["2021-2025"]),
        ("giai đoạn từ năm 2016 đến năm 2020", ["2016-2020"]),
        ("giai đoạn 2016 đến 2020", ["2016-2020"]),
    ],
)
def test_period_ranges_with_any_dash_or_spacing(text, expected):
    assert find_periods(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hội nghị thông qua kế hoạch năm 2024.", ["2024-2024"]),
        ("thông qua kế hoạch thực hiện chương trình phối hợp năm 2024", ["2024-2024"]),
        ("triển khai chương trình phối hợp năm 2023 giữa hai cơ quan", ["2023-2023"]),
        ("Năm 2021 là năm quan trọng đẩy mạnh thực hiện quy chế dân chủ.", ["2021-2021"]),
        ("Hội nghị tổng kết công tác dân vận năm 2023 và triển khai nhiệm vụ năm 2024.", ["2023-2023", "2024-2024"]),
    ],
)
def test_programme_and_plan_years_are_periods(text, expected):
    assert find_periods(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2022, Ban Dân vận đã tham mưu ban hành 5 văn bản",
        "mức độ hài lòng của người dân năm 2022 đạt 84,7%",
        "xã đã đề nghị công nhận 4 mô hình Dân vận khéo năm 2022",
    ],
)
def test_a_year_the_article_reports_on_is_a_period(text):
    assert find_periods(text) == ["2022-2022"]


@pytest.mark.parametrize(
    "text",
    [
        "các cơ quan hành chính đã tiếp trên 38.500 lượt công dân",
        "tổng kết 10 năm thực hiện Quyết định 290-QĐ/TW",
        "Hội nghị diễn ra ngày 12 tháng 3 năm 2023 tại hội trường",
        "Từ năm 2010 đến nay, huyện đã xây dựng 120 mô hình",
        "Quyết định số 35/2021/QĐ-UBND của UBND tỉnh",
        "phấn đấu đến năm 2030 có 100% xã đạt chuẩn",
        "trong 6 tháng đầu năm 2024, toàn tỉnh tiếp 500 lượt công dân",
        "Tổng truy cập 4.045.920",
        "điện thoại 0260-3862 123",
    ],
)
def test_bare_years_counts_and_dates_are_not_periods(text):
    assert find_periods(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "giai đoạn 2025-2021",  # ends before it starts
        "giai đoạn 2010-2030",  # longer than any programme
        "giai đoạn 1900-1905",  # before the state
    ],
)
def test_implausible_ranges_are_dropped(text):
    assert find_periods(text) == []


def test_periods_are_sorted_and_unique():
    text = "giai đoạn 2022-2026 ... nhiệm kỳ 2020 - 2025 ... giai đoạn 2022 - 2026 ... giai đoạn 2016-2021"
    assert find_periods(text) == ["2016-2021", "2020-2025", "2022-2026"]


def test_spans_say_which_periods_are_congress_terms():
    spans = find_period_spans("ký kết giai đoạn 2022-2026 theo Nghị quyết Đại hội nhiệm kỳ 2020 - 2025")
    assert [(span.label, span.kind) for span in spans] == [("2022-2026", "phase"), ("2020-2025", "term")]


def test_spans_give_offsets_of_the_period_in_the_text():
    text = "thông qua kế hoạch năm 2024."
    (span,) = find_period_spans(text)
    assert text[span.begin : span.stop] == "năm 2024"
    assert span.kind == "year"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("2021-2025", (2021, 2025)),
        ("giai đoạn 2022 - 2026", (2022, 2026)),
        ("2021–2025", (2021, 2025)),
        ("giai doan 2021 den 2025", (2021, 2025)),
        ("chương trình phối hợp năm 2024", (2024, 2024)),
        ("  2016 — 2020 ", (2016, 2020)),
    ],
)
def test_parse_period_reads_user_input(query, expected):
    assert parse_period(query) == expected


@pytest.mark.parametrize("query", ["dân vận khéo", "2024", "2025-2021", "2000-2030", "", "Quận 3"])
def test_parse_period_returns_none_when_no_period_is_typed(query):
    assert parse_period(query) is None


@pytest.mark.parametrize(
    "text, periods",
    [
        ("Đồng chí đề nghị các xã tiếp tục xây dựng mô hình dân vận khéo trong năm 2024.", ["2024-2024"]),
        ("Trong năm 2022, Ban Dân vận Huyện ủy đã phối hợp tổ chức 12 hội nghị.", ["2022-2022"]),
        ("Mô hình được duy trì từ năm 2019 đến nay.", []),
    ],
)
def test_during_a_year_names_it_but_a_limit_does_not(text, periods):
    assert find_periods(text) == periods
