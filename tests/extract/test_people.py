"""Officials on sentences written the way provincial and district news sites write,
with Kinh and ethnic-minority names and every title pattern."""

from pathlib import Path
import runpy

import pytest

from archive.extract.gazetteer import load_gazetteer
from archive.extract.people import find_officials
from archive.text import normalize


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def officials(gaz, body, title="Hội nghị công tác dân vận"):
    found = find_officials(normalize(title), normalize(body), gazetteer=gaz)
    return {person["name"]: person["titles"] for person in found}


# (sentence, {name: titles}) — each the only official of its sentence.
CASES = [
    # name – titles, any dash, any spacing
    (
        "Dự và chỉ đạo hội nghị có đồng chí Đoàn Kỳ Côi – Phó Bí thư Thường trực Huyện ủy.",
        {"Đoàn Kỳ Côi": ["Phó Bí thư Thường trực Huyện ủy"]},
    ),
    (
        "Kết luận buổi làm việc, đồng chí Bùi Tuấn Quang- Phó Trưởng Ban Dân vận Trung ương, Trưởng đoàn kiểm tra đánh giá cao kết quả.",
        {"Bùi Tuấn Quang": ["Phó Trưởng Ban Dân vận Trung ương", "Trưởng đoàn kiểm tra"]},
    ),
    (
        "Đồng chí Nguyễn Thị Hồng Vân — Phó Chủ tịch HĐND huyện phát biểu tại hội nghị.",
        {"Nguyễn Thị Hồng Vân": ["Phó Chủ tịch HĐND huyện"]},
    ),
    (
        "Đồng chí Lê Quang Huy ‒Chủ tịch UBND thị xã trao giấy khen cho các tập thể.",
        {"Lê Quang Huy": ["Chủ tịch UBND thị xã"]},
    ),
    # name, titles (commas, kiêm)
    (
        "Tham dự có đồng chí Nguyễn Văn Hùng, Tỉnh ủy viên, Bí thư Huyện ủy Đắk Hà.",
        {"Nguyễn Văn Hùng": ["Tỉnh ủy viên", "Bí thư Huyện ủy Đắk Hà"]},
    ),
    (
        "Đồng chí Lê Thị Thu Hà - UV BTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy kiêm Chủ tịch Ủy ban MTTQ Việt Nam tỉnh chủ trì hội nghị.",
        {"Lê Thị Thu Hà": ["UV BTV Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"]},
    ),
    (
        "Đồng chí Nguyễn Thị Hương, Huyện ủy viên, Trưởng phòng Nội vụ huyện báo cáo kết quả.",
        {"Nguyễn Thị Hương": ["Huyện ủy viên", "Trưởng phòng Nội vụ huyện"]},
    ),
    (
        "Ông Trương Văn Sáu, Giám đốc Sở Văn hóa, Thể thao và Du lịch cho biết sẽ hỗ trợ.",
        {"Trương Văn Sáu": ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"]},
    ),
    (
        "Bà Phạm Thị Lan, Phó Giám đốc Sở Lao động - Thương binh và Xã hội thông tin thêm.",
        {"Phạm Thị Lan": ["Phó Giám đốc Sở Lao động - Thương binh và Xã hội"]},
    ),
    (
        "Đồng chí Trần Văn Nam (Phó Chủ tịch UBND huyện) trao quà cho các hộ nghèo.",
        {"Trần Văn Nam": ["Phó Chủ tịch UBND huyện"]},
    ),
    (
        "Đồng chí Trịnh Việt Hùng, Ủy viên dự khuyết BCH Trung ương Đảng, Phó Bí thư Tỉnh ủy, Bí thư Ban Cán sự đảng, Chủ tịch UBND tỉnh nhấn mạnh.",
        {
            "Trịnh Việt Hùng": [
                "Ủy viên dự khuyết BCH Trung ương Đảng", "Phó Bí thư Tỉnh ủy", "Bí thư Ban Cán sự đảng", "Chủ tịch UBND tỉnh",
            ]
        },
    ),
    (
        "Nguyễn Văn Quang - Phó Bí thư Đảng ủy xã Tân Lập phát biểu tham luận.",
        {"Nguyễn Văn Quang": ["Phó Bí thư Đảng ủy xã Tân Lập"]},
    ),
    (
        "Theo ông Phan Văn Mãi, Chủ tịch UBND TP Hồ Chí Minh, thành phố đã hoàn thành chỉ tiêu.",
        {"Phan Văn Mãi": ["Chủ tịch UBND TP Hồ Chí Minh"]},
    ),
    (
        "Đồng chí Vũ Đức Đam – Phó Thủ tướng Chính phủ dự lễ phát động.",
        {"Vũ Đức Đam": ["Phó Thủ tướng Chính phủ"]},
    ),
    (
        "Đồng chí Mai Văn Chính, Ủy viên Trung ương Đảng, Trưởng Ban Dân vận Trung ương làm trưởng đoàn.",
        {"Mai Văn Chính": ["Ủy viên Trung ương Đảng", "Trưởng Ban Dân vận Trung ương"]},
    ),
    # title before the name
    (
        "Chủ tịch UBND huyện Lê Nguyễn Thành Trung chứng kiến ký kết chương trình phối hợp.",
        {"Lê Nguyễn Thành Trung": ["Chủ tịch UBND huyện"]},
    ),
    (
        "Phát biểu tại hội nghị, Trưởng Ban Dân vận Huyện ủy Phong Điền Trần Thị Diệu Minh khẳng định.",
        {"Trần Thị Diệu Minh": ["Trưởng Ban Dân vận Huyện ủy Phong Điền"]},
    ),
    (
        "Phát biểu tại Hội nghị, đồng chí Chủ tịch UBND tỉnh Trịnh Việt Hùng đánh giá cao kết quả đạt được.",
        {"Trịnh Việt Hùng": ["Chủ tịch UBND tỉnh"]},
    ),
    (
        "Phó Chủ tịch UBND tỉnh Lâm Đồng Đinh Văn Tuấn yêu cầu các địa phương quan tâm.",
        {"Đinh Văn Tuấn": ["Phó Chủ tịch UBND tỉnh Lâm Đồng"]},
    ),
    (
        "Phát biểu tại buổi lễ, Bí thư Huyện ủy Mường Nhé Lò Văn Thắng đề nghị các cấp ủy quan tâm.",
        {"Lò Văn Thắng": ["Bí thư Huyện ủy Mường Nhé"]},
    ),
    (
        "Giám đốc Sở Nội vụ Hoàng Thị Mai cho biết, toàn tỉnh đã tinh gọn 12 đầu mối.",
        {"Hoàng Thị Mai": ["Giám đốc Sở Nội vụ"]},
    ),
    (
        "Sáng Thứ Tư, Phó Chủ tịch Thường trực HĐND tỉnh Trần Văn Mỹ đã có buổi làm việc với huyện.",
        {"Trần Văn Mỹ": ["Phó Chủ tịch Thường trực HĐND tỉnh"]},
    ),
    (
        "Theo Chủ tịch UBND huyện Đặng Xuân Trường, huyện đã vận động nhân dân hiến 5.000 m2 đất.",
        {"Đặng Xuân Trường": ["Chủ tịch UBND huyện"]},
    ),
    (
        "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Lê Thị Dung trao quà cho các gia đình chính sách.",
        {"Lê Thị Dung": ["Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"]},
    ),
    (
        "Bí thư Đoàn Thanh niên xã Nguyễn Thị Ngọc Ánh cho biết, đoàn viên đã ra quân.",
        {"Nguyễn Thị Ngọc Ánh": ["Bí thư Đoàn Thanh niên xã"]},
    ),
    # ethnic-minority names
    (
        "Đồng chí Y Ngọc - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh cùng chủ trì Hội nghị.",
        {"Y Ngọc": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"]},
    ),
    (
        "Ông Ksor Phước Hà – Phó Chủ tịch UBND tỉnh Gia Lai phát biểu chỉ đạo.",
        {"Ksor Phước Hà": ["Phó Chủ tịch UBND tỉnh Gia Lai"]},
    ),
    (
        "Bà H' Hen Niê, Phó Trưởng Ban Dân vận Tỉnh ủy Đắk Lắk cho biết mô hình được nhân rộng.",
        {"H' Hen Niê": ["Phó Trưởng Ban Dân vận Tỉnh ủy Đắk Lắk"]},
    ),
    (
        "Thượng tá Rơ Mah Tuân, Đồn trưởng Đồn Biên phòng Ia Mơ, trao quà cho các hộ nghèo.",
        {"Rơ Mah Tuân": ["Đồn trưởng Đồn Biên phòng Ia Mơ"]},
    ),
    (
        "Đồng chí Hầu A Lềnh, Ủy viên Trung ương Đảng, Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc dự và phát biểu.",
        {"Hầu A Lềnh": ["Ủy viên Trung ương Đảng", "Bộ trưởng", "Chủ nhiệm Ủy ban Dân tộc"]},
    ),
    (
        "Chủ tịch UBND xã Lò Văn Pấng cho biết, năm 2023 toàn xã có 120 hộ thoát nghèo.",
        {"Lò Văn Pấng": ["Chủ tịch UBND xã"]},
    ),
    (
        "Ông A Pớt, Bí thư Chi bộ thôn Đăk Răng, chia sẻ kinh nghiệm vận động bà con.",
        {"A Pớt": ["Bí thư Chi bộ thôn Đăk Răng"]},
    ),
    (
        "Đồng chí Y Thanh Hà Niê Kđăm – Ủy viên Trung ương Đảng, Chủ nhiệm Ủy ban Dân tộc của Quốc hội.",
        {"Y Thanh Hà Niê Kđăm": ["Ủy viên Trung ương Đảng", "Chủ nhiệm Ủy ban Dân tộc của Quốc hội"]},
    ),
    (
        "Ông Điểu K'Ré, Phó Chủ tịch HĐND tỉnh Bình Phước đến dự.",
        {"Điểu K'Ré": ["Phó Chủ tịch HĐND tỉnh Bình Phước"]},
    ),
    (
        "Ông Vàng A Sùng - Trưởng bản Huổi Lếch kể về những ngày đầu vận động.",
        {"Vàng A Sùng": ["Trưởng bản Huổi Lếch"]},
    ),
    (
        "Bà Triệu Thị Hòa, Chủ tịch Hội LHPN huyện Bắc Mê tặng quà.",
        {"Triệu Thị Hòa": ["Chủ tịch Hội LHPN huyện Bắc Mê"]},
    ),
    (
        "Đồng chí Giàng Seo Phử, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy Lào Cai làm việc với huyện.",
        {"Giàng Seo Phử": ["Ủy viên BCH Trung ương Đảng", "Bí thư Tỉnh ủy Lào Cai"]},
    ),
    (
        "Ông Thạch Phước Bình, Chủ tịch UBND tỉnh Trà Vinh đề nghị đồng bào Khmer tham gia.",
        {"Thạch Phước Bình": ["Chủ tịch UBND tỉnh Trà Vinh"]},
    ),
    # ranks
    (
        "Đại tá Nguyễn Minh Tuấn, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh phát biểu.",
        {"Nguyễn Minh Tuấn": ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"]},
    ),
    (
        "Thiếu tướng Nguyễn Văn Thành, Phó Tư lệnh Bộ đội Biên phòng tặng 50 suất quà.",
        {"Nguyễn Văn Thành": ["Phó Tư lệnh Bộ đội Biên phòng"]},
    ),
    # lowercase title after a comma
    (
        "Ông Hồ Văn Lâm, trưởng thôn Tà Lang, cho biết bà con đã hiến đất làm đường.",
        {"Hồ Văn Lâm": ["trưởng thôn Tà Lang"]},
    ),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[list(e)[0] for _, e in CASES])
def test_official_and_titles(gaz, sentence, expected):
    assert officials(gaz, sentence) == expected


def test_list_of_officials_separated_by_semicolons(gaz):
    body = (
        "Tham dự có các đồng chí: Thạch Chanh Đa, Phó Bí thư Thường trực Huyện ủy; "
        "Danh Út, Chủ tịch UBND huyện; Sơn Thị Mỹ, Phó Chủ tịch HĐND huyện."
    )
    assert officials(gaz, body) == {
        "Thạch Chanh Đa": ["Phó Bí thư Thường trực Huyện ủy"],
        "Danh Út": ["Chủ tịch UBND huyện"],
        "Sơn Thị Mỹ": ["Phó Chủ tịch HĐND huyện"],
    }


def test_two_officials_joined_by_va(gaz):
    body = (
        "Đồng chí Y Ngọc - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh và đồng chí Nguyễn Đức Tuy "
        "- Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy cùng chủ trì Hội nghị."
    )
    assert officials(gaz, body) == {
        "Y Ngọc": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"],
        "Nguyễn Đức Tuy": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"],
    }


def test_mentions_of_one_person_are_merged(gaz):
    body = (
        "Tham dự có đồng chí Trần Thị Diệu Minh – UVTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy.\n"
        "Phát biểu tại hội nghị, Trưởng Ban Dân vận Huyện ủy Phong Điền Trần Thị Diệu Minh khẳng định.\n"
        "Đồng chí Trần Thị Diệu Minh phát biểu bế mạc."
    )
    found = find_officials("Ký kết", normalize(body), gazetteer=gaz)
    assert len(found) == 1
    assert found[0]["titles"] == ["UVTV Huyện ủy", "Trưởng Ban Dân vận Huyện ủy", "Trưởng Ban Dân vận Huyện ủy Phong Điền"]
    assert found[0]["evidence"][0] == "đồng chí Trần Thị Diệu Minh – UVTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy"


def test_caption_repeated_twice_gives_one_official(gaz):
    body = "Chủ tịch UBND huyện Lê Nguyễn Thành Trung chứng kiến ký kết\n" * 2
    assert officials(gaz, body) == {"Lê Nguyễn Thành Trung": ["Chủ tịch UBND huyện"]}


def test_official_named_in_the_headline(gaz):
    found = officials(gaz, "Hội nghị diễn ra sáng nay.", title="Bí thư Tỉnh ủy Nguyễn Văn Thắng làm việc với Ban Dân vận")
    assert found == {"Nguyễn Văn Thắng": ["Bí thư Tỉnh ủy"]}


# -- not officials ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Thấm nhuần tư tưởng dân vận của Chủ tịch Hồ Chí Minh \"Trọng dân, gần dân, hiểu dân\".",
        "Chủ tịch Hồ Chí Minh từng dạy: Dân vận kém thì việc gì cũng kém.",
        "Ông Nguyễn Văn Ba (65 tuổi, ngụ ấp 3) chia sẻ niềm vui khi có đường mới.",
        "Đồng chí Nguyễn Văn Thắng phát biểu tại hội nghị.",
        "Phó Chủ tịch UBND huyện phát biểu tại hội nghị.",
        "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy dự hội nghị.",
        "Trưởng Ban Dân vận Huyện ủy Lý Nhân cho biết kết quả.",
        "Bí thư Tỉnh ủy Vĩnh Long chủ trì hội nghị.",
        "Thứ Năm, ngày 5/6/2023, Ban Dân vận Huyện ủy tổ chức hội nghị.",
        "Tin, ảnh: NGUYỄN HÒA",
        "Xuân Huy - Thành Chung",
        "Quang cảnh Hội nghị",
        "Ban Dân vận Tỉnh ủy - Ban cán sự đảng UBND tỉnh tăng cường phối hợp.",
        "Chủ tịch UBND các xã, thị trấn ký cam kết.",
        "Bí thư Đảng ủy xã Hoàng Hoa Thám phát biểu.",
    ],
)
def test_not_an_official(gaz, sentence):
    assert officials(gaz, sentence) == {}


def test_official_dict_has_the_contract_keys(gaz):
    (person,) = find_officials("Ký kết", "Đồng chí Đoàn Kỳ Côi – Phó Bí thư Thường trực Huyện ủy dự.", gazetteer=gaz)
    assert set(person) == {"name", "titles", "evidence"}
    assert person["evidence"] == ["Đồng chí Đoàn Kỳ Côi – Phó Bí thư Thường trực Huyện ủy"]


def test_village_name_before_an_ethnic_name(gaz):
    assert officials(gaz, "Bí thư Chi bộ thôn Đăk Răng A Pớt cho biết, cả thôn đã thoát nghèo.") == {
        "A Pớt": ["Bí thư Chi bộ thôn Đăk Răng"]
    }


def test_titles_joined_by_a_dash_before_the_name(gaz):
    body = "Trưởng Ban Dân vận Huyện ủy - Chủ tịch Ủy ban MTTQ Việt Nam huyện Võ Thị Nhàn cho biết kết quả."
    assert officials(gaz, body) == {"Võ Thị Nhàn": ["Trưởng Ban Dân vận Huyện ủy", "Chủ tịch Ủy ban MTTQ Việt Nam huyện"]}


def test_title_dash_name(gaz):
    assert officials(gaz, "Phó Bí thư Thường trực Huyện ủy - Nguyễn Văn Tròn đến dự.") == {
        "Nguyễn Văn Tròn": ["Phó Bí thư Thường trực Huyện ủy"]
    }


def test_abbreviated_party_membership_title(gaz):
    assert officials(gaz, "Đồng chí Lê Văn Bình, TUV, Bí thư Huyện ủy dự hội nghị.") == {
        "Lê Văn Bình": ["TUV", "Bí thư Huyện ủy"]
    }


def test_title_keeps_the_place_of_its_unit(gaz):
    body = "Bà Chíu Thị Phương, Chủ tịch UBND xã Hoành Mô, huyện Bình Liêu đánh giá cao sự phối hợp."
    assert officials(gaz, body) == {"Chíu Thị Phương": ["Chủ tịch UBND xã Hoành Mô, huyện Bình Liêu"]}


def test_vice_prefix_on_any_head(gaz):
    body = "Thiếu tá Lầu Bá Chồng, Phó Chính trị viên Đồn Biên phòng Na Ngoi cho biết."
    assert officials(gaz, body) == {"Lầu Bá Chồng": ["Phó Chính trị viên Đồn Biên phòng Na Ngoi"]}


def test_rank_alone_is_kept_as_the_title(gaz):
    assert officials(gaz, "Đại tá Nguyễn Văn Hải trao quà cho học sinh.") == {"Nguyễn Văn Hải": ["Đại tá"]}


def test_one_word_co_ho_name(gaz):
    assert officials(gaz, "Ông K’Mák, Chủ tịch UBND xã Đạ Tông cho biết.") == {"K’Mák": ["Chủ tịch UBND xã Đạ Tông"]}


def test_ede_names_with_glued_apostrophe(gaz):
    body = "Bà H’Yim Kđoh, Phó Chủ tịch UBND tỉnh Đắk Lắk và ông Y Biêr Niê – Chủ tịch HĐND tỉnh cùng dự."
    assert officials(gaz, body) == {
        "H’Yim Kđoh": ["Phó Chủ tịch UBND tỉnh Đắk Lắk"],
        "Y Biêr Niê": ["Chủ tịch HĐND tỉnh"],
    }


def test_captions_with_photo_credit(gaz):
    body = "Đồng chí Nguyễn Văn An, Bí thư Huyện ủy trao quà cho các hộ nghèo. Ảnh: Thanh Hà"
    assert officials(gaz, body) == {"Nguyễn Văn An": ["Bí thư Huyện ủy"]}


def test_standing_deputy_head_of_a_commission(gaz):
    body = "Theo đồng chí Lê Văn Cường, Phó Trưởng Ban Thường trực Ban Dân vận Tỉnh ủy, tỉnh có 900 mô hình."
    assert officials(gaz, body) == {"Lê Văn Cường": ["Phó Trưởng Ban Thường trực Ban Dân vận Tỉnh ủy"]}


def test_village_officials(gaz):
    body = "Ông Nguyễn Văn Đức - Bí thư Chi bộ, Trưởng thôn 3 cho biết cả thôn đồng thuận."
    assert officials(gaz, body) == {"Nguyễn Văn Đức": ["Bí thư Chi bộ", "Trưởng thôn 3"]}


# -- invented articles -------------------------------------------------------------

ARTICLES = runpy.run_path(str(Path(__file__).parent / "data" / "articles.py"))["ARTICLES"]


@pytest.mark.parametrize("article", ARTICLES, ids=[a["title"][:40] for a in ARTICLES])
def test_invented_article_officials(gaz, article):
    assert officials(gaz, article["body"], title=article["title"]) == article["officials"]


def test_va_before_a_second_person_ends_the_title(gaz):
    body = "Dự có đồng chí Y Jăn Mlô, Phó Trưởng ban Ban Dân vận Tỉnh ủy và Thượng tá Nguyễn Văn Hải, Trưởng Công an huyện."
    assert officials(gaz, body) == {
        "Y Jăn Mlô": ["Phó Trưởng ban Ban Dân vận Tỉnh ủy"],
        "Nguyễn Văn Hải": ["Trưởng Công an huyện"],
    }


def test_va_inside_a_department_name_stays(gaz):
    body = "Ông Đào Văn Tạo, Giám đốc Sở Tài nguyên và Môi trường, Phó Giám đốc Sở Giáo dục và Đào tạo cho biết."
    assert officials(gaz, body) == {
        "Đào Văn Tạo": ["Giám đốc Sở Tài nguyên và Môi trường", "Phó Giám đốc Sở Giáo dục và Đào tạo"]
    }


def test_former_titles_keep_nguyen(gaz):
    body = "Đến dự có ông Nguyễn Đức Hải, nguyên Bí thư Tỉnh ủy, nguyên Phó Chủ tịch Quốc hội."
    assert officials(gaz, body) == {"Nguyễn Đức Hải": ["nguyên Bí thư Tỉnh ủy", "nguyên Phó Chủ tịch Quốc hội"]}


@pytest.mark.parametrize(
    "sentence",
    [
        "Phát biểu chỉ đạo, Bí thư Tỉnh ủy, đồng chí Nguyễn Văn An nhấn mạnh vai trò của công tác dân vận.",
        "Phát biểu chỉ đạo, Bí thư Tỉnh ủy – đồng chí Nguyễn Văn An nhấn mạnh vai trò của công tác dân vận.",
        "Trưởng đoàn là Bí thư Tỉnh ủy, ông Nguyễn Văn An.",
    ],
)
def test_title_then_honorific_and_name(gaz, sentence):
    assert officials(gaz, sentence) == {"Nguyễn Văn An": ["Bí thư Tỉnh ủy"]}


def test_title_of_another_person_joined_by_va_is_not_taken(gaz):
    body = "Dự có Phó Chủ tịch UBND tỉnh và đồng chí Nguyễn Văn An, Bí thư Huyện ủy."
    assert officials(gaz, body) == {"Nguyễn Văn An": ["Bí thư Huyện ủy"]}


def test_official_after_a_tp_dot(gaz):
    body = "Chủ tịch UBND TP. Hồ Chí Minh Phan Văn Mãi phát biểu. ThS. Nguyễn Văn An, Giám đốc Sở Nội vụ dự."
    assert officials(gaz, body) == {
        "Phan Văn Mãi": ["Chủ tịch UBND TP. Hồ Chí Minh"],
        "Nguyễn Văn An": ["Giám đốc Sở Nội vụ"],
    }


def test_award_from_an_untitled_office_to_a_person(gaz):
    body = "Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho ông Nguyễn Văn An và bà Lê Thị Bình."
    assert officials(gaz, body) == {}
    assert officials(gaz, "Bằng khen của Chủ tịch UBND tỉnh cho ông Nguyễn Văn An.") == {}


def test_acting_title(gaz):
    assert officials(gaz, "Ông Nguyễn Văn An, quyền Chủ tịch UBND xã cho biết.") == {"Nguyễn Văn An": ["quyền Chủ tịch UBND xã"]}
    assert officials(gaz, "Quyền Chủ tịch UBND huyện Trần Văn Bình phát biểu.") == {"Trần Văn Bình": ["Quyền Chủ tịch UBND huyện"]}


def test_sentence_case_title_before_a_name(gaz):
    assert officials(gaz, "Phó trưởng ban Dân vận Huyện ủy Nguyễn Văn An phát biểu.") == {
        "Nguyễn Văn An": ["Phó trưởng ban Dân vận Huyện ủy"]
    }


# -- ethnic-minority surnames, ranks and long post names ----------------------


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        # Thái surnames after a title that ends with a bare unit word
        ("Phát biểu tại hội nghị, Chủ tịch UBND huyện Xa Thị Hoa đề nghị các xã tăng cường phối hợp.",
         "Xa Thị Hoa", "Chủ tịch UBND huyện"),
        ("Dự hội nghị có Trưởng Ban Dân vận Huyện ủy Mè Văn Lả và lãnh đạo các đoàn thể.",
         "Mè Văn Lả", "Trưởng Ban Dân vận Huyện ủy"),
        # Cơ Tu and Tà Ôi names after a district's name
        ("Trưởng Ban Dân vận Huyện ủy Nam Giang Zơrâm Bơ cho biết mô hình đã được nhân rộng.",
         "Zơrâm Bơ", "Trưởng Ban Dân vận Huyện ủy Nam Giang"),
        ("Bí thư Huyện ủy A Lưới Hồ Văn Ngưm phát biểu chỉ đạo.", "Hồ Văn Ngưm", "Bí thư Huyện ủy A Lưới"),
        ("Chủ tịch UBND huyện Đông Giang Alăng Thị Mai trao quà cho các hộ.",
         "Alăng Thị Mai", "Chủ tịch UBND huyện Đông Giang"),
    ],
)
def test_ethnic_minority_surnames_stay_in_the_name(gaz, sentence, name, title):
    assert officials(gaz, sentence) == {name: [title]}


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("Cùng dự có Thượng tá Lộc Văn Hùng - Chính trị viên Đồn Biên phòng Chi Ma.", "Lộc Văn Hùng",
         "Chính trị viên Đồn Biên phòng Chi Ma"),
        ("Đại tá Cầm Bá Xuân, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh phát biểu.", "Cầm Bá Xuân",
         "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"),
        ("Trung tá Bh'riu Quân - Đồn trưởng Đồn Biên phòng Ga Ry chia sẻ.", "Bh'riu Quân",
         "Đồn trưởng Đồn Biên phòng Ga Ry"),
    ],
)
def test_a_rank_is_neither_name_nor_title(gaz, sentence, name, title):
    assert officials(gaz, sentence) == {name: [title]}


@pytest.mark.parametrize(
    "sentence, title",
    [
        ("Đồng chí Vi Văn Thành, Chính trị viên Đồn Biên phòng Cửa khẩu Quốc tế Hữu Nghị phát biểu.",
         "Chính trị viên Đồn Biên phòng Cửa khẩu Quốc tế Hữu Nghị"),
        ("Thiếu tá Nguyễn Văn Bình - Đồn trưởng Đồn Biên phòng Cửa khẩu cảng Hòn Gai cho biết.",
         "Đồn trưởng Đồn Biên phòng Cửa khẩu cảng Hòn Gai"),
        ("Ông Lò Văn Puốn - Phó Đồn trưởng Đồn Biên phòng cửa khẩu Tây Trang tham dự.",
         "Phó Đồn trưởng Đồn Biên phòng cửa khẩu Tây Trang"),
    ],
)
def test_a_post_named_after_a_border_gate_is_read_whole(gaz, sentence, title):
    assert list(officials(gaz, sentence).values()) == [[title]]


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("Chính trị viên Đồn Biên phòng Ka Lăng, Thiếu tá Lò Văn Hùng cho biết.", "Lò Văn Hùng",
         "Chính trị viên Đồn Biên phòng Ka Lăng"),
        ("Trưởng Công an xã Mường Phăng, Thiếu tá Quàng Văn Thủy báo cáo.", "Quàng Văn Thủy",
         "Trưởng Công an xã Mường Phăng"),
        ("Đồn trưởng Đồn Biên phòng Pa Thơm Lò Văn An phát biểu.", "Lò Văn An", "Đồn trưởng Đồn Biên phòng Pa Thơm"),
    ],
)
def test_title_then_rank_and_name(gaz, sentence, name, title):
    assert officials(gaz, sentence) == {name: [title]}


# -- real page shapes: abbreviations, people named in turn, ranks, compound posts --

REAL_PAGE_CASES = [
    # initials glued to the name, an abbreviated post after the dash
    (
        "Phía huyện có mặt Đinh Văn Lợi HUV – PCT UBND huyện tới dự.",
        {"Đinh Văn Lợi": ["HUV", "PCT UBND huyện"]},
    ),
    (
        "Đồng chí Phan Thị Mơ, TVTU, Phó Chủ tịch UBND tỉnh phát biểu chỉ đạo.",
        {"Phan Thị Mơ": ["TVTU", "Phó Chủ tịch UBND tỉnh"]},
    ),
    (
        "Dự hội nghị có đồng chí Vương Đình Huệ, PBTTT, TUV, Chủ tịch HĐND huyện.",
        {"Vương Đình Huệ": ["PBTTT", "TUV", "Chủ tịch HĐND huyện"]},
    ),
    # two people in turn, each "Đ/c Name – title"
    (
        "Đ/c Mai Văn Khải – Chủ tịch HND tỉnh và Đ/c Tạ Thị Liên – Chủ tịch HND thành phố ký chương trình.",
        {"Mai Văn Khải": ["Chủ tịch HND tỉnh"], "Tạ Thị Liên": ["Chủ tịch HND thành phố"]},
    ),
    # a title before a dash and a name belongs to that name, not to the one before
    (
        "Tham dự có Đại tá Lương Văn Hòa – Phó chỉ huy trưởng Bộ CHQS tỉnh, Bí thư Huyện ủy Tân Trụ - Phạm Văn Đông.",
        {"Lương Văn Hòa": ["Phó chỉ huy trưởng Bộ CHQS tỉnh"], "Phạm Văn Đông": ["Bí thư Huyện ủy Tân Trụ"]},
    ),
    # a person named with a rank whose name is also a district's
    (
        "Trung tá Dương Minh Châu - Phó chính ủy, Hải đoàn 18 trao quà cho ngư dân.",
        {"Dương Minh Châu": ["Phó chính ủy"]},
    ),
    # a title ending with a unit's number, a caption's verb after it
    (
        "Thiếu tá Lò Văn Minh, Chính trị viên Đồn 315 trao tận tay quà cho các hộ nghèo",
        {"Lò Văn Minh": ["Chính trị viên Đồn 315"]},
    ),
    # a compound post written with a dash
    (
        "Dự có Ủy viên Trung ương Đảng, Phó Chủ tịch-Tổng Thư ký UBTWMTTQ Việt Nam Hầu A Lềnh.",
        {"Hầu A Lềnh": ["Ủy viên Trung ương Đảng", "Phó Chủ tịch-Tổng Thư ký UBTWMTTQ Việt Nam"]},
    ),
    (
        "Đồng chí Hà Văn Tuấn, Phó Chủ tịch - Tổng Thư ký Ủy ban MTTQ tỉnh phát biểu.",
        {"Hà Văn Tuấn": ["Phó Chủ tịch - Tổng Thư ký Ủy ban MTTQ tỉnh"]},
    ),
    # a movement's quoted name is part of the title
    (
        "Dự có ông Phùng Văn Kiên, Phó Trưởng Ban Chỉ đạo phong trào “Toàn dân bảo vệ an ninh Tổ quốc” của tỉnh.",
        {"Phùng Văn Kiên": ["Phó Trưởng Ban Chỉ đạo phong trào “Toàn dân bảo vệ an ninh Tổ quốc” của tỉnh"]},
    ),
    # elected to a post
    (
        "Ông Châu Văn Lực được bầu làm Chủ tịch Ủy ban MTTQ Việt Nam phường Tân Định.",
        {"Châu Văn Lực": ["Chủ tịch Ủy ban MTTQ Việt Nam phường Tân Định"]},
    ),
    # an Ê Đê name opening with "H’" after the title, whole
    (
        "Phó Chủ tịch UBND tỉnh H’Lim Byă kết luận hội nghị.",
        {"H’Lim Byă": ["Phó Chủ tịch UBND tỉnh"]},
    ),
    # after "xã", an apostrophe word the gazetteer lacks is the commune, not the name
    (
        "Chủ tịch UBND xã H’Lơ Siu Thị Hoa cho biết.",
        {"Siu Thị Hoa": ["Chủ tịch UBND xã H’Lơ"]},
    ),
    # a monk: "Hòa thượng" is a rank, the abbot's post a title
    (
        "Đoàn đến thăm Hòa thượng Danh Lâm, Phó Trưởng ban Trị sự tỉnh, trụ trì chùa Cà Săng.",
        {"Danh Lâm": ["Phó Trưởng ban Trị sự tỉnh", "trụ trì chùa Cà Săng"]},
    ),
]


@pytest.mark.parametrize("sentence, expected", REAL_PAGE_CASES)
def test_officials_as_real_pages_name_them(gaz, sentence, expected):
    assert officials(gaz, sentence) == expected


def test_a_name_broken_from_its_titles_by_a_line_break_after_a_comma(gaz):
    from archive.extract import extract

    text = (
        "Ban Dân vận Tỉnh ủy tiếp đoàn công tác tỉnh bạn\n"
        "Thứ Hai, 9/9/2019\n"
        "Buổi tiếp do đồng chí Phạm Quang Vinh,\n"
        "Ủy viên Thường vụ, Trưởng Ban Dân vận Tỉnh ủy chủ trì.\n"
    )
    found = {o["name"]: o["titles"] for o in extract(normalize(text))["officials"]}
    assert found == {"Phạm Quang Vinh": ["Ủy viên Thường vụ", "Trưởng Ban Dân vận Tỉnh ủy"]}


def test_titles_before_names_across_semicolons(gaz):
    sentence = (
        "Về dự có các đồng chí: Phó Bí thư Thành ủy Hoàng Minh Đức; Phó Chủ tịch HĐND thành phố Trịnh Thị Lan; "
        "Chủ tịch Ủy ban MTTQ Việt Nam thành phố Kiều Văn Sơn và Thiếu tướng Đào Quang Vinh, Giám đốc Công an thành phố."
    )
    assert officials(gaz, sentence) == {
        "Hoàng Minh Đức": ["Phó Bí thư Thành ủy"],
        "Trịnh Thị Lan": ["Phó Chủ tịch HĐND thành phố"],
        "Kiều Văn Sơn": ["Chủ tịch Ủy ban MTTQ Việt Nam thành phố"],
        "Đào Quang Vinh": ["Giám đốc Công an thành phố"],
    }


@pytest.mark.parametrize(
    "sentence, name, title",
    [
        ("Phía bạn có Thượng tá Khăm Phon Xay Nha Lạt, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Luông Nậm Thà.",
         "Khăm Phon Xay Nha Lạt", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Luông Nậm Thà"),
        ("Tiếp đoàn có ông Bun Thoong Phim Ma Xỏn Vông, Phó Chủ tịch Ủy ban Chính quyền huyện.",
         "Bun Thoong Phim Ma Xỏn Vông", "Phó Chủ tịch Ủy ban Chính quyền huyện"),
    ],
)
def test_a_long_lao_name_after_a_rank_or_an_honorific(gaz, sentence, name, title):
    assert officials(gaz, sentence) == {name: [title]}


def test_a_long_run_without_a_rank_or_honorific_is_still_no_name(gaz):
    sentence = "Hội nghị Ban Chấp hành Đảng bộ Khối Cơ quan Doanh nghiệp Tỉnh, Phó Chủ tịch UBND tỉnh dự."
    assert officials(gaz, sentence) == {}
