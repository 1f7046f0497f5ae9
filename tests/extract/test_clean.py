import pytest

from archive.extract.clean import clean_page, domain_from_url, is_glued_headlines, is_noise
from archive.text import normalize


def page(text: str, **kwargs):
    return clean_page(normalize(text), **kwargs)


ARTICLE = """Tìm kiếm
Trang chủ > Tin tức > Dân vận
Ký kết quy chế phối hợp giữa Ban Dân vận Huyện ủy và Công an huyện
Thứ Sáu, 14/3/2025 | 10:25
Sáng 13/3, Ban Dân vận Huyện ủy và Công an huyện tổ chức ký kết Quy chế phối hợp giai đoạn 2025-2030.
Quang cảnh hội nghị
Hai bên thống nhất nhiều nội dung phối hợp trong công tác dân vận.
Hoàng Anh
Tin liên quan
Huyện tổ chức hội thi Dân vận khéo năm 2025
Hội nông dân xã ra quân làm đường
Xem phiên bản mobile
"""


def test_title_is_the_first_headline_after_page_furniture():
    assert page(ARTICLE).title == "Ký kết quy chế phối hợp giữa Ban Dân vận Huyện ủy và Công an huyện"


def test_date_line_is_set_apart():
    assert page(ARTICLE).date_line == "Thứ Sáu, 14/3/2025 | 10:25"


def test_body_keeps_the_article_and_drops_the_rest():
    assert page(ARTICLE).body.splitlines() == [
        "Sáng 13/3, Ban Dân vận Huyện ủy và Công an huyện tổ chức ký kết Quy chế phối hợp giai đoạn 2025-2030.",
        "Hai bên thống nhất nhiều nội dung phối hợp trong công tác dân vận.",
    ]


def test_byline_before_related_news_is_the_author():
    assert page(ARTICLE).author == "Hoàng Anh"


@pytest.mark.parametrize(
    "line",
    [
        "Truy cập nội dung luôn",
        "Tìm kiếm",
        "Tim kiem",
        "Chung nhan Tin Nhiem Mang",
        "Chứng nhận Tín Nhiệm Mạng",
        "Xem phiên bản mobile",
        "Xem phien ban mobile",
        "Gửi cho bạn bè",
        "Phản hồi",
        "Thông tin người gửi phản hồi",
        "Xem nhiều nhất",
        "Tin Khác",
        "Xem tin theo ngày\u00a0\u00a0",
        "Thống kê truy cập",
        "Tổng truy cập 4.045.920",
        "Tổng truy cập: 12.345.678",
        "Hiện tại 247 khách",
        "Hiện tại: 1.024",
        "Đang truy cập: 35",
        "Hôm nay: 2.345",
        "Lượt xem: 120",
        "In bài viết",
        "Chia sẻ",
        "Bình luận (0)",
        "Trang chủ » Tin tức » Dân vận",
        "Bản quyền thuộc Ban Dân vận Tỉnh ủy",
        "Từ khóa: dân vận, ký kết",
        "Ảnh minh họa",
        "Cỡ chữ",
        "Nghe đọc bài viết",
        "00:00 / 03:15",
        "Email: toasoan@baovinhphuc.com.vn",
        "Đường dây nóng: 0211.3862.xxx",
        "(GMT+7)",
    ],
)
def test_page_furniture_is_noise(line):
    assert is_noise(normalize(line))


@pytest.mark.parametrize(
    "line",
    [
        "Ký kết chương trình phối hợp công tác Dân vận giai đoạn 2021-2025",
        "Sáng 26/5, Ban Dân vận Huyện ủy và UBND huyện tổ chức hội nghị.",
        "Minh Khánh",
        "Phản hồi của người dân được tiếp nhận và xử lý kịp thời.",
        "Tổng truy cập internet của tỉnh tăng 20%, theo Sở Thông tin và Truyền thông.",
    ],
)
def test_article_lines_are_not_noise(line):
    assert not is_noise(line)


def test_related_headlines_glued_without_spaces_are_dropped():
    line = (
        "Vĩnh Phúc: Tường nhà bỗng nhiên sập xuống khiến 3 người tử vongVĩnh Phúc: "
        "Giả làm người buôn mận để bán ma túyVĩnh Phúc: Gần 150 học sinh tham gia giải bơi"
    )
    assert is_glued_headlines(line)
    text = f"Tiêu đề bài viết về công tác dân vận ở huyện\nSáng 26/5, hội nghị diễn ra.\n{line}\nNội dung tiếp theo."
    assert "tử vong" not in page(text).body


def test_one_glued_word_in_a_sentence_is_not_a_headline_list():
    assert not is_glued_headlines("Người dân dùng iPhone để nộp hồ sơ trực tuyến.")


def test_photo_caption_printed_twice_is_kept_once():
    caption = "Chủ tịch UBND huyện Lê Văn An chứng kiến ký kết chương trình phối hợp"
    text = f"Huyện ký kết chương trình phối hợp về công tác dân vận\n{caption}\n{caption.replace(' ký', '  ký')}\nNội dung."
    assert page(text).body.splitlines() == [caption, "Nội dung."]


@pytest.mark.parametrize("caption", ["Quang cảnh Hội nghị", "Toàn cảnh hội nghị", "Các đại biểu dự hội nghị", "Đại biểu tham dự buổi lễ ký kết"])
def test_lone_empty_captions_are_dropped(caption):
    text = f"Huyện ký kết chương trình phối hợp về công tác dân vận\nĐoạn một.\n{caption}\nĐoạn hai."
    assert page(text).body.splitlines() == ["Đoạn một.", "Đoạn hai."]


def test_title_repeated_in_the_body_is_dropped_but_a_lead_starting_with_it_is_kept():
    title = "Quan tâm đến dân, lấy người dân làm trung tâm"
    lead = f"{title} - Đây là nội dung được nhấn mạnh tại Hội nghị."
    text = f"Truy cập nội dung luôn\n\n{title}\n\n{lead}\n{title}"
    result = page(text)
    assert result.title == title
    assert result.body.splitlines() == [lead]


def test_title_hint_replaces_the_found_title_and_its_copy_in_the_text():
    text = "Menu\nTiêu đề trên trang web về công tác dân vận\nNội dung bài."
    result = page(text, title_hint="Tiêu đề trên trang web về công tác dân vận")
    assert result.title == "Tiêu đề trên trang web về công tác dân vận"
    assert result.body == "Nội dung bài."


def test_site_name_after_the_title_is_cut():
    assert page("Ký kết chương trình phối hợp giai đoạn 2022-2026 - Báo Vĩnh Phúc\nNội dung.").title == (
        "Ký kết chương trình phối hợp giai đoạn 2022-2026"
    )


def test_short_section_labels_are_not_titles():
    assert page("Dân vận\nHội nghị sơ kết chương trình phối hợp giữa hai cơ quan\nNội dung.").title == (
        "Hội nghị sơ kết chương trình phối hợp giữa hai cơ quan"
    )


@pytest.mark.parametrize(
    "byline, author",
    [
        ("Minh Khánh", "Minh Khánh"),
        ("Tin, ảnh: TUYẾT NGA", "Tuyết Nga"),
        ("Tin và ảnh: Hồng Phúc", "Hồng Phúc"),
        ("Bài, ảnh: NGUYỄN VĂN AN", "Nguyễn Văn An"),
        ("Văn Bốn (Trung tâm VHTT-TT huyện)", "Văn Bốn"),
        ("Xuân Huy - Thành Chung", "Xuân Huy - Thành Chung"),
        ("Thu Hà (TTXVN)", "Thu Hà"),
        ("PV", "PV"),
        ("Hồng Vân - Ban Dân vận Huyện ủy", "Hồng Vân"),
        ("Minh Thư", "Minh Thư"),
        ("Y Ngọc Ksor", "Y Ngọc Ksor"),
    ],
)
def test_bylines_at_the_end_are_authors(byline, author):
    text = f"Huyện ký kết chương trình phối hợp về công tác dân vận\nNội dung bài báo.\n{byline}\nXem phiên bản mobile"
    result = page(text)
    assert result.author == author
    assert result.body == "Nội dung bài báo."


@pytest.mark.parametrize(
    "last_line",
    ["Quang cảnh hội nghị ký kết", "Hai bên thống nhất nhiều nội dung.", "Theo Báo Kon Tum", "Nguồn: Báo Vĩnh Long"],
)
def test_lines_that_are_not_bylines_give_no_author(last_line):
    text = f"Huyện ký kết chương trình phối hợp về công tác dân vận\nNội dung bài báo.\n{last_line}"
    assert page(text).author is None


@pytest.mark.parametrize(
    "tail, domain",
    [
        ("(baokontum.com.vn)", "baokontum.com.vn"),
        ("thainguyen.gov.vn", "thainguyen.gov.vn"),
        ("Nguồn: baovinhlong.vn", "baovinhlong.vn"),
        ("Theo www.dangcongsan.vn", "dangcongsan.vn"),
    ],
)
def test_source_domain_written_at_the_end(tail, domain):
    text = f"Huyện ký kết chương trình phối hợp về công tác dân vận\nNội dung bài báo.\nMinh Khánh\n{tail}\nPhản hồi"
    result = page(text)
    assert (result.source_domain, result.author, result.body) == (domain, "Minh Khánh", "Nội dung bài báo.")


def test_url_names_the_site_before_any_domain_in_the_text():
    text = "Huyện ký kết chương trình phối hợp về công tác dân vận\nNội dung.\n(baokontum.com.vn)"
    assert page(text, url="https://www.baogialai.com.vn/ky-ket-123.html").source_domain == "baogialai.com.vn"


@pytest.mark.parametrize(
    "url, domain",
    [
        ("https://www.baokontum.com.vn/a/b.html", "baokontum.com.vn"),
        ("http://phongdien.thuathienhue.gov.vn:8080/?x=1", "phongdien.thuathienhue.gov.vn"),
        ("thainguyen.gov.vn/tin-tuc", "thainguyen.gov.vn"),
        ("", None),
        (None, None),
        ("fixtures/articles/001.txt", None),
    ],
)
def test_domain_from_url(url, domain):
    assert domain_from_url(url) == domain


def test_no_break_spaces_are_plain_spaces_after_normalisation():
    result = page("Ký kết chương trình phối hợp công tác dân vận\nNgày cập nhật\u00a011/09/2021\nNội dung.")
    assert result.date_line == "Ngày cập nhật 11/09/2021"


def test_empty_text_gives_empty_page():
    result = page("")
    assert (result.title, result.body, result.author, result.date_line) == ("", "", None, None)


def test_byline_under_the_headline():
    text = "Huyện ký kết chương trình phối hợp về công tác dân vận\nThứ Ba, 12/9/2023\nMinh Khánh\nSáng 11/9, hai bên ký kết.\nNội dung."
    result = page(text)
    assert (result.author, result.body.splitlines()[0]) == ("Minh Khánh", "Sáng 11/9, hai bên ký kết.")


def test_site_opening_the_lead_is_the_source_domain():
    text = "Huyện ký kết chương trình phối hợp về công tác dân vận\n(Baonghean.vn) - Sáng 14/8, hai bên ký kết."
    assert page(text).source_domain == "baonghean.vn"


@pytest.mark.parametrize("header", ["Thứ Ba, 19/8/2025 | Đăng nhập", "Đăng ký | Thứ Ba, 19/8/2025 | Đăng nhập | Tìm kiếm"])
def test_a_date_line_sharing_its_line_with_menu_links_is_still_the_date_line(header):
    page = clean_page(f"{header}\n\nXã Vĩnh Tường: Ký kết Quy chế phối hợp\n\nSáng 18/8, Đảng ủy xã tổ chức hội nghị.")
    assert page.title == "Xã Vĩnh Tường: Ký kết Quy chế phối hợp"
    assert page.date_line == "Thứ Ba, 19/8/2025"


@pytest.mark.parametrize(
    ("byline", "author"),
    [("Lò Thị Hoa", "Lò Thị Hoa"), ("Thu Trang", "Thu Trang"), ("Đoàn Minh Liên", "Đoàn Minh Liên"),
     ("GIÀNG THỊ MỶ", "Giàng Thị Mỷ")],
)
def test_bylines_with_common_name_words_are_authors(byline, author):
    page = clean_page(f"Ký kết quy chế phối hợp\n\nSáng 18/8, Đảng ủy xã tổ chức hội nghị.\n{byline}\nGửi cho bạn bè")
    assert page.author == author


@pytest.mark.parametrize("line", ["Trang chủ", "Chỉ thị", "Đoàn Thanh niên"])
def test_furniture_and_bodies_are_not_authors(line):
    page = clean_page(f"Ký kết quy chế phối hợp\n\nSáng 18/8, Đảng ủy xã tổ chức hội nghị.\n{line}")
    assert page.author is None


def test_a_byline_before_a_read_more_list_is_the_author():
    page = clean_page("Ký kết quy chế phối hợp\n\nSáng 18/8, Đảng ủy xã tổ chức hội nghị.\nĐỨC THỤY - MAI KA\nĐọc thêm\nGia Lai: Ra mắt mô hình")
    assert page.author == "Đức Thụy - Mai Ka"


@pytest.mark.parametrize(("byline", "author"), [("N.Thương", "N.Thương"), ("Hoàng Giang - Quang Vinh", "Hoàng Giang - Quang Vinh")])
def test_initials_and_name_words_shared_with_furniture_make_bylines(byline, author):
    page = clean_page(f"Ký kết quy chế phối hợp\n\nSáng 18/8, Đảng ủy xã tổ chức hội nghị.\n{byline}")
    assert page.author == author


# Page heads of the portals the archive reads: mastheads, slogans, menus run
# together, breadcrumbs cut by "/", section labels, the <title> form, captions.
PORTAL_PAGES = [
    # A district portal (*.gov.vn): masthead, menu, breadcrumb, headline, date line.
    (
        "Cổng thông tin điện tử huyện Bắc Hà\n"
        "Trang chủ Giới thiệu Tin tức Văn bản Liên hệ\n"
        "Trang chủ / Tin tức - Sự kiện / Hoạt động của huyện\n"
        "Bắc Hà: Ký kết chương trình phối hợp giữa Ban Dân vận Huyện ủy và Hội Cựu chiến binh huyện\n"
        "Thứ Ba, 12/3/2024 | 09:10\n"
        "Sáng 11/3, Ban Dân vận Huyện ủy Bắc Hà và Hội Cựu chiến binh huyện ký kết chương trình phối hợp giai đoạn 2024 - 2026.\n",
        "Bắc Hà: Ký kết chương trình phối hợp giữa Ban Dân vận Huyện ủy và Hội Cựu chiến binh huyện",
    ),
    # A provincial paper: masthead with "điện tử" last, a menu of sections, the date line above.
    (
        "Báo Quảng Ngãi điện tử\n"
        "Thời sự Chính trị Xây dựng Đảng Kinh tế Văn hóa Xã hội\n"
        "Thứ Năm, 16/5/2024 - 07:45\n"
        "Sơ kết 3 năm chương trình phối hợp công tác dân vận giữa Ban Dân vận Tỉnh ủy và Công an tỉnh\n"
        "(Baoquangngai.vn) - Ngày 15/5, Ban Dân vận Tỉnh ủy và Công an tỉnh tổ chức hội nghị sơ kết 3 năm thực hiện chương trình phối hợp.\n",
        "Sơ kết 3 năm chương trình phối hợp công tác dân vận giữa Ban Dân vận Tỉnh ủy và Công an tỉnh",
    ),
    # The national party paper: its masthead and a section label before a long headline.
    (
        "Báo điện tử Đảng Cộng sản Việt Nam\n"
        "Xây dựng Đảng - Dân vận\n"
        "Ban Dân vận Trung ương và Hội Liên hiệp Phụ nữ Việt Nam tổng kết chương trình phối hợp\n"
        "Thứ Sáu, 20/10/2023 11:02\n"
        "Ngày 20/10, tại Hà Nội, Ban Dân vận Trung ương và Trung ương Hội Liên hiệp Phụ nữ Việt Nam tổ chức hội nghị tổng kết.\n",
        "Ban Dân vận Trung ương và Hội Liên hiệp Phụ nữ Việt Nam tổng kết chương trình phối hợp",
    ),
    # A city party committee's portal after 2025: the owner's name as a banner, a slogan.
    (
        "CỔNG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH NINH BÌNH\n"
        "Đảng bộ tỉnh Ninh Bình\n"
        "Nhiệt liệt chào mừng Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030\n"
        "Ban Xây dựng Đảng Đảng ủy phường Hoa Lư ký kết quy chế phối hợp với Đoàn Thanh niên phường\n"
        "Cập nhật: 02/10/2025 14:20\n"
        "Ngày 1/10, Ban Xây dựng Đảng Đảng ủy phường Hoa Lư và Đoàn Thanh niên phường ký kết quy chế phối hợp nhiệm kỳ 2025 - 2030.\n",
        "Ban Xây dựng Đảng Đảng ủy phường Hoa Lư ký kết quy chế phối hợp với Đoàn Thanh niên phường",
    ),
    # The Front's site: the page <title> "Headline - Site" names the headline again.
    (
        "Mặt trận Tổ quốc Việt Nam\n"
        "Hoạt động Mặt trận các tỉnh\n"
        "Người có uy tín góp sức giữ bình yên bản làng vùng biên - Mặt trận Tổ quốc Việt Nam\n"
        "Tin tức Sự kiện Đoàn thể\n"
        "Người có uy tín góp sức giữ bình yên bản làng vùng biên\n"
        "Những năm qua, người có uy tín ở các bản vùng biên của huyện Mường Nhé đã cùng cán bộ Biên phòng vận động bà con.\n",
        "Người có uy tín góp sức giữ bình yên bản làng vùng biên",
    ),
    # No date line: the headline sits over the lead, a photo caption under it.
    (
        "Ban Dân vận Huyện ủy Lộc Ninh\n"
        "Lộc Ninh: Triển khai kế hoạch phối hợp công tác dân vận chính quyền năm 2023\n"
        "Đồng chí Bí thư Huyện ủy phát biểu tại hội nghị\n"
        "Sáng thứ Hai (13/2), Ban Dân vận Huyện ủy và UBND huyện Lộc Ninh triển khai kế hoạch phối hợp năm 2023.\n",
        "Lộc Ninh: Triển khai kế hoạch phối hợp công tác dân vận chính quyền năm 2023",
    ),
    # A story headline that tells no meeting, under a menu of labels.
    (
        "Trang chủ Tin tức Dân vận khéo Văn bản chỉ đạo\n"
        "Chuyện người già làng giữ rừng đầu nguồn ở Nam Giang\n"
        "Thứ Bảy, 4/11/2023\n"
        "Hơn 20 năm nay, già làng Zơrâm Ha ở thôn Pà Dồn vẫn cùng con cháu đi tuần tra rừng đầu nguồn mỗi tháng hai lần.\n",
        "Chuyện người già làng giữ rừng đầu nguồn ở Nam Giang",
    ),
]


@pytest.mark.parametrize("text, title", PORTAL_PAGES)
def test_headline_is_picked_past_mastheads_menus_and_labels(text, title):
    assert page(text).title == title


@pytest.mark.parametrize(
    "line",
    [
        "Cổng thông tin điện tử huyện Bắc Hà",
        "Báo Quảng Ngãi điện tử",
        "Báo điện tử Đảng Cộng sản Việt Nam",
        "Đảng bộ thành phố Cần Thơ",
        "Trang thông tin điện tử Ban Dân vận Tỉnh ủy Bình Thuận",
        "Trang chủ / Tin tức-Sự kiện / Tin huyện",
        "Thời sự Chính trị Xây dựng Đảng Kinh tế Văn hóa",
        "Chính trị - Xây dựng Đảng",
    ],
)
def test_mastheads_and_menus_are_never_the_title(line):
    text = f"{line}\nNội dung bài viết về công tác dân vận ở cơ sở trong năm qua đã có nhiều chuyển biến rõ rệt."
    assert page(text).title != line


def test_a_headline_naming_a_body_and_telling_its_work_is_not_a_masthead():
    text = "Tìm kiếm\nBan Dân vận Tỉnh ủy Lâm Đồng đồng hành cùng người dân vùng cao\nNội dung."
    assert page(text).title == "Ban Dân vận Tỉnh ủy Lâm Đồng đồng hành cùng người dân vùng cao"


def test_a_headline_printed_in_capitals_is_still_the_headline():
    text = (
        "BÁO LÀO CAI ĐIỆN TỬ\n"
        "Thứ Hai, 12/02/2024 10:20\n"
        "KÝ KẾT CHƯƠNG TRÌNH PHỐI HỢP GIỮA BAN DÂN VẬN HUYỆN ỦY VÀ ĐỒN BIÊN PHÒNG Y TÝ\n"
        "Sáng 10/2, Ban Dân vận Huyện ủy Bát Xát và Đồn Biên phòng Y Tý ký kết chương trình phối hợp giai đoạn 2024 - 2028.\n"
    )
    assert page(text).title == "KÝ KẾT CHƯƠNG TRÌNH PHỐI HỢP GIỮA BAN DÂN VẬN HUYỆN ỦY VÀ ĐỒN BIÊN PHÒNG Y TÝ"


@pytest.mark.parametrize("date_line", ["Thứ Năm, 6/6/2024 | 15:20\n", ""])
def test_a_latest_news_list_in_the_page_head_does_not_swallow_the_headline(date_line):
    text = (
        "Báo Yên Bái điện tử\n"
        "Tin mới\n"
        "Yên Bái: Hơn 2.000 hộ được hỗ trợ làm nhà\n"
        "Văn Chấn tổ chức Ngày hội Đại đoàn kết\n"
        "Ban Dân vận Tỉnh ủy kiểm tra công tác dân vận tại huyện Trạm Tấu\n"
        f"{date_line}"
        "Ngày 5/6, đoàn kiểm tra của Ban Dân vận Tỉnh ủy Yên Bái đã làm việc tại huyện Trạm Tấu về công tác dân vận.\n"
        "Tin liên quan\n"
        "Trạm Tấu ra quân làm đường giao thông nông thôn\n"
        "Thứ Hai, 3/6/2024\n"
    )
    result = page(text)
    assert result.title == "Ban Dân vận Tỉnh ủy kiểm tra công tác dân vận tại huyện Trạm Tấu"
    assert result.date_line == (date_line.strip() or None)
    assert "Trạm Tấu ra quân" not in result.body


def test_text_with_markup_in_it_is_kept_not_taken_for_a_breadcrumb():
    page = clean_page(
        "Ký kết chương trình phối hợp về công tác dân vận\n\n"
        'Sáng 5/4/2023, Ban Dân vận Huyện ủy <img src=x onerror="alert(1)"> tổ chức hội nghị. <b>Tỷ lệ > 90%</b>'
    )
    assert page.title == "Ký kết chương trình phối hợp về công tác dân vận"
    assert page.body.startswith("Sáng 5/4/2023")


@pytest.mark.parametrize("line", ["Trang chủ > Tin tức > Dân vận", "Chính trị | Xã hội | Kinh tế", "Tin tức › Hoạt động › Dân vận"])
def test_breadcrumbs_are_noise(line):
    assert is_noise(line)


# -- real page shapes: title lines, stamps, bylines and furniture in the body --


def test_a_section_label_glued_before_the_title_and_the_lead_after_it_are_cut_off():
    text = (
        "Xã hội - Chính trị Thị xã biểu dương 30 gương sáng trong phong trào dân vận khéo TNO - Sáng 4/6, "
        "Ban Dân vận Thị ủy tổ chức hội nghị biểu dương 30 gương sáng tiêu biểu trong phong trào thi đua năm nay.\n"
        "Các đại biểu dự hội nghị.\n"
    )
    found = page(text)
    assert found.title == "Thị xã biểu dương 30 gương sáng trong phong trào dân vận khéo"
    assert found.body.startswith("TNO - Sáng 4/6, Ban Dân vận Thị ủy")


def test_the_line_over_the_date_line_is_the_title_even_with_a_full_stop():
    text = (
        "BAN BIÊN TẬP\n"
        "Trưởng ban: Đ/c Phạm Văn Thắng\n"
        "Quỳnh Lưu: Tổng kết 5 năm thực hiện chương trình phối hợp giai đoạn 2019 – 2024.\n"
        "Ngày cập nhật 09/02/2024\n"
        "Ngày 6/2/2024, Ban Dân vận Huyện ủy tổng kết chương trình phối hợp với Công an huyện.\n"
    )
    assert page(text).title == "Quỳnh Lưu: Tổng kết 5 năm thực hiện chương trình phối hợp giai đoạn 2019 – 2024."


def test_contact_lines_with_phone_numbers_are_not_titles():
    text = (
        "Liên hệ Quảng cáo: (0260)38.123.456 - (0260)38.654.321\n"
        "08:10:00 11/12/2019\n"
        "Tây Hòa: Hội nghị tổng kết công tác Mặt trận năm 2019\n"
        "Ngày 10/12, Ủy ban MTTQ huyện tổng kết công tác Mặt trận năm 2019.\n"
    )
    found = page(text)
    assert found.title == "Tây Hòa: Hội nghị tổng kết công tác Mặt trận năm 2019"
    assert "Liên hệ" not in found.body


def test_a_stamp_glued_to_the_title_is_the_date_line():
    text = (
        "Ban Dân vận Thành ủy tổ chức gặp mặt kỷ niệm ngày truyền thống 12/10/2024 15:30\n"
        "Chiều 11/10, Ban Dân vận Thành ủy gặp mặt cán bộ qua các thời kỳ nhân dịp kỷ niệm ngày truyền thống.\n"
    )
    found = page(text)
    assert found.title == "Ban Dân vận Thành ủy tổ chức gặp mặt kỷ niệm ngày truyền thống"
    assert found.date_line == "12/10/2024 15:30"


@pytest.mark.parametrize(
    "byline, author",
    [("Lệ Thu Ảnh: Hoàng Quân", "Lệ Thu"), ("Trần Hữu Phước – VPHĐND huyện", "Trần Hữu Phước"), ("Tác giả: CTV", "CTV")],
)
def test_bylines_with_a_photo_credit_or_an_office_initials(byline, author):
    text = f"Ký kết chương trình phối hợp giữa Hội Nông dân và Đồn Biên phòng\nSáng 2/3, hai bên ký kết chương trình phối hợp.\n{byline}\n"
    assert page(text).author == author


def test_byline_and_stamp_on_one_line_under_the_title():
    text = (
        "Tăng cường phối hợp giữ gìn an ninh biên giới\n"
        "Đỗ Hải| 08/08/2022 10:12\n"
        "Ngày 8/8, Hội Cựu chiến binh tỉnh và Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổng kết chương trình phối hợp.\n"
    )
    found = page(text)
    assert (found.author, found.date_line) == ("Đỗ Hải", "08/08/2022 10:12")


@pytest.mark.parametrize(
    "furniture",
    [
        "Thời sự | 09:20 15/04/2023 | Báo Phú Yên",
        "Chính trị 15/04/2023 09:20 (PYO)",
        "Nguồn:",
        "Link bài gốc",
        "05.jpg",
        "Theo dõi Báo Phú Yên trên Google News",
        "A A",
        "0:00",
        "d",
        "Tin bài mới:",
        "Các tin/bài khác",
        "Đính kèm: KH 15.pdf",
        "Phú Yên ra quân mùa biển mới - Ảnh 1.",
    ],
)
def test_page_furniture_in_the_body_stays_out_of_it(furniture):
    text = (
        "Ra quân tuyên truyền mùa biển mới ở các xã ven biển\n"
        "Thứ Bảy, 15/4/2023\n"
        "Sáng 14/4, Ban Dân vận Tỉnh ủy ra quân tuyên truyền cho ngư dân trước mùa biển mới.\n"
        f"{furniture}\n"
        "Ngư dân được phát tài liệu về khai thác hải sản đúng luật.\n"
    )
    assert page(text).body.splitlines() == [
        "Sáng 14/4, Ban Dân vận Tỉnh ủy ra quân tuyên truyền cho ngư dân trước mùa biển mới.",
        "Ngư dân được phát tài liệu về khai thác hải sản đúng luật.",
    ]


def test_a_caption_repeated_with_another_dash_is_kept_once():
    text = (
        "Ký kết chương trình phối hợp công tác dân vận giai đoạn 2024-2028\n"
        "Thứ Hai, 4/3/2024\n"
        "Sáng 2/3, Ban Dân vận Huyện ủy và Công an huyện ký kết chương trình phối hợp.\n"
        "Đại diện hai bên ký chương trình phối hợp giai đoạn 2024 - 2028\n"
        "Đại diện hai bên ký chương trình phối hợp giai đoạn 2024 – 2028\n"
    )
    assert page(text).body.count("Đại diện hai bên") == 1



@pytest.mark.parametrize(
    "byline, author",
    [
        ("T.HÀ", "T.Hà"),
        ("Lê Thị Hoa, Phòng TH&CNTT", "Lê Thị Hoa"),
        ("Minh Đức, Trung tâm Văn hóa huyện", "Minh Đức"),
    ],
)
def test_bylines_with_an_initial_in_capitals_or_an_office_after_a_comma(byline, author):
    text = f"Huyện ký kết chương trình phối hợp về công tác dân vận\nNội dung bài báo.\n{byline}"
    assert page(text).author == author


def test_a_comment_policy_after_the_byline_is_furniture():
    text = (
        "Huyện ký kết chương trình phối hợp về công tác dân vận\nNội dung bài báo.\nK.LINH\nChia sẻ bài viết\n"
        "Lưu ý: Tòa soạn sẽ biên tập ý kiến của bạn đọc trước khi đăng. Vui lòng gõ tiếng Việt có dấu."
    )
    result = page(text)
    assert (result.author, result.body) == ("K.Linh", "Nội dung bài báo.")


def test_a_site_opening_the_lead_without_brackets_is_the_source_domain():
    text = "Huyện ký kết chương trình phối hợp về công tác dân vận\nYenbaitv.vn - Sáng 14/8, hai bên ký kết chương trình."
    assert page(text).source_domain == "yenbaitv.vn"
