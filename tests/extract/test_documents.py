import pytest

from archive.extract.documents import find_citations, find_documents, normalise_number


def numbers(text: str) -> list[str]:
    return [document["number"] for document in find_documents(text)]


@pytest.mark.parametrize(
    "text, number, kind",
    [
        ("thực hiện Chỉ thị số 33/CT-TTg của Thủ tướng", "33/CT-TTg", "Chỉ thị"),
        ("Quyết định 290-QĐ/TW của Bộ Chính trị", "290-QĐ/TW", "Quyết định"),
        ("cụ thể hóa Quyết định 290- QĐ/TW", "290-QĐ/TW", "Quyết định"),
        ("Quyết định số 83- QĐ/TU và các văn bản", "83-QĐ/TU", "Quyết định"),
        ("Chương trình hành động số 01-CTr/TU của Ban Dân vận", "01-CTr/TU", "Chương trình hành động"),
        ("Nghị quyết 25-NQ/TW về tăng cường và đổi mới", "25-NQ/TW", "Nghị quyết"),
        ("Kết luận số 114-KL/TW của Ban Bí thư", "114-KL/TW", "Kết luận"),
        ("Quy định số 23-QĐi/TW", "23-QĐi/TW", "Quy định"),
        ("Kế hoạch số 120-KH/BDVTU", "120-KH/BDVTU", "Kế hoạch"),
        ("Hướng dẫn số 12-HD/BDVTW", "12-HD/BDVTW", "Hướng dẫn"),
        ("Thông báo số 45 - TB/HU", "45-TB/HU", "Thông báo"),
        ("Quyết định số 35/2021/QĐ-UBND của UBND tỉnh", "35/2021/QĐ-UBND", "Quyết định"),
        ("theo quyết định số 1234/QĐ-UBND ngày", "1234/QĐ-UBND", "Quyết định"),
    ],
)
def test_numbered_documents_are_found_with_their_kind(text, number, kind):
    (document,) = find_documents(text)
    assert (document["number"], document["kind"]) == (number, kind)


def test_a_known_code_names_the_kind_without_a_keyword():
    assert find_documents("thực hiện Chỉ thị 05-CT/TW và 33/CT-TTg")[1]["kind"] == "Chỉ thị"
    assert find_documents("theo tinh thần 25-NQ/TW")[0]["kind"] == "Nghị quyết"


def test_date_right_after_the_number_is_the_document_date():
    (document,) = find_documents("Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ về …")
    assert document["date"] == "2021-11-26"
    assert document["as_written"] == "Chỉ thị số 33/CT-TTg, ngày 26/11/2021"


def test_date_written_in_words_is_read_too():
    (document,) = find_documents("Kết luận số 120-KL/TW ngày 7 tháng 1 năm 2016 của Bộ Chính trị")
    assert document["date"] == "2016-01-07"


def test_date_far_from_the_number_is_not_the_document_date():
    (document,) = find_documents("Quyết định 290-QĐ/TW của Bộ Chính trị, hội nghị ngày 26/11/2021")
    assert document["date"] is None


def test_impossible_document_date_is_ignored():
    (document,) = find_documents("Chỉ thị số 33/CT-TTg, ngày 31/2/2021")
    assert document["date"] is None


def test_a_document_cited_twice_is_listed_once():
    assert numbers("Quyết định 290- QĐ/TW … thực hiện Quyết định 290-QĐ/TW; Quyết định số 83- QĐ/TU") == [
        "290-QĐ/TW",
        "83-QĐ/TU",
    ]


def test_later_citation_fills_in_a_missing_date():
    (document,) = find_documents("Chỉ thị 33/CT-TTg … Chỉ thị số 33/CT-TTg, ngày 26/11/2021")
    assert document["date"] == "2021-11-26"


@pytest.mark.parametrize(
    "text",
    [
        "Trung tâm VHTT-TT huyện",
        "Sáng 26/5, Ban Dân vận",
        "giai đoạn 2022-2026",
        "đại dịch COVID-19",
        "Cập nhật, 19:17, Thứ Năm, 25/06/2020 (GMT+7)",
        "Tổng truy cập 4.045.920",
        "Quốc lộ 1A đoạn qua xã",
        "số 12/ab-xyz không phải văn bản",
    ],
)
def test_things_that_are_not_document_numbers(text):
    assert find_documents(text) == []


@pytest.mark.parametrize(
    "written, number",
    [("290- QĐ/TW", "290-QĐ/TW"), ("33 / CT - TTg", "33/CT-TTg"), ("01–CTr/TU", "01-CTr/TU")],
)
def test_number_normalisation_removes_spaces_and_odd_dashes(written, number):
    assert normalise_number(written) == number


def test_citations_carry_offsets_of_what_was_read():
    text = "Thực hiện Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng"
    (citation,) = find_citations(text)
    assert text[citation.begin : citation.stop] == "Chỉ thị số 33/CT-TTg, ngày 26/11/2021"
