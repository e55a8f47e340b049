"""Texts of the demo site, written for this project. Facts about the department (address,
phones, the working session of 05/6/2023) come from its current site; the wording is ours."""

import datetime

SITE_SETTINGS = {
    "parent_authority": "UBND tỉnh Sơn La",
    "department_name": "Sở Khoa học và Công nghệ",
    "department_full_name": "Sở Khoa học và Công nghệ tỉnh Sơn La",
    "address": (
        "Tầng 3, tòa nhà 6T1, Trụ sở HĐND - UBND tỉnh và một số sở, ngành, "
        "Khu Quảng trường Tây Bắc, Thành phố Sơn La, tỉnh Sơn La"
    ),
    "phone": "02123.852.224",
    "fax": "02123.852.791",
    "email": "sokhcn@sonla.gov.vn",
    "website": "sokhoahoc.sonla.gov.vn",
    "operator_line": "Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo",
    "footer_text": (
        "Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh Sơn La. "
        "Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này."
    ),
    "trust_badge_url": "https://tinnhiemmang.vn",
}

# The footer's "Liên kết": the province's and the ministry's portals and the national ones.
AGENCY_LINKS = [
    ("Cổng thông tin điện tử tỉnh Sơn La", "https://sonla.gov.vn"),
    ("Bộ Khoa học và Công nghệ", "https://mst.gov.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
]

HOME = {
    "tagline": "Khoa học và công nghệ phục vụ phát triển kinh tế - xã hội tỉnh Sơn La",
    "intro_html": (
        "<p>Sở Khoa học và Công nghệ tỉnh Sơn La là cơ quan chuyên môn thuộc UBND tỉnh, tham mưu "
        "quản lý nhà nước về khoa học, công nghệ và đổi mới sáng tạo; tiêu chuẩn, đo lường, chất "
        "lượng; sở hữu trí tuệ; an toàn bức xạ và hạt nhân trên địa bàn tỉnh.</p>"
    ),
    "quick_links": [
        ("Thủ tục hành chính", "https://dichvucong.gov.vn", "Tra cứu và nộp hồ sơ trực tuyến"),
        ("Cổng thông tin tỉnh Sơn La", "https://sonla.gov.vn", "Tin tức và văn bản của tỉnh"),
        ("Bộ Khoa học và Công nghệ", "https://mst.gov.vn", "Cổng thông tin của Bộ"),
        ("Liên hệ với Sở", "/lien-he/", "Gửi câu hỏi, góp ý đến Sở"),
    ],
}

# Information pages under /gioi-thieu/: (title, intro, paragraphs).
ABOUT = {
    "title": "Giới thiệu",
    "intro": "Thông tin chung về Sở Khoa học và Công nghệ tỉnh Sơn La.",
    "paragraphs": [
        "Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Sơn La, có tư "
        "cách pháp nhân, con dấu và tài khoản riêng, chịu sự chỉ đạo về chuyên môn, nghiệp vụ của "
        "Bộ Khoa học và Công nghệ.",
        "Trụ sở Sở đặt tại Khu Quảng trường Tây Bắc, Thành phố Sơn La. Người dân và doanh nghiệp có "
        "thể liên hệ trực tiếp, qua điện thoại hoặc qua trang Liên hệ của cổng thông tin.",
    ],
    "children": [
        (
            "Chức năng, nhiệm vụ",
            "Những lĩnh vực Sở tham mưu và quản lý trên địa bàn tỉnh.",
            [
                "Tham mưu UBND tỉnh quản lý nhà nước về hoạt động khoa học và công nghệ, phát triển "
                "tiềm lực khoa học và công nghệ, đổi mới sáng tạo.",
                "Quản lý tiêu chuẩn, đo lường, chất lượng sản phẩm, hàng hóa; sở hữu trí tuệ; ứng "
                "dụng bức xạ và đồng vị phóng xạ; an toàn bức xạ và hạt nhân.",
                "Tổ chức tuyển chọn, giao trực tiếp, kiểm tra, đánh giá nghiệm thu và chuyển giao "
                "kết quả các nhiệm vụ khoa học và công nghệ cấp tỉnh.",
            ],
        ),
        (
            "Cơ cấu tổ chức",
            "Lãnh đạo Sở, các phòng chuyên môn và đơn vị sự nghiệp trực thuộc.",
            [
                "Lãnh đạo Sở gồm Giám đốc và các Phó Giám đốc.",
                "Các phòng chuyên môn: Văn phòng; Thanh tra; Phòng Kế hoạch - Tài chính; Phòng Quản "
                "lý khoa học; Phòng Quản lý công nghệ và chuyên ngành; Chi cục Tiêu chuẩn Đo lường "
                "Chất lượng.",
                "Đơn vị sự nghiệp: Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo; Trung tâm Ứng dụng "
                "khoa học và công nghệ.",
            ],
        ),
        (
            "Lãnh đạo Sở",
            "Thông tin liên hệ của lãnh đạo Sở.",
            [
                "Thông tin về Giám đốc và các Phó Giám đốc Sở, lĩnh vực phụ trách và số điện thoại "
                "liên hệ được cập nhật tại trang này.",
            ],
        ),
    ],
}

# People with their contacts (Decree 42 asks for them), shown on the pages below by the "Danh
# sách cán bộ" block. Placeholder names: the department enters its own.
# (name, position, unit, responsibilities, phone, email, group)
PEOPLE = [
    ("Nguyễn Văn A", "Giám đốc Sở", "", "Phụ trách chung; tổ chức cán bộ; kế hoạch, tài chính.",
     "02123.852.224", "", "lanh_dao"),
    ("Trần Thị B", "Phó Giám đốc Sở", "", "Quản lý khoa học; đổi mới sáng tạo; khởi nghiệp.",
     "02123.852.224", "", "lanh_dao"),
    ("Lê Văn C", "Phó Giám đốc Sở", "",
     "Tiêu chuẩn, đo lường, chất lượng; sở hữu trí tuệ; an toàn bức xạ.", "02123.852.224", "",
     "lanh_dao"),
    ("Phạm Thị D", "Chánh Văn phòng", "Văn phòng Sở", "", "02123.852.224", "", "truong_don_vi"),
    ("Hoàng Văn E", "Trưởng phòng", "Phòng Quản lý khoa học", "", "", "", "truong_don_vi"),
    ("Vũ Thị G", "Giám đốc", "Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo", "", "", "",
     "truong_don_vi"),
    ("Trần Thị B", "Phó Giám đốc Sở, Người phát ngôn", "",
     "Phát ngôn và cung cấp thông tin cho báo chí về hoạt động của Sở.", "02123.852.224",
     "sokhcn@sonla.gov.vn", "phat_ngon"),
    ("Đỗ Văn H", "Cán bộ đầu mối cung cấp thông tin", "Văn phòng Sở",
     "Tiếp nhận và trả lời câu hỏi, góp ý của người dân, doanh nghiệp gửi qua cổng thông tin.",
     "02123.852.224", "sokhcn@sonla.gov.vn", "dau_moi"),
]  # fmt: skip

# People's positions and units as the English pages show them.
PEOPLE_IN_ENGLISH = {
    "Giám đốc Sở": "Director",
    "Phó Giám đốc Sở": "Deputy Director",
    "Phó Giám đốc Sở, Người phát ngôn": "Deputy Director, Spokesperson",
    "Chánh Văn phòng": "Chief of Office",
    "Văn phòng Sở": "Department Office",
    "Trưởng phòng": "Head of Division",
    "Phòng Quản lý khoa học": "Science Management Division",
    "Giám đốc": "Director",
    "Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo": "Innovation and Start-up Support Centre",
    "Cán bộ đầu mối cung cấp thông tin": "Information contact point",
}

# Which information pages list which people: page title -> [(heading, group)].
PEOPLE_ON_PAGES = {
    "Cơ cấu tổ chức": [("Lãnh đạo các phòng, đơn vị", "truong_don_vi")],
    "Lãnh đạo Sở": [
        ("Lãnh đạo Sở", "lanh_dao"),
        ("Người phát ngôn", "phat_ngon"),
        ("Cán bộ đầu mối cung cấp thông tin", "dau_moi"),
    ],
}

CONTACT = {
    "title": "Liên hệ",
    "intro_html": (
        "<p>Người dân, doanh nghiệp và tổ chức có thể gửi câu hỏi, góp ý hoặc đề nghị đến Sở "
        "bằng biểu mẫu dưới đây. Sở sẽ trả lời qua thư điện tử trong thời gian sớm nhất.</p>"
    ),
    "thank_you_html": (
        "<p>Sở Khoa học và Công nghệ đã nhận được thư của bạn. Cán bộ phụ trách sẽ xem xét và "
        "trả lời qua thư điện tử bạn đã cung cấp.</p>"
    ),
    "to_address": "sokhcn@sonla.gov.vn",
    "subject": "Thư liên hệ từ cổng thông tin",
    # (label, field_type, required, choices, help_text)
    "fields": [
        ("Họ và tên", "singleline", True, "", ""),
        ("Thư điện tử", "email", True, "", "Sở trả lời vào địa chỉ này."),
        ("Số điện thoại", "singleline", False, "", ""),
        (
            "Lĩnh vực",
            "dropdown",
            True,
            "Nhiệm vụ khoa học và công nghệ\nTiêu chuẩn, đo lường, chất lượng\n"
            "Sở hữu trí tuệ\nKhởi nghiệp đổi mới sáng tạo\nKhác",
            "",
        ),
        ("Tiêu đề", "singleline", True, "", ""),
        ("Nội dung", "multiline", True, "", "Tối đa 5.000 ký tự."),
    ],
}

SECTIONS = [
    {
        "title": "Tin tức - Sự kiện",
        "slug": "tin-tuc",
        "intro": "Hoạt động của Sở và ngành khoa học và công nghệ tỉnh Sơn La.",
    },
    {
        "title": "Thông báo",
        "slug": "thong-bao",
        "intro": "Thông báo tuyển chọn, giao nhiệm vụ, lịch tiếp công dân và các thông báo khác.",
    },
    {
        "title": "Hoạt động KH&CN",
        "slug": "hoat-dong-khcn",
        "intro": "Kết quả nghiên cứu, ứng dụng và chuyển giao khoa học và công nghệ trên địa bàn.",
    },
]

WORKING_SESSION = {
    "section": "tin-tuc",
    "title": (
        "Đồng chí Nguyễn Thành Công - Phó Chủ tịch UBND tỉnh làm việc với Sở Khoa học và Công nghệ"
    ),
    "slug": "pho-chu-tich-ubnd-tinh-lam-viec-voi-so-khoa-hoc-va-cong-nghe",
    "published_on": datetime.date(2023, 6, 5),
    "summary": (
        "Ngày 05/6/2023, Phó Chủ tịch UBND tỉnh Nguyễn Thành Công làm việc với Sở Khoa học và "
        "Công nghệ, nghe báo cáo kết quả 5 tháng đầu năm và bàn nhiệm vụ trọng tâm 7 tháng cuối "
        "năm 2023."
    ),
    "caption": "Phó Chủ tịch UBND tỉnh Nguyễn Thành Công làm việc với Sở Khoa học và Công nghệ",
    "author_line": "Ánh Nguyệt - Tú Hảo",
    "views": 398,
    "tags": ["nhiệm vụ KH&CN", "thương hiệu sản phẩm"],
    "paragraphs": [
        "Cùng dự buổi làm việc có lãnh đạo Sở, các phòng chuyên môn và đơn vị trực thuộc Sở.",
        "Theo báo cáo của Sở, trong 5 tháng đầu năm 2023 Sở đã tham mưu 09 văn bản chỉ đạo về quản "
        "lý nhà nước trong lĩnh vực khoa học và công nghệ. Trong số đó có Chương trình hành động số "
        "21-CTr/TU ngày 21/3/2023 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 36-NQ/TW về phát "
        "triển và ứng dụng công nghệ sinh học, và Nghị quyết số 54/2023/NQ-HĐND ngày 18/4/2023 của "
        "HĐND tỉnh quy định nội dung, mức chi xét, tặng Giải thưởng khoa học và công nghệ tỉnh.",
        "Sở đã bàn giao 12 kết quả đề tài, dự án đã nghiệm thu cho các sở, ngành, trường đại học, "
        "cao đẳng và đơn vị trong tỉnh đưa vào ứng dụng. 29 nhiệm vụ chuyển tiếp từ năm 2021 tiếp tục "
        "được triển khai: 24 đề tài cấp tỉnh, 04 dự án thuộc Chương trình Nông thôn miền núi do Trung "
        "ương quản lý và 01 đề tài cấp thiết địa phương cấp quốc gia. Hội đồng tư vấn tuyển chọn tổ "
        "chức, cá nhân chủ trì đã họp cho 09 trong số 13 đề tài cấp tỉnh năm 2023 theo Quyết định số "
        "2423/QĐ-UBND ngày 18/11/2022 và Quyết định số 338/QĐ-UBND ngày 07/3/2023 của UBND tỉnh.",
        "Về quản lý công nghệ, Sở đang thực hiện 05 dự án xây dựng, quản lý và phát triển thương hiệu "
        "sản phẩm chủ lực chuyển tiếp từ năm 2021, 05 dự án thuộc Chương trình phát triển tài sản trí "
        "tuệ tỉnh Sơn La giai đoạn 2021 - 2025 và đến năm 2030, đồng thời phối hợp thực hiện dự án cấp "
        "quốc gia về bảo hộ, khai thác quyền sở hữu trí tuệ cho các sản phẩm, dịch vụ du lịch lòng hồ "
        "sông Đà.",
        "Sở cũng nêu các khó khăn trong phân bổ dự toán kinh phí cho nhiệm vụ được phê duyệt năm 2023 "
        "và trong xây dựng kế hoạch hằng năm của các đơn vị sự nghiệp công lập theo Nghị định số "
        "60/2021/NĐ-CP về cơ chế tự chủ tài chính.",
        "Kết luận buổi làm việc, Phó Chủ tịch UBND tỉnh ghi nhận kết quả Sở đạt được, nhất là công "
        "tác tham mưu xây dựng thương hiệu sản phẩm chủ lực. Đồng chí đề nghị Sở rà soát văn bản quy "
        "phạm pháp luật của ngành, bảo đảm đề tài, dự án thực hiện đúng quy trình và chứng minh được "
        "hiệu quả khi đưa vào sản xuất; sớm trình bổ sung dự toán cho các nhiệm vụ năm 2023; đề xuất "
        "hội nghị đánh giá công tác phát triển thương hiệu sản phẩm chủ lực giai đoạn 2020 - 2023; "
        "triển khai bộ chỉ số đổi mới sáng tạo cấp địa phương và tăng cường thanh tra, kiểm tra kinh "
        "doanh xăng dầu.",
    ],
    "quote": (
        "Đề tài, dự án phải thực hiện đúng quy trình, thủ tục và khẳng định được hiệu quả khi ứng "
        "dụng vào thực tiễn sản xuất.",
        "Phó Chủ tịch UBND tỉnh Nguyễn Thành Công",
    ),
    "table": {
        "caption": "Nhiệm vụ KH&CN chuyển tiếp từ năm 2021",
        "rows": [
            ["Loại nhiệm vụ", "Số lượng"],
            ["Đề tài cấp tỉnh", "24"],
            ["Dự án thuộc Chương trình Nông thôn miền núi", "04"],
            ["Đề tài cấp thiết địa phương cấp quốc gia", "01"],
            ["Tổng cộng", "29"],
        ],
    },
}

ARTICLE_IN_MODERATION = {
    "title": "Hội nghị triển khai nhiệm vụ khoa học và công nghệ năm 2027",
    "summary": "Dự thảo tin: Sở tổ chức hội nghị phổ biến kế hoạch và danh mục nhiệm vụ năm 2027.",
    "paragraphs": [
        "Hội nghị phổ biến kế hoạch khoa học và công nghệ năm 2027 tới các sở, ngành, huyện, thành phố.",
        "Các đơn vị được hướng dẫn quy trình đề xuất, tuyển chọn và quản lý nhiệm vụ theo quy định mới.",
    ],
    "author_line": "Ánh Nguyệt",
}

# (section slug, date, title, summary, [paragraphs], author, tags)
ARTICLES = [
    (
        "tin-tuc",
        (2026, 11, 20),
        "Sơn La tổng kết Chương trình phát triển tài sản trí tuệ giai đoạn 2021 - 2025",
        "Hội nghị đánh giá kết quả bảo hộ nhãn hiệu tập thể, chỉ dẫn địa lý cho sản phẩm chủ lực và định hướng giai đoạn đến năm 2030.",
        [
            "Sau 5 năm, nhiều sản phẩm nông sản chủ lực của tỉnh đã được bảo hộ nhãn hiệu tập thể và nhãn hiệu chứng nhận, giúp người sản xuất nâng giá trị và mở rộng thị trường.",
            "Hội nghị thống nhất tiếp tục hỗ trợ quản lý, khai thác tài sản trí tuệ sau bảo hộ, gắn với truy xuất nguồn gốc và chuyển đổi số.",
        ],
        "Minh Châu",
        ["sở hữu trí tuệ", "thương hiệu sản phẩm"],
    ),
    (
        "tin-tuc",
        (2026, 10, 28),
        "Hội thảo ứng dụng công nghệ số trong truy xuất nguồn gốc nông sản",
        "Các doanh nghiệp, hợp tác xã chia sẻ kinh nghiệm gắn tem truy xuất cho xoài, nhãn, cà phê Sơn La.",
        [
            "Hội thảo giới thiệu hệ thống truy xuất nguồn gốc dùng mã QR, giúp người tiêu dùng biết vùng trồng, quy trình chăm sóc và đơn vị đóng gói.",
            "Sở khuyến khích các hợp tác xã đăng ký tham gia để được hỗ trợ kinh phí in tem và tập huấn.",
        ],
        "Thu Hà",
        ["truy xuất nguồn gốc", "chuyển đổi số"],
    ),
    (
        "tin-tuc",
        (2026, 9, 15),
        "Lãnh đạo Sở kiểm tra mô hình trồng dâu tây tại Mộc Châu",
        "Đoàn công tác đánh giá tiến độ khảo nghiệm giống dâu tây nhập nội và giống đang trồng tại địa phương.",
        [
            "Mô hình do Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo phối hợp với doanh nghiệp thực hiện, nhằm chọn giống cho năng suất và chất lượng cao nhất trong điều kiện khí hậu Mộc Châu.",
            "Đoàn đề nghị ghi chép đầy đủ số liệu sinh trưởng để làm cơ sở đánh giá khi kết thúc vụ.",
        ],
        "Quang Huy",
        ["Mộc Châu", "khảo nghiệm giống"],
    ),
    (
        "tin-tuc",
        (2026, 8, 6),
        "Sơn La đứng trong nhóm khá về chỉ số đổi mới sáng tạo cấp địa phương",
        "Bộ chỉ số PII năm 2026 ghi nhận tỉnh cải thiện ở các trụ cột thể chế và sản phẩm sáng tạo.",
        [
            "Kết quả công bố cho thấy tỉnh có bước tiến ở trụ cột thể chế, vốn con người và sản phẩm sáng tạo.",
            "UBND tỉnh giao Sở chủ trì xây dựng kế hoạch cải thiện các chỉ số thành phần còn thấp.",
        ],
        "Minh Châu",
        ["đổi mới sáng tạo"],
    ),
    (
        "tin-tuc",
        (2026, 6, 18),
        "Trao Giải thưởng khoa học và công nghệ tỉnh Sơn La lần thứ nhất",
        "Các công trình đoạt giải tập trung vào nông nghiệp công nghệ cao, y dược và quản lý tài nguyên.",
        [
            "Giải thưởng được tổ chức theo Nghị quyết số 54/2023/NQ-HĐND của HĐND tỉnh, ghi nhận những công trình có giá trị ứng dụng thực tiễn.",
            "Hội đồng xét tặng đánh giá cao các công trình có sản phẩm đã được chuyển giao cho địa phương sử dụng.",
        ],
        "Thu Hà",
        ["giải thưởng KH&CN"],
    ),
    (
        "tin-tuc",
        (2026, 4, 9),
        "Tập huấn nghiệp vụ đo lường cho cán bộ quản lý cấp huyện",
        "Lớp tập huấn cập nhật quy định mới về đo lường, ghi nhãn hàng hóa và kinh doanh xăng dầu.",
        [
            "Học viên được hướng dẫn kiểm tra phương tiện đo trong kinh doanh xăng dầu và hàng đóng gói sẵn.",
            "Chi cục Tiêu chuẩn Đo lường Chất lượng sẽ phối hợp với các huyện trong các đợt kiểm tra định kỳ.",
        ],
        "Văn Long",
        ["đo lường", "tập huấn"],
    ),
    (
        "tin-tuc",
        (2025, 12, 22),
        "Tổng kết công tác khoa học và công nghệ năm 2025",
        "Hội nghị tổng kết năm đánh giá kết quả thực hiện nhiệm vụ và triển khai kế hoạch năm 2026.",
        [
            "Năm 2025, Sở nghiệm thu và bàn giao nhiều kết quả nhiệm vụ cho các đơn vị ứng dụng; công tác thanh tra, kiểm tra được duy trì thường xuyên.",
            "Năm 2026, ngành tập trung vào đổi mới sáng tạo, chuyển đổi số và phát triển thị trường khoa học và công nghệ.",
        ],
        "Ánh Nguyệt",
        ["tổng kết"],
    ),
    (
        "tin-tuc",
        (2025, 9, 30),
        "Ký kết hợp tác với Học viện Nông nghiệp Việt Nam",
        "Hai bên thống nhất hợp tác nghiên cứu, chuyển giao giống cây trồng và đào tạo nhân lực.",
        [
            "Thỏa thuận mở rộng hợp tác tại Khu nghiên cứu ứng dụng khoa học và công nghệ về nông lâm nghiệp huyện Mộc Châu.",
            "Học viện sẽ cử chuyên gia hỗ trợ các nhiệm vụ khoa học về giống và quy trình canh tác.",
        ],
        "Quang Huy",
        ["hợp tác"],
    ),
    (
        "tin-tuc",
        (2025, 5, 14),
        "Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Sơn La năm 2025",
        "Hơn 40 gian hàng giới thiệu sản phẩm, dự án khởi nghiệp của thanh niên, sinh viên và hợp tác xã.",
        [
            "Ngày hội kết nối các dự án khởi nghiệp với chuyên gia, nhà đầu tư và quỹ hỗ trợ.",
            "Ban tổ chức chọn 10 dự án tiêu biểu để tiếp tục được ươm tạo tại Trung tâm Hỗ trợ Khởi nghiệp.",
        ],
        "Thu Hà",
        ["khởi nghiệp"],
    ),
    (
        "tin-tuc",
        (2024, 11, 8),
        "Kiểm tra an toàn bức xạ tại các cơ sở y tế",
        "Đoàn kiểm tra làm việc với các bệnh viện có sử dụng thiết bị X-quang trên địa bàn tỉnh.",
        [
            "Các cơ sở được kiểm tra giấy phép, hồ sơ theo dõi liều chiếu xạ cá nhân và kế hoạch ứng phó sự cố.",
            "Đoàn yêu cầu một số đơn vị bổ sung hồ sơ trong thời hạn quy định.",
        ],
        "Văn Long",
        ["an toàn bức xạ"],
    ),
    (
        "tin-tuc",
        (2023, 11, 17),
        "Hội nghị đánh giá công tác phát triển thương hiệu sản phẩm chủ lực giai đoạn 2020 - 2023",
        "Hội nghị nhìn lại kết quả xây dựng, quản lý và phát triển thương hiệu cho các sản phẩm chủ lực của tỉnh.",
        [
            "Nhiều sản phẩm như xoài, nhãn, cà phê, chè đã có nhãn hiệu được bảo hộ và được quảng bá tại các hội chợ trong và ngoài nước.",
            "Hội nghị thống nhất giải pháp duy trì chất lượng và quản lý việc sử dụng nhãn hiệu sau bảo hộ.",
        ],
        "Ánh Nguyệt - Tú Hảo",
        ["thương hiệu sản phẩm"],
    ),
    (
        "thong-bao",
        (2026, 11, 12),
        "Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp tỉnh năm 2027",
        "Sở thông báo danh mục đề tài, dự án đặt hàng và thời hạn nộp hồ sơ tuyển chọn.",
        [
            "Hồ sơ gồm thuyết minh nhiệm vụ, năng lực của tổ chức chủ trì và lý lịch khoa học của chủ nhiệm nhiệm vụ.",
            "Hồ sơ nộp trực tiếp tại Văn phòng Sở hoặc qua đường bưu điện trước ngày 31/12/2026.",
        ],
        "",
        ["tuyển chọn", "nhiệm vụ KH&CN"],
    ),
    (
        "thong-bao",
        (2026, 10, 5),
        "Lịch tiếp công dân của lãnh đạo Sở quý IV năm 2026",
        "Lãnh đạo Sở tiếp công dân định kỳ vào ngày thứ Năm của tuần thứ hai mỗi tháng.",
        [
            "Địa điểm tiếp công dân: phòng tiếp dân của Sở, tầng 3, tòa nhà 6T1.",
            "Công dân đến liên hệ mang theo giấy tờ tùy thân và tài liệu liên quan.",
        ],
        "",
        ["tiếp công dân"],
    ),
    (
        "thong-bao",
        (2026, 9, 2),
        "Thông báo kết quả xét giao trực tiếp nhiệm vụ KH&CN năm 2026",
        "Danh sách tổ chức được giao trực tiếp chủ trì các nhiệm vụ khoa học và công nghệ cấp tỉnh.",
        [
            "Các tổ chức có tên trong danh sách hoàn thiện thuyết minh theo ý kiến của hội đồng.",
            "Sở sẽ tổ chức thẩm định kinh phí sau khi nhận đủ hồ sơ hoàn thiện.",
        ],
        "",
        ["nhiệm vụ KH&CN"],
    ),
    (
        "thong-bao",
        (2026, 7, 21),
        "Mời đăng ký tham gia Chương trình hỗ trợ doanh nghiệp nâng cao năng suất, chất lượng",
        "Doanh nghiệp được hỗ trợ áp dụng hệ thống quản lý, công cụ cải tiến năng suất.",
        [
            "Chương trình hỗ trợ chi phí tư vấn áp dụng tiêu chuẩn quản lý và công cụ cải tiến năng suất.",
            "Doanh nghiệp quan tâm gửi phiếu đăng ký về Chi cục Tiêu chuẩn Đo lường Chất lượng.",
        ],
        "",
        ["năng suất chất lượng"],
    ),
    (
        "thong-bao",
        (2026, 5, 11),
        "Thông báo về việc đánh giá nghiệm thu đề tài cấp tỉnh đợt I năm 2026",
        "Lịch họp hội đồng đánh giá, nghiệm thu các đề tài đã kết thúc thời gian thực hiện.",
        [
            "Chủ nhiệm đề tài nộp báo cáo tổng hợp và sản phẩm trước ngày họp hội đồng ít nhất 10 ngày.",
            "Các phiên họp hội đồng được tổ chức công khai theo quy định.",
        ],
        "",
        ["nghiệm thu"],
    ),
    (
        "thong-bao",
        (2026, 3, 3),
        "Thông báo nghỉ Tết và lịch trực cơ quan",
        "Sở bố trí cán bộ trực để giải quyết công việc phát sinh trong thời gian nghỉ.",
        [
            "Trong thời gian nghỉ, công việc khẩn cấp liên hệ số điện thoại trực của Văn phòng Sở.",
            "Các bộ phận chuẩn bị đầy đủ điều kiện để làm việc bình thường sau kỳ nghỉ.",
        ],
        "",
        [],
    ),
    (
        "thong-bao",
        (2025, 11, 25),
        "Thông báo đăng ký kiểm định phương tiện đo năm 2026",
        "Các cơ sở kinh doanh đăng ký lịch kiểm định cột đo xăng dầu, cân thương mại.",
        [
            "Chi cục Tiêu chuẩn Đo lường Chất lượng tiếp nhận đăng ký đến hết tháng 12/2025.",
            "Phương tiện đo quá hạn kiểm định không được sử dụng trong mua bán.",
        ],
        "",
        ["đo lường"],
    ),
    (
        "thong-bao",
        (2025, 6, 16),
        "Thông báo tuyển dụng viên chức năm 2025",
        "Trung tâm Ứng dụng khoa học và công nghệ tuyển dụng viên chức làm việc tại phòng thí nghiệm.",
        [
            "Ứng viên có trình độ đại học trở lên, chuyên ngành phù hợp với vị trí dự tuyển.",
            "Hồ sơ nộp tại Văn phòng Sở trong giờ hành chính.",
        ],
        "",
        ["tuyển dụng"],
    ),
    (
        "thong-bao",
        (2024, 12, 2),
        "Thông báo danh mục nhiệm vụ KH&CN đặt hàng năm 2025",
        "Danh mục được UBND tỉnh phê duyệt, làm căn cứ tổ chức tuyển chọn và giao trực tiếp.",
        [
            "Danh mục gồm các đề tài về nông nghiệp, y dược, công nghệ thông tin và quản lý xã hội.",
            "Tổ chức, cá nhân quan tâm xem chi tiết tại Văn phòng Sở.",
        ],
        "",
        ["nhiệm vụ KH&CN"],
    ),
    (
        "hoat-dong-khcn",
        (2026, 11, 3),
        "Nghiệm thu đề tài chọn tạo giống cà phê chè năng suất cao",
        "Hội đồng đánh giá đề tài đạt yêu cầu, giống mới phù hợp vùng trồng Thuận Châu, Mai Sơn.",
        [
            "Đề tài tuyển chọn được các dòng cà phê chè có năng suất, khả năng kháng bệnh gỉ sắt tốt.",
            "Kết quả sẽ được bàn giao cho ngành nông nghiệp để nhân rộng.",
        ],
        "Quang Huy",
        ["nghiệm thu", "cà phê"],
    ),
    (
        "hoat-dong-khcn",
        (2026, 9, 24),
        "Bàn giao kết quả đề tài quản lý dịch hại tổng hợp trên cây xoài",
        "Quy trình quản lý dịch hại tổng hợp được chuyển giao cho các hợp tác xã trồng xoài.",
        [
            "Quy trình giúp giảm lượng thuốc bảo vệ thực vật, bảo đảm xoài đạt yêu cầu xuất khẩu.",
            "Các hợp tác xã nhận bàn giao cam kết áp dụng trên diện tích được chứng nhận.",
        ],
        "Thu Hà",
        ["bàn giao", "xoài"],
    ),
    (
        "hoat-dong-khcn",
        (2026, 7, 9),
        "Ứng dụng công nghệ sinh học nhân giống lan bản địa",
        "Phòng thí nghiệm của Trung tâm Ứng dụng KH&CN nhân thành công một số loài lan rừng Sơn La.",
        [
            "Kỹ thuật nuôi cấy mô giúp bảo tồn nguồn gen và cung cấp cây giống sạch bệnh.",
            "Trung tâm dự kiến chuyển giao quy trình cho các hộ trồng hoa tại Mộc Châu.",
        ],
        "Văn Long",
        ["công nghệ sinh học"],
    ),
    (
        "hoat-dong-khcn",
        (2026, 5, 27),
        "Hội đồng tư vấn tuyển chọn nhiệm vụ KH&CN cấp tỉnh thực hiện năm 2026",
        "Các hội đồng xem xét hồ sơ của tổ chức, cá nhân đăng ký chủ trì 11 đề tài.",
        [
            "Hội đồng đánh giá tính cấp thiết, mục tiêu, phương pháp và năng lực của tổ chức chủ trì.",
            "Kết quả tuyển chọn được công khai trên cổng thông tin của Sở.",
        ],
        "Minh Châu",
        ["tuyển chọn"],
    ),
    (
        "hoat-dong-khcn",
        (2026, 2, 26),
        "Mô hình nuôi cá lồng công nghệ cao trên lòng hồ sông Đà",
        "Dự án thuộc Chương trình Nông thôn miền núi đưa công nghệ lồng nuôi mới vào sản xuất.",
        [
            "Lồng nuôi bằng vật liệu bền, có hệ thống theo dõi môi trường nước giúp giảm rủi ro dịch bệnh.",
            "Nhiều hộ dân vùng lòng hồ đã tham gia mô hình và được tập huấn kỹ thuật.",
        ],
        "Quang Huy",
        ["nông thôn miền núi", "thủy sản"],
    ),
    (
        "hoat-dong-khcn",
        (2025, 10, 14),
        "Đánh giá giữa kỳ đề tài bảo tồn nguồn gen cây thuốc quý",
        "Đoàn kiểm tra ghi nhận đề tài thực hiện đúng tiến độ, vườn bảo tồn sinh trưởng tốt.",
        [
            "Đề tài thu thập và bảo tồn các loài cây thuốc quý tại vùng núi cao của tỉnh.",
            "Đoàn đề nghị hoàn thiện bộ dữ liệu mô tả để phục vụ khai thác bền vững.",
        ],
        "Văn Long",
        ["y dược", "bảo tồn nguồn gen"],
    ),
    (
        "hoat-dong-khcn",
        (2025, 7, 2),
        "Chuyển giao quy trình sản xuất phân bón hữu cơ từ phụ phẩm nông nghiệp",
        "Quy trình tận dụng vỏ cà phê và thân cây ngô để làm phân hữu cơ vi sinh.",
        [
            "Kết quả đề tài giúp giảm ô nhiễm môi trường do phụ phẩm và giảm chi phí phân bón cho nông dân.",
            "Các hợp tác xã được hướng dẫn trực tiếp tại cơ sở.",
        ],
        "Thu Hà",
        ["bàn giao", "nông nghiệp"],
    ),
    (
        "hoat-dong-khcn",
        (2025, 3, 18),
        "Ứng dụng bản đồ số quản lý vùng trồng cây ăn quả",
        "Hệ thống thông tin địa lý giúp địa phương theo dõi diện tích, mã số vùng trồng.",
        [
            "Bản đồ số được cập nhật từ dữ liệu điều tra thực địa và ảnh vệ tinh.",
            "Cán bộ nông nghiệp cấp huyện được tập huấn sử dụng và cập nhật dữ liệu.",
        ],
        "Minh Châu",
        ["chuyển đổi số", "nông nghiệp"],
    ),
    (
        "hoat-dong-khcn",
        (2024, 9, 10),
        "Nghiệm thu dự án xây dựng nhãn hiệu chứng nhận chè Shan tuyết",
        "Nhãn hiệu chứng nhận giúp nâng cao giá trị chè Shan tuyết vùng cao.",
        [
            "Dự án xây dựng quy chế quản lý, hệ thống tem nhãn và kiểm soát chất lượng sản phẩm.",
            "Người trồng chè được hướng dẫn quy trình để sử dụng nhãn hiệu chứng nhận.",
        ],
        "Ánh Nguyệt",
        ["sở hữu trí tuệ", "chè"],
    ),
    (
        "hoat-dong-khcn",
        (2023, 8, 22),
        "Kết quả đề tài nghiên cứu giống dâu tây thích hợp với Mộc Châu",
        "Đề tài bước đầu xác định được giống cho năng suất và chất lượng quả tốt.",
        [
            "Kết quả khảo nghiệm được đánh giá qua hai vụ trồng liên tiếp.",
            "Đề tài được gia hạn để hoàn thiện quy trình canh tác theo kết luận của UBND tỉnh.",
        ],
        "Tú Hảo",
        ["khảo nghiệm giống", "Mộc Châu"],
    ),
]


# The English pages (/en/): the organization, its functions, its leaders and the contact form,
# translated from the Vietnamese pages of the same place in the tree.
# Vietnamese page (slug path below home) -> (English slug, title, intro, paragraphs).
ENGLISH_HOME = {
    "title": "Son La Department of Science and Technology",
    "tagline": "Science and technology for the development of Son La province",
}
ENGLISH_PAGES = {
    "gioi-thieu": (
        "about",
        "About the Department",
        "The Department of Science and Technology of Son La province.",
        [
            "The Department of Science and Technology is a specialised agency of the People's "
            "Committee of Son La province. It advises the Committee on science, technology and "
            "innovation; standards, metrology and quality; intellectual property; and radiation "
            "and nuclear safety in the province.",
            "Its office is at Tay Bac Square, Son La City. Citizens and businesses may visit, call, "
            "or write through the contact page of this portal.",
        ],
    ),
    "gioi-thieu/chuc-nang-nhiem-vu": (
        "functions-and-tasks",
        "Functions and tasks",
        "What the Department advises on and manages in the province.",
        [
            "Advising the Provincial People's Committee on state management of science, "
            "technology and innovation, and on developing the province's capacity for them.",
            "Managing standards, metrology and the quality of products and goods; intellectual "
            "property; the use of radiation and radioisotopes; radiation and nuclear safety.",
            "Selecting, assigning, monitoring, evaluating and transferring the results of "
            "provincial science and technology projects.",
        ],
    ),
    "gioi-thieu/co-cau-to-chuc": (
        "organization",
        "Organization",
        "The Department's leaders, divisions and affiliated units.",
        [
            "The Department is led by a Director and Deputy Directors.",
            "Divisions: Office; Inspectorate; Planning and Finance; Science Management; "
            "Technology Management; Sub-department of Standards, Metrology and Quality.",
            "Affiliated units: Innovation and Start-up Support Centre; Centre for the "
            "Application of Science and Technology.",
        ],
    ),
    "gioi-thieu/lanh-dao-so": (
        "leadership",
        "Leadership",
        "The Department's leaders and contact points.",
        [
            "Names, positions, areas of responsibility and phone numbers of the Department's leaders."
        ],
    ),
    "lien-he": (
        "contact",
        "Contact",
        "Write to the Department.",
        [],
    ),
}
# Vietnamese label -> (English label, English choices or "", English help text or "").
ENGLISH_CONTACT_FIELDS = {
    "Họ và tên": ("Full name", "", ""),
    "Thư điện tử": ("Email", "", "The Department replies to this address."),
    "Số điện thoại": ("Phone", "", ""),
    "Lĩnh vực": (
        "Topic",
        "Science and technology projects\nStandards, metrology and quality\n"
        "Intellectual property\nInnovation and start-ups\nOther",
        "",
    ),
    "Tiêu đề": ("Subject", "", ""),
    "Nội dung": ("Message", "", "At most 5,000 characters."),
}
ENGLISH_HEADINGS = {
    "Lãnh đạo Sở": "Leadership",
    "Người phát ngôn": "Spokesperson",
    "Cán bộ đầu mối cung cấp thông tin": "Information contact point",
    "Lãnh đạo các phòng, đơn vị": "Heads of divisions and units",
}
ENGLISH_THANK_YOU = "<p>The Department has received your message. Thank you for writing.</p>"

# The "Công khai" page and the pages under it (Decree 42/2022/NĐ-CP; Law on Access to
# Information 2016).
DISCLOSURE = {
    "title": "Công khai",
    "slug": "cong-khai",
    "intro": (
        "Dự toán, quyết toán ngân sách, kế hoạch và kết quả lựa chọn nhà thầu, báo cáo thống kê "
        "của Sở, theo năm; danh mục thông tin Sở phải công khai và cách yêu cầu cung cấp thông tin."
    ),
}
# (group of information, legal basis, where readers find it, how often it is updated)
DISCLOSURE_LIST = {
    "title": "Danh mục thông tin phải được công khai",
    "intro": "Những thông tin Sở công khai trên cổng, căn cứ, nơi đăng và thời hạn cập nhật.",
    "rows": [
        ["Nhóm thông tin", "Căn cứ", "Nơi đăng trên cổng", "Cập nhật"],
        ["Chức năng, nhiệm vụ, cơ cấu tổ chức; lãnh đạo và người phát ngôn",
         "Nghị định 42/2022/NĐ-CP", "Giới thiệu", "Khi có thay đổi"],
        ["Văn bản quy phạm pháp luật, văn bản chỉ đạo, điều hành",
         "Luật Tiếp cận thông tin 2016", "Văn bản", "Khi ban hành"],
        ["Thủ tục hành chính", "Nghị định 42/2022/NĐ-CP", "Thủ tục hành chính",
         "Khi có quyết định công bố"],
        ["Chương trình, đề tài, dự án khoa học và công nghệ", "Nghị định 42/2022/NĐ-CP",
         "Danh mục nhiệm vụ KH&CN", "Khi có quyết định"],
        ["Dự toán, quyết toán ngân sách", "Luật Ngân sách nhà nước 2015", "Công khai",
         "Theo thời hạn công khai ngân sách"],
        ["Kế hoạch và kết quả lựa chọn nhà thầu", "Luật Đấu thầu 2023", "Công khai",
         "Khi phê duyệt"],
        ["Báo cáo thống kê", "Luật Thống kê 2015", "Công khai", "Theo kỳ báo cáo"],
        ["Tin tức, thông báo, lịch tuyển chọn nhiệm vụ", "Nghị định 42/2022/NĐ-CP",
         "Tin tức - Sự kiện, Thông báo", "Thường xuyên"],
    ],
}  # fmt: skip
INFORMATION_REQUEST = {
    "title": "Yêu cầu cung cấp thông tin",
    "slug": "yeu-cau-cung-cap-thong-tin",
    "intro_html": (
        "<p>Công dân có quyền yêu cầu Sở cung cấp thông tin theo Luật Tiếp cận thông tin năm "
        "2016. Điền phiếu dưới đây; Sở trả lời trong thời hạn luật định qua hình thức bạn chọn. "
        "Thông tin cá nhân chỉ dùng để trả lời yêu cầu này và không được công bố.</p>"
    ),
    "thank_you_html": (
        "<p>Sở đã nhận phiếu yêu cầu cung cấp thông tin của bạn. Cán bộ đầu mối sẽ liên hệ theo "
        "địa chỉ bạn đã ghi.</p>"
    ),
    "subject": "Phiếu yêu cầu cung cấp thông tin",
    # (label, field_type, required, choices, help_text)
    "fields": [
        ("Họ và tên", "singleline", True, "", ""),
        ("Số định danh cá nhân", "singleline", True, "", "Số căn cước hoặc hộ chiếu."),
        ("Nơi cư trú", "singleline", True, "", ""),
        ("Số điện thoại", "singleline", False, "", ""),
        ("Thư điện tử", "email", True, "", "Sở liên hệ qua địa chỉ này."),
        ("Thông tin cần cung cấp", "multiline", True, "", "Tên văn bản, hồ sơ, tài liệu cần có."),
        ("Mục đích sử dụng thông tin", "multiline", True, "", ""),
        ("Hình thức nhận thông tin", "dropdown", True,
         "Thư điện tử\nBản giấy gửi qua bưu chính\nNhận trực tiếp tại Sở", ""),
        ("Đồng ý xử lý dữ liệu cá nhân", "checkbox", True, "",
         "Tôi đồng ý để Sở dùng thông tin trên để trả lời yêu cầu này (Nghị định 13/2023/NĐ-CP)."),
    ],
}  # fmt: skip
