import re

import pytest

from archive.extract.agreements import build_agreements, find_mentions, programme_year

_HEADS = re.compile(
    r"^(?:Ban|UBND|Ủy ban|HĐND|UBMTTQ\w*|MTTQ|Công an|Đồn|Bộ|Sở|Phòng|Hội|Đoàn|Liên đoàn|"
    r"Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|Tòa án|Viện)\b"
)
_NOT_A_BODY = re.compile(r"^(?:Sở Tài nguyên|Sở Lao động|Sở Lao động - Thương binh)$|\b(?:các cơ quan|liên quan)\b")
_NAMES_WITH_VA = {"Sở Tài nguyên và Môi trường", "Sở Lao động - Thương binh và Xã hội"}


def fake_normalise(span: str, *, localities) -> dict | None:
    """A stand-in for organisations.normalise_party: a body is a span that starts
    with a body's head word; the name is the span as written."""
    span = span.strip()
    if not _HEADS.match(span) or _NOT_A_BODY.search(span):
        return None
    if (" và " in span or " - " in span) and span not in _NAMES_WITH_VA:
        return None
    return {"name": span, "kind": "other", "as_written": span}


def agreements(body: str, title: str = "", signed_on: str | None = "2024-01-01") -> list[dict]:
    mentions = find_mentions(title, body)
    return build_agreements(mentions, title=title, localities=[], signed_on=signed_on, normalise=fake_normalise)


def keys(body: str, title: str = "") -> set[tuple]:
    return {(a["period"], a["kind"]) for a in agreements(body, title)}


def test_signing_a_programme():
    assert keys("Sáng 12/4, Ban Dân vận Thành ủy và Công an thành phố ký kết Chương trình phối hợp giai đoạn 2023-2028.") == {
        ("2023-2028", "sign")
    }


def test_signing_in_the_title():
    assert keys("", title="Ký kết chương trình về công tác dân vận giai đoạn 2022-2026") == {("2022-2026", "sign")}


def test_review_of_the_old_period_and_signing_of_the_new_one():
    body = (
        "Hội nghị tổng kết Chương trình phối hợp về công tác dân vận, giai đoạn 2016 - 2021, ký kết "
        "Chương trình phối hợp giai đoạn 2022 - 2026 giữa Hội Nông dân tỉnh và Sở Tư pháp diễn ra sáng nay."
    )
    assert keys(body) == {("2016-2021", "review"), ("2022-2026", "sign")}


def test_periods_named_after_the_verbs_alone():
    body = "Hội nghị về Chương trình phối hợp công tác dân vận: tổng kết giai đoạn 2016-2021, ký kết giai đoạn 2022-2026."
    assert keys(body) == {("2016-2021", "review"), ("2022-2026", "sign")}


def test_review_with_a_party_list_between_name_and_period():
    body = (
        "Ban Dân vận Huyện ủy tổ chức hội nghị Sơ kết việc thực hiện chương trình phối hợp công tác dân vận "
        "giữa Ban Dân vận Huyện ủy với các cơ quan liên quan, giai đoạn 2017-2020 và ký kết chương trình "
        "phối hợp thực hiện, giai đoạn 2021-2025."
    )
    assert keys(body) == {("2017-2020", "review"), ("2021-2025", "sign")}


def test_same_period_reviewed_and_signed_is_both():
    assert keys("Hội nghị sơ kết và ký kết bổ sung Quy chế phối hợp giai đoạn 2021-2025.") == {("2021-2025", "both")}


def test_both_across_sentences():
    body = (
        "Hội nghị sơ kết 3 năm thực hiện Quy chế phối hợp giai đoạn 2021-2025 giữa Ban Dân vận Tỉnh ủy và Hội Cựu chiến binh tỉnh.\n"
        "Dịp này, hai bên ký kết lại Quy chế phối hợp giai đoạn 2021-2025."
    )
    (agreement,) = agreements(body)
    assert (agreement["period"], agreement["kind"], agreement["signed_on"]) == ("2021-2025", "both", "2024-01-01")


def test_adopting_an_annual_plan():
    body = (
        "Ban cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy đã thảo luận, thông qua kế hoạch thực hiện "
        "chương trình phối hợp năm 2024."
    )
    (agreement,) = agreements(body)
    assert (agreement["period"], agreement["kind"], agreement["signed_on"]) == ("2024-2024", "plan", None)
    assert agreement["parties"] == ["Ban cán sự đảng UBND tỉnh", "Ban Dân vận Tỉnh ủy"]


def test_signing_an_annual_plan_is_a_signing():
    assert keys("Hai bên đã ký kết kế hoạch phối hợp năm 2024 về công tác dân vận.") == {("2024-2024", "sign")}


def test_review_without_a_period():
    body = "Hội nghị sơ kết 2 năm thực hiện Quy chế phối hợp giữa Ban Dân vận Huyện ủy và Hội Cựu chiến binh huyện."
    assert keys(body) == {(None, "review")}


def test_passive_signing():
    body = "Chương trình phối hợp giai đoạn 2022-2026 được ký kết nhằm nâng cao hiệu quả công tác dân vận."
    assert keys(body) == {("2022-2026", "sign")}


def test_mention_without_period_joins_the_signing_that_has_one():
    body = (
        "Sáng 26/5, Ban Dân vận Huyện ủy và UBND huyện ký kết chương trình phối hợp giai đoạn 2022-2026.\n"
        "Các xã, thị trấn tổ chức thực hiện tốt chương trình phối hợp đã ký kết."
    )
    assert keys(body) == {("2022-2026", "sign")}


def test_joint_resolution_is_an_agreement():
    assert keys("Hai bên ký kết Nghị quyết liên tịch giai đoạn 2023-2027.") == {("2023-2027", "sign")}


def test_congress_term_is_not_the_agreement_period():
    body = (
        "Hai đồng chí đã ký kết Chương trình phối hợp giai đoạn 2022 - 2026 với mục đích: thực hiện Nghị quyết "
        "Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025 về công tác dân vận."
    )
    assert keys(body) == {("2022-2026", "sign")}


def test_period_of_a_cited_document_is_not_the_agreement_period():
    body = "Hai bên ký kết Chương trình phối hợp theo Nghị quyết số 12-NQ/TU về phát triển giai đoạn 2021-2025."
    assert keys(body) == {(None, "sign")}


@pytest.mark.parametrize(
    "body",
    [
        "Ban Dân vận Tỉnh ủy đã tham mưu sơ kết, tổng kết việc triển khai thực hiện các nghị quyết, kết luận của Trung ương về công tác dân vận.",
        "Đoàn kiểm tra của BCĐ Trung ương về tổng kết 10 năm thực hiện Quyết định 290-QĐ/TW về Quy chế công tác dân vận.",
        "Ban Dân vận đã ban hành Chương trình hành động số 01-CTr/TU về công tác dân vận.",
        "Ban dân vận Huyện ủy sẽ xây dựng kế hoạch, cụ thể hóa các nội dung chương trình phối hợp.",
        "Các địa phương triển khai thực hiện tốt chương trình phối hợp giai đoạn 2021 - 2025.",
        "Các đơn vị đăng ký thực hiện chương trình phối hợp với Ban Dân vận.",
        "Thư ký hội nghị đọc dự thảo chương trình phối hợp.",
        "Hội nghị tổng kết phong trào thi đua Dân vận khéo giai đoạn 2016-2020.",
        "Công tác phối hợp được tăng cường, hiệu quả công tác dân vận được nâng lên.",
    ],
)
def test_sentences_that_report_no_agreement(body):
    assert agreements(body) == []


def test_parties_from_a_list_after_giua_with_gom_and_semicolons():
    body = (
        "Tại hội nghị, Ban Dân vận Huyện ủy Phong Điền đã ký kết Chương trình phối hợp thực hiện công tác dân vận "
        "giữa Ban Dân vận Huyện ủy với các cơ quan gồm UBND huyện; UBMTTQVN huyện; Ban Chỉ huy Quân sự huyện; "
        "Công an huyện, Đồn Biên phòng Phong Hải, giai đoạn 2021 - 2025."
    )
    (agreement,) = agreements(body)
    assert agreement["period"] == "2021-2025"
    assert agreement["parties"] == [
        "Ban Dân vận Huyện ủy",
        "UBND huyện",
        "UBMTTQVN huyện",
        "Ban Chỉ huy Quân sự huyện",
        "Công an huyện",
        "Đồn Biên phòng Phong Hải",
        "Ban Dân vận Huyện ủy Phong Điền",
    ]


def test_a_party_with_va_in_its_name_is_kept_whole():
    body = "Ký kết Chương trình phối hợp giai đoạn 2022-2026 giữa Hội Nông dân tỉnh và Sở Tài nguyên và Môi trường."
    assert agreements(body)[0]["parties"] == ["Hội Nông dân tỉnh", "Sở Tài nguyên và Môi trường"]


def test_a_party_with_a_dash_and_va_in_its_name_is_kept_whole():
    body = "Ký kết Quy chế phối hợp giai đoạn 2022-2026 giữa Sở Lao động - Thương binh và Xã hội và Hội Nông dân tỉnh."
    assert agreements(body)[0]["parties"] == ["Sở Lao động - Thương binh và Xã hội", "Hội Nông dân tỉnh"]


def test_parties_named_before_the_verb():
    body = "Sáng 26/5, Ban Dân vận Huyện ủy và UBND huyện Vĩnh Tường (Vĩnh Phúc) tổ chức hội nghị Ký kết chương trình phối hợp giai đoạn 2022-2026."
    assert agreements(body)[0]["parties"] == ["Ban Dân vận Huyện ủy", "UBND huyện Vĩnh Tường"]


def test_parties_on_whose_behalf_officials_sign():
    body = (
        "Tại Hội nghị, thay mặt Ban Cán sự đảng UBND tỉnh và Ban Dân vận Tỉnh ủy, đồng chí Đặng Văn A, Phó Chủ tịch "
        "UBND tỉnh và đồng chí Dương Văn B, Trưởng Ban Dân vận Tỉnh ủy đã ký kết Chương trình phối hợp giai đoạn 2022 - 2026."
    )
    assert agreements(body)[0]["parties"] == ["Ban Cán sự đảng UBND tỉnh", "Ban Dân vận Tỉnh ủy"]


def test_officials_before_the_verb_are_not_parties():
    body = "Đồng chí Nguyễn Văn A, Trưởng Ban Dân vận Huyện ủy ký kết Chương trình phối hợp giai đoạn 2022-2026."
    assert agreements(body)[0]["parties"] == []


def test_parties_from_a_title_joined_by_a_dash():
    title = "Kon Tum: Ban Dân vận Tỉnh ủy - Ban cán sự đảng UBND tỉnh tăng cường phối hợp về công tác dân vận"
    body = "Hội nghị thông qua kế hoạch thực hiện chương trình phối hợp năm 2024."
    assert agreements(body, title)[0]["parties"] == ["Ban Dân vận Tỉnh ủy", "Ban cán sự đảng UBND tỉnh"]


def test_signed_on_only_for_signings():
    body = (
        "Hội nghị tổng kết Chương trình phối hợp giai đoạn 2016-2020 và ký kết Chương trình phối hợp "
        "giai đoạn 2021-2025."
    )
    signed = {a["kind"]: a["signed_on"] for a in agreements(body, signed_on="2021-03-02")}
    assert signed == {"review": None, "sign": "2021-03-02"}


def test_evidence_is_a_body_sentence_rather_than_the_title():
    title = "Ký kết chương trình phối hợp giai đoạn 2022-2026"
    body = "Sáng 26/5, hai bên ký kết chương trình phối hợp giai đoạn 2022-2026."
    assert agreements(body, title)[0]["evidence"] == body


def test_programme_year_is_the_first_year_of_the_earliest_signing():
    body = (
        "Hội nghị tổng kết Chương trình phối hợp giai đoạn 2016-2021 và ký kết Chương trình phối hợp giai đoạn 2022-2026."
    )
    assert programme_year(find_mentions("", body)) == 2022


def test_programme_year_falls_back_to_the_plan_year():
    assert programme_year(find_mentions("", "Hội nghị thông qua kế hoạch phối hợp năm 2024.")) == 2024


def test_programme_year_of_an_article_without_signing_is_none():
    assert programme_year(find_mentions("", "Hội nghị sơ kết Quy chế phối hợp giai đoạn 2021-2025.")) is None


def test_signing_coordination_without_naming_a_programme():
    assert keys("Ban Dân vận Tỉnh ủy và Hội LHPN tỉnh ký kết phối hợp giai đoạn 2023-2028.") == {("2023-2028", "sign")}


def test_signing_a_programme_named_only_chuong_trinh():
    assert keys("Sáng 5/3, hai bên ký kết chương trình giai đoạn 2022-2026 về công tác dân vận.") == {("2022-2026", "sign")}


def test_passive_adoption_of_an_annual_plan():
    assert keys("Kế hoạch phối hợp năm 2024 đã được thông qua tại hội nghị.") == {("2024-2024", "plan")}


def test_signing_a_name_or_a_minute_is_no_agreement():
    assert agreements("Thư ký hội nghị ký tên vào biên bản, các đại biểu ký hiệu từng trang.") == []


def test_period_in_brackets_before_the_programme_name():
    assert keys("Hội nghị tổng kết 5 năm (2019-2024) thực hiện Chương trình phối hợp về công tác dân vận.") == {
        ("2019-2024", "review")
    }


def test_parties_after_phoi_hop_voi():
    body = "Ban Dân vận Tỉnh ủy ký kết Chương trình phối hợp với Hội Nông dân tỉnh và Hội Cựu chiến binh tỉnh giai đoạn 2023-2028."
    (agreement,) = agreements(body)
    assert agreement["parties"] == ["Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Ban Dân vận Tỉnh ủy"]


def test_parties_joined_by_a_dash_before_the_verb_in_a_title():
    title = "Ban Dân vận Huyện ủy - Công an huyện ký kết Quy chế phối hợp giai đoạn 2024-2029"
    (agreement,) = agreements("", title)
    assert agreement["parties"] == ["Ban Dân vận Huyện ủy", "Công an huyện"]


@pytest.mark.parametrize(
    "body",
    [
        "Thời gian qua, Ban Dân vận Tỉnh ủy đã ký kết 15 chương trình phối hợp với các cơ quan, đơn vị.",
        "Các địa phương đã ký kết nhiều quy chế phối hợp trong công tác dân vận.",
        "Hằng năm, các cơ quan sơ kết các chương trình phối hợp đã ký.",
    ],
)
def test_tallies_of_agreements_are_not_agreements(body):
    assert agreements(body) == []


# -- plans still to come, requests, verbs inside body names, long party names ---


@pytest.mark.parametrize(
    "body",
    [
        "Hội nghị thống nhất giao Ban Dân vận Huyện ủy chủ trì xây dựng kế hoạch phối hợp năm 2024.",
        "Đồng chí Bí thư đề nghị hai cơ quan khẩn trương xây dựng kế hoạch phối hợp năm 2026.",
        "Thời gian tới, Ban Dân vận Tỉnh ủy sẽ triển khai kế hoạch phối hợp năm 2025 với Hội Nông dân tỉnh.",
        "Lãnh đạo huyện yêu cầu các đơn vị ký kết chương trình phối hợp giai đoạn 2026 - 2030 trước tháng 3.",
    ],
)
def test_a_plan_or_signing_still_to_come_is_no_agreement(body):
    assert keys(body) == set()


def test_a_plan_drawn_up_and_adopted_is_a_plan():
    body = "Ban Dân vận Huyện ủy và UBND huyện đã xây dựng kế hoạch phối hợp năm 2024 và triển khai đến các xã."
    assert keys(body) == {("2024-2024", "plan")}


def test_a_verb_inside_a_body_name_does_not_cut_the_agreement():
    body = (
        "Sáng 3/10, Đảng ủy phường tổ chức ký kết Quy chế phối hợp giữa Ban Xây dựng Đảng Đảng ủy phường "
        "với UBND phường và Ủy ban MTTQ Việt Nam phường giai đoạn 2025 - 2030."
    )
    assert keys(body) == {("2025-2030", "sign")}


def test_a_long_post_name_between_the_parties_and_the_period():
    body = (
        "Ngày 9/9, Đảng ủy xã và Đảng ủy Đồn Biên phòng Cửa khẩu Quốc tế Nậm Cắn ký kết Quy chế phối hợp "
        "giữa Đảng ủy xã với Đảng ủy Đồn Biên phòng Cửa khẩu Quốc tế Nậm Cắn (Bộ Chỉ huy Bộ đội Biên phòng "
        "tỉnh Nghệ An) trong thực hiện công tác dân vận vùng biên giới giai đoạn 2022 - 2026."
    )
    assert keys(body) == {("2022-2026", "sign")}


def test_agreeing_and_signing_a_yearly_programme_is_one_signing():
    body = "Tại hội nghị, các đại biểu đã thảo luận, thống nhất và ký kết chương trình phối hợp năm 2024 giữa Ban Dân vận Thị ủy và Thị đoàn."
    assert keys(body) == {("2024-2024", "sign")}


def test_agreeing_and_adopting_a_plan_is_a_plan():
    body = "Hai cơ quan đã thống nhất và ban hành kế hoạch phối hợp thực hiện công tác dân vận năm 2024."
    assert keys(body) == {("2024-2024", "plan")}


# -- real page shapes: reviews without "sơ kết", two facts in one meeting, passives --


def test_a_meeting_that_looks_back_on_one_programme_and_signs_the_next_is_two_facts():
    body = (
        "Ngày 3/12, Ban Dân vận Tỉnh ủy và Sở Ngoại vụ tổ chức hội nghị nhìn lại 5 năm triển khai Chương trình "
        "phối hợp giai đoạn 2019-2024; ngay tại hội nghị, hai bên cũng đặt bút ký Chương trình phối hợp giai đoạn 2024 - 2029."
    )
    assert keys(body) == {("2019-2024", "review"), ("2024-2029", "sign")}


@pytest.mark.parametrize(
    "body, expected",
    [
        ("Hội nghị kiểm điểm một năm triển khai quy chế phối hợp giữa UBND tỉnh và Ủy ban MTTQ tỉnh.", {(None, "review")}),
        (
            "Hai bên đánh giá kết quả Chương trình phối hợp công tác giai đoạn 2015-2019, đồng thời ký Chương trình "
            "phối hợp giai đoạn 2020-2024.",
            {("2015-2019", "review"), ("2020-2024", "sign")},
        ),
        ("Sáng 5/3, Ban Dân vận Huyện ủy sơ kết 3 năm triển khai Chương trình phối hợp giai đoạn 2021-2026.", {("2021-2026", "review")}),
        ("Mới đây, Ban Dân vận Tỉnh ủy cùng Công an tỉnh họp tổng kết việc phối hợp trong năm 2019.", {("2019-2019", "review")}),
        ("Công an hai xã tọa đàm về chương trình phối hợp giữ gìn an ninh giai đoạn 2022-2024.", {("2022-2024", "review")}),
    ],
)
def test_reviews_told_without_so_ket_at_the_start(body, expected):
    assert keys(body) == expected


def test_a_span_looked_back_on_and_a_programme_put_into_effect():
    body = (
        "Ngày 9/10, hai bên mở hội nghị nhìn lại chặng đường 10 năm (2012-2022), đồng thời đưa vào thực hiện "
        "chương trình phối hợp giữa Bộ Tư pháp với Hội Luật gia giai đoạn 2022-2032."
    )
    assert keys(body) == {("2012-2022", "review"), ("2022-2032", "sign")}


def test_two_reviews_in_one_article():
    body = (
        "Hội nghị đã sơ kết chương trình phối hợp giai đoạn 2021-2026 với Hội Nông dân huyện. "
        "Cùng ngày, Ban Dân vận Huyện ủy tổng kết quy chế phối hợp giai đoạn 2018-2023 với Công an huyện."
    )
    assert keys(body) == {("2021-2026", "review"), ("2018-2023", "review")}


def test_a_programme_already_signed_and_now_reviewed_is_not_signed_again():
    body = "Hội nghị sơ kết 2 năm thực hiện chương trình phối hợp đã ký kết giai đoạn 2022-2027 giữa hai bên."
    assert keys(body) == {("2022-2027", "review")}


def test_a_signing_told_in_the_passive_with_its_parties():
    body = (
        "Chiều 8/5, Chương trình phối hợp tuyên truyền giai đoạn 2020 – 2024 đã được Ủy ban MTTQ tỉnh, "
        "Báo Lạng Sơn và Đài Phát thanh – Truyền hình tỉnh cùng ký kết."
    )
    assert keys(body) == {("2020-2024", "sign")}


def test_a_plan_adopted_beside_the_programme():
    body = (
        "Hội nghị đã thông qua bản Chương trình phối hợp công tác giữa Ban Dân tộc và Đài Phát thanh tỉnh, "
        "cùng kế hoạch thực hiện Chương trình phối hợp năm 2023."
    )
    assert keys(body) == {("2023-2023", "plan")}


def test_a_work_plan_of_the_parties_is_no_coordination_plan():
    body = (
        "Hai bên ký chương trình phối hợp công tác dân vận giai đoạn 2018 – 2023, đồng thời triển khai "
        "kế hoạch công tác cho năm 2018."
    )
    assert keys(body) == {("2018-2023", "sign")}


def test_period_less_mentions_join_the_dated_review_and_signing():
    body = (
        "Hội nghị nhìn lại 4 năm Chương trình phối hợp giữa hai Ban.\n"
        "Ngày 2/6, hai bên nhìn lại 4 năm triển khai Chương trình phối hợp giai đoạn 2018-2022 và ký Chương trình "
        "phối hợp giai đoạn 2022 - 2027."
    )
    assert keys(body, title="Ký Chương trình phối hợp về công tác dân vận") == {("2018-2022", "review"), ("2022-2027", "sign")}


def test_a_signing_at_a_review_meeting_is_a_signing_only():
    body = "Tại hội nghị sơ kết, hai bên đã ký kết chương trình phối hợp giai đoạn 2024-2028."
    assert keys(body) == {("2024-2028", "sign")}


def test_a_verb_inside_the_programme_name_does_not_cut_off_its_year():
    body = (
        "Chiều 3/3, Ủy ban MTTQ huyện ký kết Chương trình phối hợp triển khai các phong trào thi đua "
        "giữa Mặt trận và các hội đoàn thể huyện năm 2019."
    )
    assert keys(body) == {("2019-2019", "sign")}
    assert programme_year(find_mentions("", body)) == 2019


def test_a_plan_signed_beside_a_programme_is_an_agreement_of_its_own():
    body = (
        "Sáng 9/6, Ban Dân vận Huyện ủy ký kết chương trình phối hợp giai đoạn 2024-2028 với Đồn Biên phòng Bắc Sơn.\n"
        "Dịp này, Hội Phụ nữ huyện và Đồn Biên phòng Bắc Sơn cũng ký kế hoạch phối hợp tuyên truyền phòng, chống mua bán người."
    )
    assert keys(body) == {("2024-2028", "sign"), (None, "sign")}


def test_a_caption_of_the_same_programme_joins_its_signing():
    body = (
        "Sáng 9/6, Ban Dân vận Huyện ủy ký kết chương trình phối hợp giai đoạn 2024-2028 với Đồn Biên phòng Bắc Sơn.\n"
        "Lãnh đạo hai đơn vị ký kết chương trình phối hợp."
    )
    assert keys(body) == {("2024-2028", "sign")}


def test_signing_the_activities_of_coordination_is_a_signing():
    body = (
        "Sáng 2/10, hội nghị ký kết các hoạt động phối hợp trong lĩnh vực công tác dân vận giai đoạn 2025 -2026 "
        "giữa Ban Dân vận Quận ủy và Hội Cựu chiến binh quận đã diễn ra."
    )
    assert keys(body) == {("2025-2026", "sign")}


def test_a_tally_of_signed_programmes_is_still_no_signing():
    assert keys("Đến nay, các xã đã ký kết 12 chương trình phối hợp giai đoạn 2021-2025.") == set()


def test_rules_reviewed_and_amended_are_reviewed_for_the_period_amended():
    body = (
        "Ngày 5.8, Đảng ủy Đồn Biên phòng Hữu Nghị và Đảng ủy xã Bảo Lâm tổ chức hội nghị sơ kết một năm "
        "thực hiện quy chế phối hợp.\n"
        "Hai đảng ủy ký kết bổ sung quy chế phối hợp giai đoạn 2023 - 2027."
    )
    assert keys(body) == {("2023-2027", "both")}


def test_a_review_beside_a_new_programme_keeps_no_period():
    body = (
        "Hội nghị sơ kết chương trình phối hợp, đồng thời Ban Dân vận Huyện ủy và Công an huyện "
        "ký kết chương trình phối hợp giai đoạn 2024-2029."
    )
    assert keys(body) == {(None, "review"), ("2024-2029", "sign")}
