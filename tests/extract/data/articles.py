"""Invented articles in the style of provincial and district news sites, with the
places and officials a careful reader would list. Written before the extractor
was run on them; used by the article-level tests of places and people.

Localities are (level, name, province), or ("ambiguous", name); officials map a
name to its titles as written.
"""

ARTICLES = [
    dict(
        domain="baodaklak.vn",
        title="Krông Búk: Sơ kết 3 năm thực hiện chương trình phối hợp công tác dân vận",
        body="""Chiều 18/7, Ban Dân vận Huyện ủy Krông Búk phối hợp với UBND huyện tổ chức hội nghị sơ kết 3 năm thực hiện Chương trình phối hợp số 05-CTr/BDV-UBND giai đoạn 2021-2025.
Dự hội nghị có đồng chí Y Khâm Niê, Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện; đồng chí Nguyễn Văn Mạnh, Phó Chủ tịch UBND huyện cùng lãnh đạo các phòng, ban, ngành và UBND các xã.
Theo báo cáo, 3 năm qua, các cơ quan đã phối hợp tuyên truyền, vận động nhân dân; xã Cư Né và xã Ea Sin đã xây dựng được 45 mô hình dân vận khéo.
Phát biểu kết luận hội nghị, đồng chí H' Lai Ayun - Trưởng Ban Dân vận Huyện ủy đề nghị các cơ quan tiếp tục phối hợp chặt chẽ.
Hồng Thủy""",
        localities={("district", "Krông Búk", "Đắk Lắk"), ("commune", "Cư Né", "Đắk Lắk"), ("commune", "Ea Sin", "Đắk Lắk")},
        officials={
            "Y Khâm Niê": ["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện"],
            "Nguyễn Văn Mạnh": ["Phó Chủ tịch UBND huyện"],
            "H' Lai Ayun": ["Trưởng Ban Dân vận Huyện ủy"],
        },
    ),
    dict(
        domain="baothanhhoa.vn",
        title="Ký kết quy chế phối hợp giữa Ban Dân vận Huyện ủy và Ban Chỉ huy Quân sự huyện Mường Lát",
        body="""Ngày 12/4, tại xã Tam Chung, huyện Mường Lát (Thanh Hóa), Ban Dân vận Huyện ủy và Ban CHQS huyện đã ký kết Quy chế phối hợp thực hiện công tác dân vận giai đoạn 2024-2029.
Tới dự có Thượng tá Lê Văn Hòa, Chỉ huy trưởng Ban CHQS huyện; đồng chí Phạm Thị Thúy, Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy.
Trong những năm qua, lực lượng vũ trang huyện đã giúp nhân dân xây dựng 120 căn nhà, làm 15 km đường giao thông nông thôn.
Thay mặt các bên, Trưởng Ban Dân vận Huyện ủy Phạm Thị Thúy và Chỉ huy trưởng Ban CHQS huyện Lê Văn Hòa ký kết quy chế.
Theo đồng chí Phạm Thị Thúy, quy chế gồm 4 chương, 12 điều.""",
        localities={("commune", "Tam Chung", "Thanh Hóa"), ("district", "Mường Lát", "Thanh Hóa"), ("province", "Thanh Hóa", "Thanh Hóa")},
        officials={
            "Lê Văn Hòa": ["Chỉ huy trưởng Ban CHQS huyện"],
            "Phạm Thị Thúy": ["Ủy viên Ban Thường vụ Huyện ủy", "Trưởng Ban Dân vận Huyện ủy"],
        },
    ),
    dict(
        domain=None,
        title="Tổng kết chương trình phối hợp giữa Ban Dân vận Tỉnh ủy và Ủy ban MTTQ Việt Nam tỉnh",
        body="""Thứ Sáu, 15/12/2023
Sáng 14/12, Ban Dân vận Tỉnh ủy Trà Vinh phối hợp với Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị tổng kết Chương trình phối hợp giai đoạn 2019-2023.
Đồng chí Kim Ngọc Thái, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh dự và phát biểu chỉ đạo. Cùng dự có đồng chí Thạch Dư, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.
Qua 5 năm, các huyện Trà Cú, Cầu Ngang, Duyên Hải đã vận động đồng bào Khmer hiến hơn 20 ha đất làm đường.
Ông Sơn Ngọc Hiền, Người có uy tín ở ấp Chợ, xã Long Hiệp, huyện Trà Cú chia sẻ kinh nghiệm vận động bà con.
"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" được triển khai sâu rộng.
Ngọc Ngân""",
        localities={
            ("province", "Trà Vinh", "Trà Vinh"), ("district", "Trà Cú", "Trà Vinh"), ("district", "Cầu Ngang", "Trà Vinh"),
            ("district", "Duyên Hải", "Trà Vinh"), ("commune", "Long Hiệp", "Trà Vinh"),
        },
        officials={
            "Kim Ngọc Thái": ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
            "Thạch Dư": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"],
        },
    ),
    dict(
        domain="laichau.gov.vn",
        title="Sìn Hồ: Phát huy vai trò của người có uy tín trong đồng bào dân tộc thiểu số",
        body="""Ngày 3/3/2022, Huyện ủy Sìn Hồ tổ chức hội nghị gặp mặt người có uy tín năm 2022.
Tham dự hội nghị có các đồng chí: Lò Văn Thu, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện; Giàng A Dơ, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy; Tẩn Thị Mẩy, Phó Chủ tịch Ủy ban MTTQ huyện.
Ông Vàng A Chá, người có uy tín bản Nậm Cuổi phát biểu ý kiến.
Phát biểu tại hội nghị, đồng chí Lò Văn Thu ghi nhận những đóng góp của đội ngũ người có uy tín.""",
        localities={("district", "Sìn Hồ", "Lai Châu")},
        officials={
            "Lò Văn Thu": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"],
            "Giàng A Dơ": ["Ủy viên Ban Thường vụ", "Trưởng Ban Dân vận Huyện ủy"],
            "Tẩn Thị Mẩy": ["Phó Chủ tịch Ủy ban MTTQ huyện"],
        },
    ),
    dict(
        domain="cantho.gov.vn",
        title="Quận Ninh Kiều ký kết chương trình phối hợp công tác dân vận chính quyền",
        body="""Chiều ngày 20/9, Ban Dân vận Quận ủy Ninh Kiều và UBND quận ký kết chương trình phối hợp thực hiện công tác dân vận chính quyền giai đoạn 2021-2026.
Đồng chí Nguyễn Thị Bích Phượng - Phó Bí thư Thường trực Quận ủy dự và phát biểu. Đồng chí Trương Tấn Lộc - Chủ tịch UBND quận Ninh Kiều cùng ký kết.
Các phường An Hòa, Tân An, Xuân Khánh được biểu dương vì có nhiều mô hình hay.
Trong năm, thành phố Cần Thơ cũng đã phát động phong trào thi đua "Dân vận khéo".""",
        localities={
            ("district", "Ninh Kiều", "Cần Thơ"), ("province", "Cần Thơ", "Cần Thơ"), ("commune", "An Hòa", "Cần Thơ"),
            ("commune", "Tân An", "Cần Thơ"), ("commune", "Xuân Khánh", "Cần Thơ"),
        },
        officials={
            "Nguyễn Thị Bích Phượng": ["Phó Bí thư Thường trực Quận ủy"],
            "Trương Tấn Lộc": ["Chủ tịch UBND quận Ninh Kiều"],
        },
    ),
    dict(
        domain="baoquangninh.vn",
        title="Bình Liêu: Biên phòng và chính quyền chung tay vì bản làng biên giới",
        body="""Ngày 5/8, Đồn Biên phòng Hoành Mô phối hợp với UBND xã Hoành Mô ký kết chương trình phối hợp về công tác dân vận.
Đại úy Vi Văn Tâm, Chính trị viên Đồn Biên phòng Hoành Mô cho biết, đơn vị đã cử 12 đảng viên về sinh hoạt tại các chi bộ thôn.
Bà Chíu Thị Phương, Chủ tịch UBND xã Hoành Mô, huyện Bình Liêu đánh giá cao sự phối hợp của đồn.
Các đồng chí lãnh đạo tỉnh Quảng Ninh đã đến thăm và tặng quà.""",
        localities={
            ("district", "Bình Liêu", "Quảng Ninh"), ("commune", "Hoành Mô", "Quảng Ninh"), ("province", "Quảng Ninh", "Quảng Ninh"),
        },
        officials={
            "Vi Văn Tâm": ["Chính trị viên Đồn Biên phòng Hoành Mô"],
            "Chíu Thị Phương": ["Chủ tịch UBND xã Hoành Mô, huyện Bình Liêu"],
        },
    ),
    dict(
        domain=None,
        title="Nâng cao hiệu quả công tác dân vận của lực lượng Công an",
        body="""(ĐCSVN) - Sáng 10/5, tại Hà Nội, Ban Dân vận Trung ương và Bộ Công an tổ chức sơ kết 5 năm thực hiện Quy chế phối hợp.
Dự hội nghị có đồng chí Trần Thanh Mẫn, Ủy viên Bộ Chính trị, Phó Chủ tịch Thường trực Quốc hội; Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an.
Đồng chí Bùi Thị Minh Hoài, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương chủ trì hội nghị.
Thượng tướng Lương Tam Quang, Thứ trưởng Bộ Công an trình bày báo cáo.""",
        localities={("province", "Hà Nội", "Hà Nội")},
        officials={
            "Trần Thanh Mẫn": ["Ủy viên Bộ Chính trị", "Phó Chủ tịch Thường trực Quốc hội"],
            "Tô Lâm": ["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"],
            "Bùi Thị Minh Hoài": ["Bí thư Trung ương Đảng", "Trưởng Ban Dân vận Trung ương"],
            "Lương Tam Quang": ["Thứ trưởng Bộ Công an"],
        },
    ),
    dict(
        domain="baokontum.com.vn",
        title="Ngọc Hồi: Tổng kết phong trào thi đua Dân vận khéo",
        body="""Ngày 28/11, Huyện ủy Ngọc Hồi tổ chức tổng kết phong trào thi đua "Dân vận khéo" giai đoạn 2016-2021.
Đồng chí A Pớt – Phó Bí thư Thường trực Huyện ủy chủ trì. Dự hội nghị còn có đồng chí Nguyễn Văn Hòa – Phó Trưởng Ban Dân vận Tỉnh ủy Kon Tum.
Tại xã Bờ Y, mô hình "Bếp ăn yêu thương" do Hội LHPN xã thực hiện được nhân rộng.
Dịp này, UBND huyện đã khen thưởng 20 tập thể, 35 cá nhân.""",
        localities={("district", "Ngọc Hồi", "Kon Tum"), ("commune", "Bờ Y", "Kon Tum"), ("province", "Kon Tum", "Kon Tum")},
        officials={
            "A Pớt": ["Phó Bí thư Thường trực Huyện ủy"],
            "Nguyễn Văn Hòa": ["Phó Trưởng Ban Dân vận Tỉnh ủy Kon Tum"],
        },
    ),
    dict(
        domain=None,
        title="Châu Đức triển khai Quyết định 23-QĐ/TW về công tác dân vận",
        body="""Ngày 6/5/2021, Huyện ủy Châu Đức (Bà Rịa - Vũng Tàu) tổ chức hội nghị triển khai Quyết định số 23-QĐ/TW của Bộ Chính trị.
Bí thư Huyện ủy Châu Đức Nguyễn Văn Thọ nhấn mạnh, các cấp ủy cần quan tâm lãnh đạo công tác dân vận.
Theo ông Nguyễn Hòa Bình, Phó Trưởng Ban Dân vận Huyện ủy, năm qua huyện có 156 mô hình dân vận khéo.
Tại thị trấn Ngãi Giao, các tổ dân phố đã tự quản an ninh trật tự.""",
        localities={
            ("district", "Châu Đức", "Bà Rịa - Vũng Tàu"), ("province", "Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"),
            ("commune", "Ngãi Giao", "Bà Rịa - Vũng Tàu"),
        },
        officials={
            "Nguyễn Văn Thọ": ["Bí thư Huyện ủy Châu Đức"],
            "Nguyễn Hòa Bình": ["Phó Trưởng Ban Dân vận Huyện ủy"],
        },
    ),
    dict(
        domain=None,
        title="Huyện ủy Châu Thành sơ kết công tác dân vận 6 tháng đầu năm",
        body="""Chiều 14/7, Huyện ủy Châu Thành tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023.
Đồng chí Lê Văn Tư, Bí thư Huyện ủy chủ trì hội nghị.
Báo cáo cho thấy, toàn huyện đã vận động nhân dân hiến 3 ha đất, đóng góp 2 tỷ đồng xây dựng nông thôn mới.""",
        localities={("ambiguous", "Châu Thành")},
        officials={"Lê Văn Tư": ["Bí thư Huyện ủy"]},
    ),
    dict(
        domain="nghean.gov.vn",
        title="Kỳ Sơn: Ký kết chương trình phối hợp với Đồn Biên phòng Na Ngoi",
        body="""Ngày 22/3, tại huyện Kỳ Sơn, tỉnh Nghệ An, Ban Dân vận Huyện ủy Kỳ Sơn và Đồn Biên phòng Na Ngoi ký kết chương trình phối hợp giai đoạn 2023-2028.
Thiếu tá Lầu Bá Chồng, Phó Chính trị viên Đồn Biên phòng Na Ngoi cho biết, các tổ công tác đã bám bản.
Đồng chí Vi Văn Sơn, Phó Bí thư Thường trực Huyện ủy Kỳ Sơn đề nghị hai bên phối hợp tuyên truyền pháp luật.""",
        localities={("district", "Kỳ Sơn", "Nghệ An"), ("province", "Nghệ An", "Nghệ An"), ("commune", "Na Ngoi", "Nghệ An")},
        officials={
            "Lầu Bá Chồng": ["Phó Chính trị viên Đồn Biên phòng Na Ngoi"],
            "Vi Văn Sơn": ["Phó Bí thư Thường trực Huyện ủy Kỳ Sơn"],
        },
    ),
    dict(
        domain=None,
        title="Gia Lai: Đẩy mạnh công tác dân vận ở vùng đồng bào dân tộc thiểu số",
        body="""Ngày 9/10/2024, Ban Dân vận Tỉnh ủy Gia Lai tổ chức hội nghị chuyên đề.
Đồng chí Rơ Mah Tuân - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh phát biểu.
Tại huyện Chư Prông, mô hình "Nhà đại đoàn kết" được nhân rộng. Ông Ksor Nham (làng Dơ Ka, xã Ia Mơ) kể lại.
Đồng chí Hồ Văn Điềm, Phó Bí thư Tỉnh ủy ghi nhận kết quả.""",
        localities={("province", "Gia Lai", "Gia Lai"), ("district", "Chư Prông", "Gia Lai"), ("commune", "Ia Mơ", "Gia Lai")},
        officials={
            "Rơ Mah Tuân": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch UBND tỉnh"],
            "Hồ Văn Điềm": ["Phó Bí thư Tỉnh ủy"],
        },
    ),
    dict(
        domain=None,
        title="Phường Tân An ra mắt mô hình dân vận khéo",
        body="""Ngày 20/9/2025, Đảng ủy phường Tân An, thành phố Cần Thơ tổ chức ra mắt mô hình "Dân vận khéo".
Đồng chí Trần Văn Lâu, Bí thư Đảng ủy phường dự và trao quyết định.
Đồng chí Lê Thị Hoa, Chủ tịch Ủy ban MTTQ Việt Nam phường cho biết, mô hình do 30 hộ dân thực hiện.""",
        year=2025,
        localities={("commune", "Tân An", "Cần Thơ"), ("province", "Cần Thơ", "Cần Thơ")},
        post2025=True,
        officials={
            "Trần Văn Lâu": ["Bí thư Đảng ủy phường"],
            "Lê Thị Hoa": ["Chủ tịch Ủy ban MTTQ Việt Nam phường"],
        },
    ),
    dict(
        domain="baophutho.vn",
        title="Hội nghị giao ban công tác dân vận quý III",
        body="""Sáng 2/10, Ban Dân vận Tỉnh ủy Phú Thọ tổ chức hội nghị giao ban công tác dân vận quý III năm 2023.
Tham dự có đồng chí Đinh Công Sứ - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy; lãnh đạo Ban Dân vận các huyện, thành, thị ủy.
Đồng chí Hà Thị Lan, Phó Trưởng Ban Dân vận Tỉnh ủy kết luận hội nghị.
Các huyện Tân Sơn, Thanh Sơn có nhiều mô hình hay.
Tin liên quan
Phú Thọ: Ra quân tháng thanh niên tại huyện Lâm Thao""",
        localities={("province", "Phú Thọ", "Phú Thọ"), ("district", "Tân Sơn", "Phú Thọ"), ("district", "Thanh Sơn", "Phú Thọ")},
        officials={
            "Đinh Công Sứ": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"],
            "Hà Thị Lan": ["Phó Trưởng Ban Dân vận Tỉnh ủy"],
        },
    ),
    dict(
        domain="baohagiang.vn",
        title="Đồng Văn ký kết chương trình phối hợp thực hiện công tác dân vận",
        body="""Cập nhật: 08:15, 17/05/2022
(BHG) - Ngày 16/5, Ban Dân vận Huyện ủy Đồng Văn tổ chức ký kết chương trình phối hợp với các cơ quan khối nội chính.
Dự có đồng chí Sùng Mí Quáng, Phó Bí thư Thường trực Huyện ủy; đồng chí Vừ Mí Sính, Phó Chủ tịch HĐND huyện.
Đồng chí Sùng Mí Quáng phát biểu tại hội nghị.
Theo đó, Ban Dân vận Huyện ủy sẽ phối hợp với Công an huyện, Viện kiểm sát nhân dân huyện, Tòa án nhân dân huyện và Đồn Biên phòng Lũng Cú.
Tin, ảnh: MINH HUY
Tin cùng chuyên mục
Mèo Vạc: Khai mạc lễ hội""",
        localities={("district", "Đồng Văn", "Hà Giang"), ("commune", "Lũng Cú", "Hà Giang")},
        officials={
            "Sùng Mí Quáng": ["Phó Bí thư Thường trực Huyện ủy"],
            "Vừ Mí Sính": ["Phó Chủ tịch HĐND huyện"],
        },
    ),
    dict(
        domain=None,
        title="Thanh Hóa: Sơ kết công tác dân vận chính quyền",
        body="""Chiều 20/6, UBND tỉnh Thanh Hóa tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị số 16/CT-TTg.
Đồng chí Đầu Thanh Tùng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh và đồng chí Lê Đức Giang, Phó Chủ tịch UBND tỉnh đồng chủ trì hội nghị.
Báo cáo của Sở Nội vụ cho thấy, các huyện miền núi như Quan Sơn, Mường Lát đã làm tốt công tác dân vận.
Quang cảnh hội nghị.
Phát biểu kết luận, Chủ tịch UBND tỉnh Đầu Thanh Tùng yêu cầu các sở, ngành tiếp tục đổi mới.""",
        localities={("province", "Thanh Hóa", "Thanh Hóa"), ("district", "Quan Sơn", "Thanh Hóa"), ("district", "Mường Lát", "Thanh Hóa")},
        officials={
            "Đầu Thanh Tùng": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
            "Lê Đức Giang": ["Phó Chủ tịch UBND tỉnh"],
        },
    ),
    dict(
        domain="hanoimoi.vn",
        title="Quận Cầu Giấy biểu dương điển hình dân vận khéo",
        body="""Sáng 24/10, Quận ủy Cầu Giấy tổ chức hội nghị biểu dương điển hình "Dân vận khéo" năm 2023.
Tham dự hội nghị có đồng chí Nguyễn Văn Phong, Phó Bí thư Thường trực Thành ủy Hà Nội; đồng chí Nguyễn Văn Thành, Bí thư Quận ủy Cầu Giấy.
Nhiều tập thể tiêu biểu như phường Dịch Vọng Hậu, phường Quan Hoa được khen thưởng.
Bà Nguyễn Thị Minh, tổ trưởng tổ dân phố số 5 chia sẻ kinh nghiệm.""",
        localities={
            ("district", "Cầu Giấy", "Hà Nội"), ("province", "Hà Nội", "Hà Nội"), ("commune", "Dịch Vọng Hậu", "Hà Nội"),
            ("commune", "Quan Hoa", "Hà Nội"),
        },
        officials={
            "Nguyễn Văn Phong": ["Phó Bí thư Thường trực Thành ủy Hà Nội"],
            "Nguyễn Văn Thành": ["Bí thư Quận ủy Cầu Giấy"],
            "Nguyễn Thị Minh": ["tổ trưởng tổ dân phố số 5"],
        },
    ),
    dict(
        domain=None,
        title="Vĩnh Long: Ban Dân vận Tỉnh ủy làm việc với Thành ủy Vĩnh Long",
        body="""Ngày 8/8/2023, Đoàn công tác Ban Dân vận Tỉnh ủy do đồng chí Nguyễn Văn Thiệt – Phó Trưởng Ban Dân vận Tỉnh ủy làm trưởng đoàn đã làm việc với Thành ủy Vĩnh Long.
Tiếp đoàn có đồng chí Đặng Văn Chính – Bí thư Thành ủy Vĩnh Long.
Thời gian qua, UBND thành phố và các phường 1, 2, 3 đã thực hiện tốt quy chế dân chủ.""",
        localities={
            ("province", "Vĩnh Long", "Vĩnh Long"), ("district", "Vĩnh Long", "Vĩnh Long"), ("commune", "1", "Vĩnh Long"),
            ("commune", "2", "Vĩnh Long"), ("commune", "3", "Vĩnh Long"),
        },
        officials={
            "Nguyễn Văn Thiệt": ["Phó Trưởng Ban Dân vận Tỉnh ủy"],
            "Đặng Văn Chính": ["Bí thư Thành ủy Vĩnh Long"],
        },
    ),
    dict(
        domain=None,
        title="Hướng Hóa: Phối hợp giúp đồng bào Vân Kiều, Pa Kô phát triển kinh tế",
        body="""Ngày 14/3, tại xã Hướng Phùng, Ban Dân vận Huyện ủy Hướng Hóa (Quảng Trị) phối hợp với Đồn Biên phòng Hướng Phùng tổ chức sơ kết.
Đồng chí Hồ Thị Tùng, Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy Hướng Hóa chủ trì.
Ông Hồ Văn Lai, Trưởng thôn Cợp, xã Hướng Phùng cho biết, bà con đã thoát nghèo.
Trung tá Nguyễn Hữu Tuyên, Đồn trưởng Đồn Biên phòng Hướng Phùng phát biểu.""",
        localities={("commune", "Hướng Phùng", "Quảng Trị"), ("district", "Hướng Hóa", "Quảng Trị"), ("province", "Quảng Trị", "Quảng Trị")},
        officials={
            "Hồ Thị Tùng": ["Ủy viên Ban Thường vụ Huyện ủy", "Trưởng Ban Dân vận Huyện ủy Hướng Hóa"],
            "Hồ Văn Lai": ["Trưởng thôn Cợp, xã Hướng Phùng"],
            "Nguyễn Hữu Tuyên": ["Đồn trưởng Đồn Biên phòng Hướng Phùng"],
        },
    ),
    dict(
        domain=None,
        title="Gặp mặt cán bộ làm công tác dân vận nhân ngày truyền thống",
        body="""Thứ Hai, 14/10/2024 - 09:20
Nhân kỷ niệm 94 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2024), sáng 14/10, Ban Dân vận Thị ủy Sơn Tây tổ chức gặp mặt.
Đồng chí Trần Anh Tuấn – Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Thị ủy phát biểu ôn lại truyền thống.
Thị xã Sơn Tây hiện có 15 xã, phường với hơn 200 mô hình "Dân vận khéo".
Nguồn: Cổng thông tin điện tử thị xã Sơn Tây""",
        localities={("district", "Sơn Tây", "Hà Nội")},
        officials={"Trần Anh Tuấn": ["Ủy viên Ban Thường vụ", "Trưởng Ban Dân vận Thị ủy"]},
    ),
    dict(
        domain=None,
        title="Tây Giang: Già làng, người có uy tín chung tay giữ bình yên biên giới",
        body="""Huyện Tây Giang (Quảng Nam) có 10 xã, trong đó có 3 xã biên giới giáp Lào.
Già làng Bhling Mia ở thôn Aur, xã A Xan kể lại những ngày đầu vận động bà con định canh định cư.
Ông Bríu Quân, Bí thư Huyện ủy Tây Giang, cho biết huyện luôn coi trọng vai trò của già làng.
Theo Thượng tá Alăng Ngược, Chính trị viên Đồn Biên phòng A Nông, các tổ tự quản đường biên hoạt động hiệu quả.""",
        localities={("district", "Tây Giang", "Quảng Nam"), ("province", "Quảng Nam", "Quảng Nam"), ("commune", "A Xan", "Quảng Nam"), ("commune", "A Nông", "Quảng Nam")},
        officials={
            "Bríu Quân": ["Bí thư Huyện ủy Tây Giang"],
            "Alăng Ngược": ["Chính trị viên Đồn Biên phòng A Nông"],
        },
    ),
    dict(
        domain=None,
        title="Bình Định: Tổng kết 10 năm phong trào Dân vận khéo",
        body="""Sáng 26/4, Tỉnh ủy Bình Định tổ chức hội nghị tổng kết 10 năm phong trào thi đua "Dân vận khéo".
Dự hội nghị có đồng chí Hồ Quốc Dũng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; Phạm Anh Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.
Trong 10 năm, huyện Tuy Phước và thị xã An Nhơn dẫn đầu về số mô hình. Đặc biệt, tại xã Phước Hòa (Tuy Phước), người dân đã tự nguyện hiến đất.
Đồng chí Lê Kim Toàn, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh trao bằng khen.""",
        localities={
            ("province", "Bình Định", "Bình Định"), ("district", "Tuy Phước", "Bình Định"), ("district", "An Nhơn", "Bình Định"),
            ("commune", "Phước Hòa", "Bình Định"),
        },
        officials={
            "Hồ Quốc Dũng": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"],
            "Phạm Anh Tuấn": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
            "Lê Kim Toàn": ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
        },
    ),
    dict(
        domain="baolongan.vn",
        title="Ký kết chương trình phối hợp giữa Ban Dân vận Huyện ủy và Hội Nông dân huyện Cần Giuộc",
        body="""Chiều 9/2, Ban Dân vận Huyện ủy và Hội Nông dân huyện Cần Giuộc ký kết chương trình phối hợp giai đoạn 2024-2026.
Phó Bí thư Thường trực Huyện ủy - Nguyễn Văn Tròn đến dự.
Trưởng Ban Dân vận Huyện ủy - Chủ tịch Ủy ban MTTQ Việt Nam huyện Võ Thị Nhàn cho biết, năm 2023 nông dân huyện đã hiến hơn 1.500 m2 đất.
Ngày hội "Nông dân với pháp luật" được tổ chức tại xã Long An, thu hút đông đảo bà con.""",
        localities={("district", "Cần Giuộc", "Long An"), ("commune", "Long An", "Long An")},
        officials={
            "Nguyễn Văn Tròn": ["Phó Bí thư Thường trực Huyện ủy"],
            "Võ Thị Nhàn": ["Trưởng Ban Dân vận Huyện ủy", "Chủ tịch Ủy ban MTTQ Việt Nam huyện"],
        },
    ),
    dict(
        domain=None,
        title="Công bố quyết định thành lập Ban Dân vận Đảng ủy phường Quảng Phú",
        body="""Ngày 2/7/2025, Đảng ủy phường Quảng Phú, tỉnh Thanh Hóa tổ chức công bố quyết định thành lập Ban Dân vận Đảng ủy phường.
Đồng chí Lê Văn Cường, Bí thư Đảng ủy phường trao quyết định cho đồng chí Nguyễn Thị Hà, Trưởng Ban Dân vận Đảng ủy phường.""",
        year=2025,
        post2025=True,
        localities={("commune", "Quảng Phú", "Thanh Hóa"), ("province", "Thanh Hóa", "Thanh Hóa")},
        officials={
            "Lê Văn Cường": ["Bí thư Đảng ủy phường"],
            "Nguyễn Thị Hà": ["Trưởng Ban Dân vận Đảng ủy phường"],
        },
    ),
    dict(
        domain="soctrang.gov.vn",
        title="Trần Đề: Phát huy vai trò chức sắc, chức việc trong vận động đồng bào Khmer",
        body="""Ngày 19/4, Ban Dân vận Huyện ủy Trần Đề phối hợp với Ủy ban MTTQ Việt Nam huyện tổ chức họp mặt chức sắc, chức việc các chùa Khmer.
Đến dự có đồng chí Lâm Hoàng Nghiệp, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng; đồng chí Thạch Chôl, Phó Bí thư Thường trực Huyện ủy Trần Đề.
Đại đức Thạch Sóc Tha, trụ trì chùa Som Rông, thị trấn Lịch Hội Thượng phát biểu cảm ơn.
Trong năm, các xã Đại Ân 2, Liêu Tú đã vận động bà con hiến đất làm đường.""",
        localities={
            ("district", "Trần Đề", "Sóc Trăng"), ("province", "Sóc Trăng", "Sóc Trăng"),
            ("commune", "Lịch Hội Thượng", "Sóc Trăng"), ("commune", "Đại Ân 2", "Sóc Trăng"), ("commune", "Liêu Tú", "Sóc Trăng"),
        },
        officials={
            "Lâm Hoàng Nghiệp": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Sóc Trăng"],
            "Thạch Chôl": ["Phó Bí thư Thường trực Huyện ủy Trần Đề"],
            # the abbot's post is a title as written; "Đại đức" is a rank
            "Thạch Sóc Tha": ["trụ trì chùa Som Rông, thị trấn Lịch Hội Thượng"],
        },
    ),
    dict(
        domain=None,
        title="TP Hồ Chí Minh: Quận 8 sơ kết công tác dân vận chính quyền",
        body="""Chiều 16/6, Quận ủy Quận 8 tổ chức sơ kết 6 tháng thực hiện công tác dân vận chính quyền năm 2022.
Tham dự có ông Nguyễn Hồ Hải – Phó Bí thư Thường trực Thành ủy TP Hồ Chí Minh và ông Bùi Thanh Nhân – Chủ tịch UBND quận.
Phường 4 và phường 16 được biểu dương. Bà Lê Thị Sáu (tổ 5, khu phố 2, phường 4) chia sẻ.
Học tập và làm theo tấm gương đạo đức Hồ Chí Minh là nội dung xuyên suốt.""",
        localities={("province", "Hồ Chí Minh", "Hồ Chí Minh"), ("district", "8", "Hồ Chí Minh"), ("commune", "4", "Hồ Chí Minh"), ("commune", "16", "Hồ Chí Minh")},
        officials={
            "Nguyễn Hồ Hải": ["Phó Bí thư Thường trực Thành ủy TP Hồ Chí Minh"],
            "Bùi Thanh Nhân": ["Chủ tịch UBND quận"],
        },
    ),
    dict(
        domain="baobacgiang.vn",
        title="Sơn Động: Dân vận khéo trong xây dựng nông thôn mới",
        body="""Những năm qua, huyện Sơn Động (Bắc Giang) đã phát huy hiệu quả phong trào "Dân vận khéo".
Ông Hoàng Văn Hà, Trưởng thôn Nà Hin, xã Vân Sơn cho biết: "Bà con đã góp hơn 200 ngày công làm đường".
Theo đồng chí Hà Thị Thúy - Huyện ủy viên, Trưởng Ban Dân vận Huyện ủy Sơn Động, toàn huyện có 320 mô hình.
Phó Chủ tịch UBND huyện Trần Văn Quý đánh giá, công tác dân vận góp phần quan trọng.
Thu Hà (Trung tâm VH-TT&TT huyện)""",
        localities={("district", "Sơn Động", "Bắc Giang"), ("province", "Bắc Giang", "Bắc Giang"), ("commune", "Vân Sơn", "Bắc Giang")},
        officials={
            "Hoàng Văn Hà": ["Trưởng thôn Nà Hin, xã Vân Sơn"],
            "Hà Thị Thúy": ["Huyện ủy viên", "Trưởng Ban Dân vận Huyện ủy Sơn Động"],
            "Trần Văn Quý": ["Phó Chủ tịch UBND huyện"],
        },
    ),
    dict(
        domain=None,
        title="Ban Dân vận Trung ương làm việc với Tỉnh ủy Điện Biên",
        body="""Ngày 7/9, Đoàn công tác Ban Dân vận Trung ương do đồng chí Phạm Tất Thắng, Ủy viên Trung ương Đảng, Phó Trưởng Ban Thường trực Ban Dân vận Trung ương làm Trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy Điện Biên.
Tiếp và làm việc với đoàn có đồng chí Mùa A Sơn, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; đồng chí Lò Văn Mừng, Phó Chủ tịch UBND tỉnh.
Đoàn đã khảo sát tại huyện Mường Nhé và huyện Điện Biên Đông.
Đồng chí Mùa A Sơn cảm ơn sự quan tâm của Ban Dân vận Trung ương.""",
        localities={("province", "Điện Biên", "Điện Biên"), ("district", "Mường Nhé", "Điện Biên"), ("district", "Điện Biên Đông", "Điện Biên")},
        officials={
            "Phạm Tất Thắng": ["Ủy viên Trung ương Đảng", "Phó Trưởng Ban Thường trực Ban Dân vận Trung ương"],
            "Mùa A Sơn": ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
            "Lò Văn Mừng": ["Phó Chủ tịch UBND tỉnh"],
        },
    ),
    dict(
        domain=None,
        title="Xã Ea Kly ra mắt mô hình Dân vận khéo",
        body="""Ngày 25/8/2025, Đảng ủy xã Ea Kly, tỉnh Đắk Lắk ra mắt mô hình "Cộng đồng dân cư tự quản".
Dự có đồng chí Y Wai Byă, Bí thư Đảng ủy xã; bà H' Yâm Byă, Chủ tịch Ủy ban MTTQ Việt Nam xã.
Chị H' Mai Niê (buôn Kmrơng Prông) chia sẻ niềm vui.""",
        year=2025,
        post2025=True,
        localities={("commune", "Ea Kly", "Đắk Lắk"), ("province", "Đắk Lắk", "Đắk Lắk")},
        officials={
            "Y Wai Byă": ["Bí thư Đảng ủy xã"],
            "H' Yâm Byă": ["Chủ tịch Ủy ban MTTQ Việt Nam xã"],
        },
    ),
    dict(
        domain=None,
        title="Hội nghị trực tuyến toàn quốc tổng kết Quyết định 290",
        body="""Sáng 14/5/2021, Bộ Chính trị tổ chức hội nghị trực tuyến toàn quốc tổng kết 10 năm thực hiện Quyết định số 290-QĐ/TW.
Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương chủ trì.
Tại điểm cầu tỉnh Yên Bái, đồng chí Đỗ Đức Duy, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy dự.
Chủ tịch Hồ Chí Minh từng căn dặn: "Dân vận kém thì việc gì cũng kém".""",
        localities={("province", "Yên Bái", "Yên Bái")},
        officials={
            "Trương Thị Mai": ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Trưởng Ban Tổ chức Trung ương"],
            "Đỗ Đức Duy": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"],
        },
    ),
    dict(
        domain=None,
        title="Ký kết chương trình phối hợp giữa Ban Dân vận Thành ủy và Công an thành phố Pleiku",
        body="""Ngày 3/5, Ban Dân vận Thành ủy Pleiku và Công an thành phố ký kết chương trình phối hợp giai đoạn 2023-2025.
Đại tá Rơ Chăm H'Pin, Phó Giám đốc Công an tỉnh Gia Lai dự lễ ký.
Thượng tá Nguyễn Văn Bắc, Trưởng Công an thành phố và bà Nguyễn Thị Thanh Lịch, Trưởng Ban Dân vận Thành ủy đại diện ký kết.
Chương trình tập trung vào các phường Thống Nhất, Yên Đỗ và xã Biển Hồ.""",
        localities={
            ("district", "Pleiku", "Gia Lai"), ("province", "Gia Lai", "Gia Lai"), ("commune", "Thống Nhất", "Gia Lai"),
            ("commune", "Yên Đỗ", "Gia Lai"), ("commune", "Biển Hồ", "Gia Lai"),
        },
        officials={
            "Rơ Chăm H'Pin": ["Phó Giám đốc Công an tỉnh Gia Lai"],
            "Nguyễn Văn Bắc": ["Trưởng Công an thành phố"],
            "Nguyễn Thị Thanh Lịch": ["Trưởng Ban Dân vận Thành ủy"],
        },
    ),
    dict(
        domain="quangbinh.gov.vn",
        title="Minh Hóa: Giúp đồng bào Chứt ổn định cuộc sống",
        body="""Bản Ón, xã Dân Hóa, huyện Minh Hóa là nơi sinh sống của gần 100 hộ đồng bào dân tộc Chứt.
Anh Hồ Xoong, Trưởng bản Ón phấn khởi: "Nhờ bộ đội biên phòng, bà con đã biết trồng lúa nước".
Thiếu tá Đinh Tiến Dũng, Chính trị viên Đồn Biên phòng Cha Lo cho biết, đơn vị nhận đỡ đầu 15 cháu.
Ông Đinh Minh Thuần, Phó Chủ tịch UBND xã Dân Hóa chia sẻ thêm.""",
        localities={("commune", "Dân Hóa", "Quảng Bình"), ("district", "Minh Hóa", "Quảng Bình")},
        officials={
            "Hồ Xoong": ["Trưởng bản Ón"],
            "Đinh Tiến Dũng": ["Chính trị viên Đồn Biên phòng Cha Lo"],
            "Đinh Minh Thuần": ["Phó Chủ tịch UBND xã Dân Hóa"],
        },
    ),
    dict(
        domain="baoninhbinh.org.vn",
        title="Kim Sơn: Hiệu quả từ phong trào thi đua “Dân vận khéo”",
        body="""Những năm qua, phong trào thi đua “Dân vận khéo” trên địa bàn huyện Kim Sơn đã được các cấp ủy Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội quan tâm triển khai.
Đồng chí Phạm Văn Bình, Phó Trưởng Ban Dân vận Huyện ủy Kim Sơn cho biết: “Để phong trào đi vào chiều sâu, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 45-KH/HU về đẩy mạnh phong trào thi đua Dân vận khéo giai đoạn 2021-2025”.
Tiêu biểu như mô hình “Ngày Chủ nhật xanh” của xã Kim Chính, mô hình “Camera an ninh” của thị trấn Bình Minh.
Ông Trần Văn Toàn, xóm 3, xã Kim Chính phấn khởi: “Đường làng được mở rộng, bà con đi lại thuận tiện hơn”.
Dịp này, UBND huyện đã tặng Giấy khen cho 25 tập thể, 40 cá nhân có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo”.
Hồng Giang""",
        localities={("district", "Kim Sơn", "Ninh Bình"), ("commune", "Kim Chính", "Ninh Bình"), ("commune", "Bình Minh", "Ninh Bình")},
        officials={"Phạm Văn Bình": ["Phó Trưởng Ban Dân vận Huyện ủy Kim Sơn"]},
    ),
    dict(
        domain=None,
        title="Đồng chí Trưởng Ban Dân vận Tỉnh ủy làm việc tại huyện Chợ Đồn",
        body="""Ngày 11/10, đồng chí Hà Văn Quân, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Bắc Kạn đã có buổi làm việc với Ban Thường vụ Huyện ủy Chợ Đồn.
Cùng đi có các đồng chí lãnh đạo Ban Dân vận Tỉnh ủy. Về phía huyện có đồng chí Đinh Quang Tuyên, Bí thư Huyện ủy; đồng chí Nguyễn Văn Thanh, Chủ tịch UBND huyện.
Tại buổi làm việc, đồng chí Bí thư Huyện ủy báo cáo kết quả công tác dân vận.
Đồng chí Hà Văn Quân đề nghị huyện quan tâm công tác dân vận tại các xã vùng cao như Bản Thi, Xuân Lạc.""",
        localities={("district", "Chợ Đồn", "Bắc Kạn"), ("province", "Bắc Kạn", "Bắc Kạn"), ("commune", "Bản Thi", "Bắc Kạn"), ("commune", "Xuân Lạc", "Bắc Kạn")},
        officials={
            "Hà Văn Quân": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy Bắc Kạn"],
            "Đinh Quang Tuyên": ["Bí thư Huyện ủy"],
            "Nguyễn Văn Thanh": ["Chủ tịch UBND huyện"],
        },
    ),
    dict(
        domain=None,
        title="Hội nghị Ban Chấp hành Đảng bộ huyện Yên Thành lần thứ 15",
        body="""Ngày 18/7/2023, Ban Chấp hành Đảng bộ huyện Yên Thành (Nghệ An) khóa XXVIII tổ chức hội nghị lần thứ 15.
Đồng chí Nguyễn Viết Hưng, Tỉnh ủy viên, Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị.
Hội nghị đã nghe đồng chí Phan Thanh Tịnh, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện báo cáo tình hình kinh tế - xã hội.
Theo báo cáo, tổng giá trị sản xuất ước đạt 12.500 tỷ đồng; xã Hậu Thành, xã Tăng Thành đạt chuẩn nông thôn mới nâng cao.""",
        localities={("district", "Yên Thành", "Nghệ An"), ("province", "Nghệ An", "Nghệ An"), ("commune", "Hậu Thành", "Nghệ An"), ("commune", "Tăng Thành", "Nghệ An")},
        officials={
            "Nguyễn Viết Hưng": ["Tỉnh ủy viên", "Bí thư Huyện ủy", "Chủ tịch HĐND huyện"],
            "Phan Thanh Tịnh": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"],
        },
    ),
    dict(
        domain="baotuyenquang.com.vn",
        title="Na Hang: Dân vận khéo giúp đồng bào Dao thoát nghèo",
        body="""Thôn Nà Khá, xã Sơn Phú, huyện Na Hang có 98% là đồng bào dân tộc Dao.
Anh Triệu Văn Lường, Trưởng thôn Nà Khá cho biết, trước đây bà con chủ yếu trồng ngô trên nương.
Bà Bàn Thị Nhất, Bí thư Chi bộ thôn kể lại: “Cán bộ xã phải đến từng nhà vận động”.
Đồng chí Hoàng Thị Hồng, Chủ tịch Hội Liên hiệp Phụ nữ huyện Na Hang đánh giá cao mô hình.
Năm 2023, xã Sơn Phú có 45 hộ thoát nghèo.""",
        localities={("commune", "Sơn Phú", "Tuyên Quang"), ("district", "Na Hang", "Tuyên Quang")},
        officials={
            "Triệu Văn Lường": ["Trưởng thôn Nà Khá"],
            "Bàn Thị Nhất": ["Bí thư Chi bộ thôn"],
            "Hoàng Thị Hồng": ["Chủ tịch Hội Liên hiệp Phụ nữ huyện Na Hang"],
        },
    ),
    dict(
        domain=None,
        title="Thủ tướng Phạm Minh Chính dự hội nghị tổng kết công tác dân vận",
        body="""Sáng 20/12, tại Hà Nội, Ban Dân vận Trung ương tổ chức hội nghị tổng kết công tác dân vận năm 2023.
Thủ tướng Chính phủ Phạm Minh Chính dự và phát biểu chỉ đạo.
Thủ tướng nhấn mạnh: “Dân là gốc”.
Dự hội nghị có các đồng chí: Trương Thị Mai, Thường trực Ban Bí thư, Trưởng Ban Tổ chức Trung ương; Bùi Thị Minh Hoài, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương.
Thực hiện lời dạy của Bác Hồ và Chủ tịch Hồ Chí Minh, công tác dân vận phải khéo.""",
        localities={("province", "Hà Nội", "Hà Nội")},
        officials={
            "Phạm Minh Chính": ["Thủ tướng", "Thủ tướng Chính phủ"],
            "Trương Thị Mai": ["Thường trực Ban Bí thư", "Trưởng Ban Tổ chức Trung ương"],
            "Bùi Thị Minh Hoài": ["Bí thư Trung ương Đảng", "Trưởng Ban Dân vận Trung ương"],
        },
    ),
    dict(
        domain="baobinhphuoc.com.vn",
        title="Lộc Ninh: Phát huy vai trò người có uy tín trong đồng bào S'tiêng",
        body="""Huyện Lộc Ninh hiện có 38 người có uy tín trong đồng bào dân tộc thiểu số.
Ông Điểu Lên, người có uy tín ở ấp Tà Thiết, xã Lộc Thịnh là tấm gương tiêu biểu.
Ông Thị Bình, Phó Chủ tịch UBND xã Lộc Thịnh cho biết, nhờ vận động của ông Điểu Lên, nhiều hộ đã bỏ phong tục lạc hậu.
Theo đồng chí Lê Quang Đạo, Trưởng Ban Dân tộc tỉnh Bình Phước, năm 2024 tỉnh sẽ tiếp tục hỗ trợ.""",
        localities={("district", "Lộc Ninh", "Bình Phước"), ("commune", "Lộc Thịnh", "Bình Phước"), ("province", "Bình Phước", "Bình Phước")},
        officials={
            "Thị Bình": ["Phó Chủ tịch UBND xã Lộc Thịnh"],
            "Lê Quang Đạo": ["Trưởng Ban Dân tộc tỉnh Bình Phước"],
        },
    ),
    dict(
        domain="baodaklak.vn",
        title="Cư M'gar: Sơ kết chương trình phối hợp giữa Ban Dân vận Huyện ủy và Công an huyện",
        body="""Ngày 5/6, Ban Dân vận Huyện ủy Cư M'gar và Công an huyện tổ chức sơ kết 2 năm thực hiện chương trình phối hợp.
Dự hội nghị có đồng chí Y Jăn Mlô, Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy Đắk Lắk và Thượng tá Nguyễn Văn Hải, Trưởng Công an huyện.
Hai năm qua, lực lượng Công an đã phối hợp với các xã Ea Pốk, Cư Suê và thị trấn Quảng Phú giải quyết 35 vụ việc.
Ông Y Khu Niê, già làng buôn Ea Kmar, xã Ea Pốk cho biết: “Bà con tin tưởng cán bộ”.
Huyện cũng học tập kinh nghiệm của huyện Ea H'leo và thị xã Buôn Hồ.""",
        localities={
            ("district", "Cư M'gar", "Đắk Lắk"), ("province", "Đắk Lắk", "Đắk Lắk"), ("commune", "Ea Pốk", "Đắk Lắk"),
            ("commune", "Cư Suê", "Đắk Lắk"), ("commune", "Quảng Phú", "Đắk Lắk"), ("district", "Ea H'leo", "Đắk Lắk"),
            ("district", "Buôn Hồ", "Đắk Lắk"),
        },
        officials={
            "Y Jăn Mlô": ["Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy Đắk Lắk"],
            "Nguyễn Văn Hải": ["Trưởng Công an huyện"],
        },
    ),
    dict(
        domain=None,
        title="Gặp mặt nguyên lãnh đạo làm công tác dân vận qua các thời kỳ",
        body="""Sáng 14/10/2022, Ban Dân vận Tỉnh ủy Quảng Nam tổ chức gặp mặt các đồng chí nguyên lãnh đạo Ban qua các thời kỳ.
Đến dự có ông Nguyễn Đức Hải, nguyên Bí thư Tỉnh ủy, nguyên Phó Chủ tịch Quốc hội và ông Lê Văn Thanh – Phó Bí thư Thường trực Tỉnh ủy.
Bà Tôn Nữ Thị Ninh, nguyên Trưởng Ban Dân vận Tỉnh ủy xúc động chia sẻ kỷ niệm.
Đồng chí Lê Văn Thanh nhấn mạnh: “Thế hệ hôm nay luôn ghi nhớ công lao của các đồng chí”.""",
        localities={("province", "Quảng Nam", "Quảng Nam")},
        officials={
            "Nguyễn Đức Hải": ["nguyên Bí thư Tỉnh ủy", "nguyên Phó Chủ tịch Quốc hội"],
            "Lê Văn Thanh": ["Phó Bí thư Thường trực Tỉnh ủy"],
            "Tôn Nữ Thị Ninh": ["nguyên Trưởng Ban Dân vận Tỉnh ủy"],
        },
    ),
    dict(
        domain=None,
        title="Krông A Na tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
        body="""Chiều 15/11, tại buôn Dhăm, xã Ea Bông, huyện Krông A Na, đồng chí Huỳnh Chiến Thắng – Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Đắk Lắk cùng lãnh đạo huyện Krông A Na đã dự Ngày hội Đại đoàn kết.
Đồng chí Ngô Văn Lai, Bí thư Huyện ủy và đồng chí Y Suôn Byă, Chủ tịch UBND huyện đã trao quà cho các hộ nghèo.
Bà H'Phương Niê, Trưởng ban Công tác Mặt trận buôn Dhăm báo cáo kết quả.""",
        localities={
            ("commune", "Ea Bông", "Đắk Lắk"), ("district", "Krông A Na", "Đắk Lắk"), ("province", "Đắk Lắk", "Đắk Lắk"),
        },
        officials={
            "Huỳnh Chiến Thắng": ["Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Đắk Lắk"],
            "Ngô Văn Lai": ["Bí thư Huyện ủy"],
            "Y Suôn Byă": ["Chủ tịch UBND huyện"],
            "H'Phương Niê": ["Trưởng ban Công tác Mặt trận buôn Dhăm"],
        },
    ),
    dict(
        domain="baohaugiang.com.vn",
        title="Ngã Bảy: Ký kết quy chế phối hợp",
        body="""Ngày 2/3, Ban Dân vận Thành ủy Ngã Bảy và UBND thành phố ký kết quy chế phối hợp công tác dân vận chính quyền.
Ông Trần Văn Huyến, Phó Bí thư Thường trực Tỉnh ủy Hậu Giang dự và chứng kiến. Tham dự còn có ông Lê Minh Hùng, Bí thư Thành ủy Ngã Bảy; ông Trương Cảnh Tuyên, Chủ tịch UBND thành phố.
Theo quy chế, các phường Lái Hiếu, Hiệp Thành và xã Đại Thành sẽ được chọn làm điểm.""",
        localities={
            ("district", "Ngã Bảy", "Hậu Giang"), ("province", "Hậu Giang", "Hậu Giang"), ("commune", "Lái Hiếu", "Hậu Giang"),
            ("commune", "Hiệp Thành", "Hậu Giang"), ("commune", "Đại Thành", "Hậu Giang"),
        },
        officials={
            "Trần Văn Huyến": ["Phó Bí thư Thường trực Tỉnh ủy Hậu Giang"],
            "Lê Minh Hùng": ["Bí thư Thành ủy Ngã Bảy"],
            "Trương Cảnh Tuyên": ["Chủ tịch UBND thành phố"],
        },
    ),
    dict(
        domain="yenlac.vinhphuc.gov.vn",
        title="Yên Lạc: Tổng kết chương trình phối hợp công tác dân vận giai đoạn 2017-2022",
        body="""Ngày cập nhật 20/06/2022
Sáng 17/6, Ban Dân vận Huyện ủy Yên Lạc phối hợp với UBND huyện tổ chức hội nghị tổng kết chương trình phối hợp thực hiện công tác dân vận giai đoạn 2017-2022 và ký kết chương trình giai đoạn 2022-2027.
Tới dự có đồng chí Nguyễn Văn Khước – Phó Trưởng Ban Dân vận Tỉnh ủy; đồng chí Đỗ Xuân Trường - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện.
Các xã Đồng Văn, Tề Lỗ, Trung Nguyên đã làm tốt công tác vận động nhân dân hiến đất mở rộng đường giao thông.
Phát biểu tại hội nghị, đồng chí Đỗ Xuân Trường đề nghị trong thời gian tới các cơ quan tiếp tục phối hợp chặt chẽ.
Thu Hương - Trung tâm VH,TT&TT
Các tin khác
Vĩnh Phúc: Hội nghị sơ kết Chỉ thị 05""",
        localities={
            ("district", "Yên Lạc", "Vĩnh Phúc"), ("commune", "Đồng Văn", "Vĩnh Phúc"), ("commune", "Tề Lỗ", "Vĩnh Phúc"),
            ("commune", "Trung Nguyên", "Vĩnh Phúc"),
        },
        officials={
            "Nguyễn Văn Khước": ["Phó Trưởng Ban Dân vận Tỉnh ủy"],
            "Đỗ Xuân Trường": ["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện"],
        },
    ),
    dict(
        domain=None,
        title="Lạng Sơn: Ban Dân vận Tỉnh ủy ký kết chương trình phối hợp với Bộ Chỉ huy Quân sự tỉnh",
        body="""Thứ Năm, 09/03/2023 15:20
(LSO) - Sáng 9/3, Ban Dân vận Tỉnh ủy và Bộ Chỉ huy Quân sự tỉnh ký kết chương trình phối hợp công tác dân vận giai đoạn 2023 - 2027.
Dự lễ ký kết có đồng chí Hoàng Văn Nghiệm, Phó Bí thư Thường trực Tỉnh ủy; Đại tá Lê Văn Thưởng, Ủy viên Ban Thường vụ Tỉnh ủy, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh.
Theo chương trình, hai bên phối hợp xây dựng "Thế trận lòng dân" tại các huyện biên giới như Cao Lộc, Tràng Định, Văn Lãng.
Đồng chí Hoàng Văn Nghiệm, Phó Bí thư Thường trực Tỉnh ủy phát biểu chỉ đạo.
MINH CHÂU""",
        localities={
            ("province", "Lạng Sơn", "Lạng Sơn"), ("district", "Cao Lộc", "Lạng Sơn"), ("district", "Tràng Định", "Lạng Sơn"),
            ("district", "Văn Lãng", "Lạng Sơn"),
        },
        officials={
            "Hoàng Văn Nghiệm": ["Phó Bí thư Thường trực Tỉnh ủy"],
            "Lê Văn Thưởng": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"],
        },
    ),
    dict(
        domain="baoangiang.com.vn",
        title="Tri Tôn: Dân vận khéo trong đồng bào Khmer",
        body="""Huyện Tri Tôn có gần 50% dân số là đồng bào dân tộc Khmer.
Ông Chau Sóc Kha, Phó Chủ tịch UBND huyện Tri Tôn cho biết, huyện đã huy động 12 tỷ đồng xây dựng cầu, đường nông thôn.
Tại xã Lương Phi, Achar Chau Sóc Khonl, ấp Ô Chum phấn khởi khi đường về ấp được bê tông hóa.
Bà Néang Sa Phine, Bí thư Đoàn xã Ô Lâm chia sẻ: "Thanh niên tích cực tham gia".
Đồng chí Nguyễn Thanh Bình, Bí thư Tỉnh ủy An Giang từng khẳng định vai trò của người có uy tín.""",
        localities={
            ("district", "Tri Tôn", "An Giang"), ("commune", "Lương Phi", "An Giang"), ("commune", "Ô Lâm", "An Giang"),
            ("province", "An Giang", "An Giang"),
        },
        officials={
            "Chau Sóc Kha": ["Phó Chủ tịch UBND huyện Tri Tôn"],
            "Néang Sa Phine": ["Bí thư Đoàn xã Ô Lâm"],
            "Nguyễn Thanh Bình": ["Bí thư Tỉnh ủy An Giang"],
        },
    ),
    dict(
        domain=None,
        title="Đảng ủy Khối các cơ quan tỉnh sơ kết công tác dân vận",
        body="""Ngày 12/7/2024, Đảng ủy Khối các cơ quan tỉnh Hà Tĩnh tổ chức sơ kết công tác dân vận 6 tháng đầu năm.
Đồng chí Phan Thiên Định, Bí thư Đảng ủy Khối chủ trì hội nghị.
Các đảng bộ Sở Tài chính, Sở Nội vụ được biểu dương.
Đồng chí Trần Thị Nhật Tân - Phó Bí thư Đảng ủy Khối đề nghị các chi bộ tiếp tục quán triệt Quyết định số 23-QĐ/TW.""",
        localities={("province", "Hà Tĩnh", "Hà Tĩnh")},
        officials={
            "Phan Thiên Định": ["Bí thư Đảng ủy Khối"],
            "Trần Thị Nhật Tân": ["Phó Bí thư Đảng ủy Khối"],
        },
    ),
    dict(
        domain=None,
        title="Phường Bến Nghé phát huy vai trò tổ dân phố trong công tác dân vận",
        body="""Sáng 22/4/2023, Đảng ủy phường Bến Nghé, Quận 1, TP.HCM tổ chức hội nghị sơ kết mô hình "Dân vận khéo".
Bà Nguyễn Thị Thu Hằng, Bí thư Đảng ủy phường Bến Nghé cho biết, phường có 10 khu phố, 120 tổ dân phố.
PGS.TS Trần Văn Minh, Phó Giám đốc Học viện Cán bộ TP cũng tham dự và góp ý.
Ông Lê Văn Hai (65 tuổi, ngụ khu phố 3) chia sẻ niềm vui.""",
        localities={("commune", "Bến Nghé", "Hồ Chí Minh"), ("district", "1", "Hồ Chí Minh"), ("province", "Hồ Chí Minh", "Hồ Chí Minh")},
        officials={
            "Nguyễn Thị Thu Hằng": ["Bí thư Đảng ủy phường Bến Nghé"],
            "Trần Văn Minh": ["Phó Giám đốc Học viện Cán bộ TP"],
        },
    ),
    dict(
        domain="baotravinh.vn",
        title="Cầu Kè: Ký kết chương trình phối hợp giữa Ban Dân vận và Hội Nông dân",
        body="""Chiều 10/3, Ban Dân vận Huyện ủy Cầu Kè ký kết chương trình phối hợp với Hội Nông dân huyện giai đoạn 2023 - 2027.
Ông Kim Thanh Tùng - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện Cầu Kè dự và phát biểu.
Ông Thạch Sa Rinh, Trưởng Ban Dân vận Huyện ủy và ông Lâm Văn Út, Chủ tịch Hội Nông dân huyện ký kết chương trình.
Theo đó, 2 bên sẽ phối hợp vận động nông dân ở các xã Châu Điền, Hòa Ân, An Phú Tân chuyển đổi cây trồng.""",
        localities={
            ("district", "Cầu Kè", "Trà Vinh"), ("commune", "Châu Điền", "Trà Vinh"), ("commune", "Hòa Ân", "Trà Vinh"),
            ("commune", "An Phú Tân", "Trà Vinh"),
        },
        officials={
            "Kim Thanh Tùng": ["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện Cầu Kè"],
            "Thạch Sa Rinh": ["Trưởng Ban Dân vận Huyện ủy"],
            "Lâm Văn Út": ["Chủ tịch Hội Nông dân huyện"],
        },
    ),
    dict(
        domain=None,
        title="Hà Giang: Tổng kết 10 năm thực hiện Quyết định 290",
        body="""Ngày 12/5/2020, Ban Thường vụ Tỉnh ủy Hà Giang tổ chức hội nghị tổng kết 10 năm thực hiện Quyết định số 290-QĐ/TW.
Đồng chí Thào Hồng Sơn – Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì hội nghị. Tham dự có đồng chí Hầu Minh Lợi - Trưởng Ban Dân vận Tỉnh ủy.
Tại hội nghị, đại diện huyện Mèo Vạc, huyện Yên Minh đã trình bày tham luận.
Đồng chí Thào Hồng Sơn yêu cầu các cấp ủy tiếp tục đổi mới phương thức dân vận.""",
        localities={("province", "Hà Giang", "Hà Giang"), ("district", "Mèo Vạc", "Hà Giang"), ("district", "Yên Minh", "Hà Giang")},
        officials={
            "Thào Hồng Sơn": ["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh"],
            "Hầu Minh Lợi": ["Trưởng Ban Dân vận Tỉnh ủy"],
        },
    ),
    dict(
        domain="bienphong.com.vn",
        title="Đồn Biên phòng Pa Vây Sử ký kết chương trình phối hợp với UBND xã",
        body="""(BP) - Ngày 14/3, Đồn Biên phòng Pa Vây Sử, BĐBP Lai Châu tổ chức ký kết chương trình phối hợp với UBND xã Pa Vây Sử, huyện Phong Thổ.
Thiếu tá Tống Đức Thanh, Đồn trưởng và ông Lý Seo Dìn, Chủ tịch UBND xã Pa Vây Sử thay mặt hai bên ký kết.
Theo Trung tá Vũ Văn Luận, Chính trị viên Đồn Biên phòng Pa Vây Sử, trong năm qua, đơn vị đã phối hợp tuyên truyền cho hơn 2.000 lượt người.
Bài, ảnh: Quang Khánh""",
        localities={("commune", "Pa Vây Sử", "Lai Châu"), ("district", "Phong Thổ", "Lai Châu"), ("province", "Lai Châu", "Lai Châu")},
        officials={
            "Tống Đức Thanh": ["Đồn trưởng"],
            "Lý Seo Dìn": ["Chủ tịch UBND xã Pa Vây Sử"],
            "Vũ Văn Luận": ["Chính trị viên Đồn Biên phòng Pa Vây Sử"],
        },
    ),
    dict(
        domain=None,
        title="Tăng cường công tác dân vận trong tình hình mới",
        body="""Sáng 18/3, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức hội nghị quán triệt Kết luận số 43-KL/TW.
Đồng chí Thái Thanh Quý, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì. Cùng dự có đồng chí Nguyễn Đức Trung, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.
Báo cáo tại hội nghị, đồng chí Nguyễn Thị Thu Hường, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy cho biết, toàn tỉnh có hơn 10.000 mô hình "Dân vận khéo".
Các huyện Quế Phong, Quỳ Châu, Kỳ Sơn được đánh giá cao.""",
        localities={
            ("district", "Vinh", "Nghệ An"), ("province", "Nghệ An", "Nghệ An"), ("district", "Quế Phong", "Nghệ An"),
            ("district", "Quỳ Châu", "Nghệ An"), ("district", "Kỳ Sơn", "Nghệ An"),
        },
        officials={
            "Thái Thanh Quý": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"],
            "Nguyễn Đức Trung": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
            "Nguyễn Thị Thu Hường": ["Ủy viên Ban Thường vụ", "Trưởng Ban Dân vận Tỉnh ủy"],
        },
    ),
    dict(
        domain=None,
        title="Mặt trận các cấp huyện Phú Lương chung sức xây dựng nông thôn mới",
        body="""Ngày 30/11/2021, Ủy ban MTTQ huyện Phú Lương (Thái Nguyên) tổng kết Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh".
Bà Dương Thị Huyền – Ủy viên Ban Thường vụ Huyện ủy, Chủ tịch Ủy ban MTTQ huyện cho biết, nhân dân đã hiến hơn 30.000 m2 đất.
Tiêu biểu là xóm Đồng Tâm, xã Yên Lạc và xóm Na Mọn, xã Yên Ninh.
Ông Hoàng Văn Tú, Trưởng xóm Đồng Tâm phấn khởi cho biết...""",
        localities={
            ("district", "Phú Lương", "Thái Nguyên"), ("province", "Thái Nguyên", "Thái Nguyên"), ("commune", "Yên Lạc", "Thái Nguyên"),
            ("commune", "Yên Ninh", "Thái Nguyên"),
        },
        officials={
            "Dương Thị Huyền": ["Ủy viên Ban Thường vụ Huyện ủy", "Chủ tịch Ủy ban MTTQ huyện"],
            "Hoàng Văn Tú": ["Trưởng xóm Đồng Tâm"],
        },
    ),
]
