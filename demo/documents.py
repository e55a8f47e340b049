"""Official documents for the demo library, typeset locally as one-page PDFs with Pillow and the
site's own Be Vietnam Pro (its latin and vietnamese subsets, picked per character)."""

import io
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path(settings.BASE_DIR) / "site_config" / "static" / "fonts"
_VIETNAMESE_RANGES = (
    (0x0102, 0x0103),
    (0x0110, 0x0111),
    (0x0128, 0x0129),
    (0x0168, 0x0169),
    (0x01A0, 0x01A1),
    (0x01AF, 0x01B0),
    (0x0300, 0x0301),
    (0x0303, 0x0304),
    (0x0308, 0x0309),
    (0x0323, 0x0323),
    (0x0329, 0x0329),
    (0x1EA0, 0x1EF9),
    (0x20AB, 0x20AB),
)
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 140

# number, type, issued (y, m, d), issuer, signer, title, summary
DOCUMENTS = [
    (
        "2423/QĐ-UBND",
        "quyet_dinh",
        (2022, 11, 18),
        "UBND tỉnh Sơn La",
        "Nguyễn Thành Công",
        "Quyết định phê duyệt danh mục nhiệm vụ KH&CN cấp tỉnh thực hiện từ năm 2023",
        "Phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng để tuyển chọn tổ chức, cá nhân chủ trì thực hiện từ năm 2023.",
    ),
    (
        "338/QĐ-UBND",
        "quyet_dinh",
        (2023, 3, 7),
        "UBND tỉnh Sơn La",
        "Nguyễn Thành Công",
        "Quyết định bổ sung danh mục nhiệm vụ KH&CN cấp tỉnh năm 2023",
        "Bổ sung danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh thực hiện năm 2023.",
    ),
    (
        "54/2023/NQ-HĐND",
        "nghi_quyet",
        (2023, 4, 18),
        "HĐND tỉnh Sơn La",
        "Chủ tịch HĐND tỉnh",
        "Nghị quyết quy định nội dung, mức chi xét, tặng Giải thưởng KH&CN tỉnh Sơn La",
        "Quy định nội dung, mức chi xét, tặng Giải thưởng khoa học và công nghệ tỉnh Sơn La.",
    ),
    (
        "21-CTr/TU",
        "chuong_trinh",
        (2023, 3, 21),
        "Ban Thường vụ Tỉnh ủy Sơn La",
        "Phó Bí thư Tỉnh ủy",
        "Chương trình hành động thực hiện Nghị quyết số 36-NQ/TW về công nghệ sinh học",
        "Chương trình hành động thực hiện Nghị quyết số 36-NQ/TW của Bộ Chính trị về phát triển và ứng dụng công nghệ sinh học phục vụ phát triển bền vững đất nước trong tình hình mới.",
    ),
    (
        "60/2021/NĐ-CP",
        "nghi_dinh",
        (2021, 6, 21),
        "Chính phủ",
        "Thủ tướng Chính phủ",
        "Nghị định quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
        "Quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập.",
    ),
    (
        "145/KH-SKHCN",
        "ke_hoach",
        (2026, 1, 15),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Kế hoạch hoạt động khoa học và công nghệ năm 2026",
        "Kế hoạch triển khai các nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo trọng tâm năm 2026.",
    ),
    (
        "89/BC-SKHCN",
        "bao_cao",
        (2025, 12, 10),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Báo cáo tổng kết công tác khoa học và công nghệ năm 2025",
        "Kết quả thực hiện nhiệm vụ khoa học và công nghệ năm 2025, phương hướng nhiệm vụ năm 2026.",
    ),
    (
        "1022/QĐ-UBND",
        "quyet_dinh",
        (2021, 5, 20),
        "UBND tỉnh Sơn La",
        "Chủ tịch UBND tỉnh",
        "Quyết định ban hành Chương trình phát triển tài sản trí tuệ giai đoạn 2021 - 2025",
        "Ban hành Chương trình phát triển tài sản trí tuệ trên địa bàn tỉnh Sơn La giai đoạn 2021 - 2025 và đến năm 2030.",
    ),
    (
        "312/TB-SKHCN",
        "thong_bao",
        (2026, 11, 12),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Phó Giám đốc Sở",
        "Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp tỉnh năm 2027",
        "Thông báo danh mục nhiệm vụ đặt hàng, hồ sơ và thời hạn nộp hồ sơ tuyển chọn năm 2027.",
    ),
    (
        "05/HD-SKHCN",
        "huong_dan",
        (2024, 3, 4),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Phó Giám đốc Sở",
        "Hướng dẫn xây dựng thuyết minh nhiệm vụ khoa học và công nghệ cấp tỉnh",
        "Hướng dẫn nội dung, biểu mẫu thuyết minh và dự toán kinh phí nhiệm vụ khoa học và công nghệ cấp tỉnh.",
    ),
    (
        "1568/SKHCN-QLKH",
        "cong_van",
        (2025, 9, 8),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Phó Giám đốc Sở",
        "Công văn đề xuất nhiệm vụ khoa học và công nghệ năm 2027",
        "Đề nghị các sở, ngành, UBND các huyện, thành phố đề xuất đặt hàng nhiệm vụ khoa học và công nghệ năm 2027.",
    ),
    (
        "02/CT-UBND",
        "chi_thi",
        (2024, 2, 26),
        "UBND tỉnh Sơn La",
        "Chủ tịch UBND tỉnh",
        "Chỉ thị tăng cường công tác quản lý đo lường, chất lượng trên địa bàn tỉnh",
        "Tăng cường công tác quản lý nhà nước về đo lường, chất lượng sản phẩm, hàng hóa trên địa bàn tỉnh.",
    ),
    (
        "2105/QĐ-UBND",
        "quyet_dinh",
        (2025, 10, 2),
        "UBND tỉnh Sơn La",
        "Phó Chủ tịch UBND tỉnh",
        "Quyết định giao nhiệm vụ KH&CN cấp tỉnh thực hiện từ năm 2026",
        "Giao tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh từ năm 2026.",
    ),
    (
        "48/KH-UBND",
        "ke_hoach",
        (2024, 3, 15),
        "UBND tỉnh Sơn La",
        "Phó Chủ tịch UBND tỉnh",
        "Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo năm 2024",
        "Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Sơn La năm 2024.",
    ),
    (
        "Mẫu B1-2-TMĐT",
        "bieu_mau",
        (2024, 3, 4),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "",
        "Mẫu thuyết minh đề tài nghiên cứu ứng dụng",
        "Biểu mẫu thuyết minh đề tài nghiên cứu ứng dụng và phát triển công nghệ cấp tỉnh.",
    ),
    (
        "97/BC-SKHCN",
        "bao_cao",
        (2023, 6, 2),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Báo cáo kết quả thực hiện nhiệm vụ 5 tháng đầu năm 2023",
        "Kết quả 5 tháng đầu năm và nhiệm vụ trọng tâm 7 tháng cuối năm 2023, báo cáo tại buổi làm việc với UBND tỉnh ngày 05/6/2023.",
    ),
    # What the department discloses ("Công khai"): budget, procurement, statistics.
    (
        "35/QĐ-SKHCN",
        "du_toan",
        (2025, 1, 10),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Quyết định công bố công khai dự toán ngân sách năm 2025",
        "Công bố công khai dự toán thu, chi ngân sách nhà nước năm 2025 của Sở Khoa học và Công nghệ.",
    ),
    (
        "28/QĐ-SKHCN",
        "du_toan",
        (2026, 1, 12),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Quyết định công bố công khai dự toán ngân sách năm 2026",
        "Công bố công khai dự toán thu, chi ngân sách nhà nước năm 2026 của Sở Khoa học và Công nghệ.",
    ),
    (
        "112/QĐ-SKHCN",
        "quyet_toan",
        (2025, 6, 20),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Quyết định công bố công khai quyết toán ngân sách năm 2024",
        "Công bố công khai số liệu quyết toán ngân sách nhà nước năm 2024 của Sở Khoa học và Công nghệ.",
    ),
    (
        "76/QĐ-SKHCN",
        "ke_hoach_lcnt",
        (2025, 4, 2),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Quyết định phê duyệt kế hoạch lựa chọn nhà thầu mua sắm thiết bị thử nghiệm năm 2025",
        "Phê duyệt kế hoạch lựa chọn nhà thầu gói thầu mua sắm thiết bị thử nghiệm, kiểm định phương tiện đo năm 2025.",
    ),
    (
        "141/QĐ-SKHCN",
        "ket_qua_lcnt",
        (2025, 7, 15),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Quyết định phê duyệt kết quả lựa chọn nhà thầu mua sắm thiết bị thử nghiệm năm 2025",
        "Phê duyệt kết quả lựa chọn nhà thầu gói thầu mua sắm thiết bị thử nghiệm, kiểm định phương tiện đo năm 2025.",
    ),
    (
        "95/BC-SKHCN",
        "bao_cao_thong_ke",
        (2025, 12, 28),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Giám đốc Sở",
        "Báo cáo thống kê cơ sở về khoa học và công nghệ năm 2025",
        "Số liệu thống kê cơ sở về tổ chức, nhân lực, kinh phí và kết quả hoạt động khoa học và công nghệ năm 2025.",
    ),
    (
        "18/BC-SKHCN",
        "bao_cao_thong_ke",
        (2026, 4, 10),
        "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "Phó Giám đốc Sở",
        "Báo cáo thống kê bưu chính, viễn thông và chuyển đổi số quý I năm 2026",
        "Số liệu thống kê về bưu chính, viễn thông, công nghệ thông tin và chuyển đổi số trên địa bàn tỉnh quý I năm 2026.",
    ),
]

# Field, date in force and official copy, where the demo gives them: number -> details.
DOCUMENT_DETAILS = {
    "2423/QĐ-UBND": {"sector": "khoa_hoc_cong_nghe", "effective_from": (2022, 11, 18)},
    "338/QĐ-UBND": {"sector": "khoa_hoc_cong_nghe", "effective_from": (2023, 3, 7)},
    "54/2023/NQ-HĐND": {"sector": "khoa_hoc_cong_nghe", "effective_from": (2023, 5, 1)},
    "60/2021/NĐ-CP": {
        "sector": "tai_chinh",
        "effective_from": (2021, 8, 15),
        "official_url": "https://vbpl.vn/pages/vbpq-timkiem.aspx?Keyword=60%2F2021%2FN%C4%90-CP",
    },
    "1022/QĐ-UBND": {"sector": "so_huu_tri_tue", "effective_from": (2021, 5, 20)},
    "02/CT-UBND": {"sector": "tieu_chuan_do_luong", "effective_from": (2024, 2, 26)},
    "2105/QĐ-UBND": {"sector": "khoa_hoc_cong_nghe", "effective_from": (2025, 10, 2)},
    "35/QĐ-SKHCN": {"sector": "tai_chinh"},
    "28/QĐ-SKHCN": {"sector": "tai_chinh"},
    "112/QĐ-SKHCN": {"sector": "tai_chinh"},
    "76/QĐ-SKHCN": {"sector": "tai_chinh"},
    "141/QĐ-SKHCN": {"sector": "tai_chinh"},
    "95/BC-SKHCN": {"sector": "khoa_hoc_cong_nghe"},
    "18/BC-SKHCN": {"sector": "chuyen_doi_so"},
}


def _fonts(size, bold=False):
    weight = 700 if bold else 400
    return (
        ImageFont.truetype(str(FONT_DIR / f"be-vietnam-pro-latin-{weight}-normal.woff2"), size),
        ImageFont.truetype(
            str(FONT_DIR / f"be-vietnam-pro-vietnamese-{weight}-normal.woff2"), size
        ),
    )


def _font_for(char, fonts):
    code = ord(char)
    vietnamese = any(start <= code <= end for start, end in _VIETNAMESE_RANGES)
    return fonts[1] if vietnamese else fonts[0]


def _width(text, fonts):
    return sum(_font_for(char, fonts).getlength(char) for char in text)


def _draw(draw, position, text, fonts, centre_on=None):
    x, y = position
    if centre_on is not None:
        x = centre_on - _width(text, fonts) / 2
    for char in text:
        font = _font_for(char, fonts)
        draw.text((x, y), char, font=font, fill="black")
        x += font.getlength(char)


def _wrap(text, fonts, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if _width(candidate, fonts) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def draw_document_pdf(number, issuer, issued_on, title, summary, signer):
    page = Image.new("RGB", PAGE, "white")
    draw = ImageDraw.Draw(page)
    small, small_bold = _fonts(24), _fonts(24, bold=True)
    body, heading = _fonts(28), _fonts(34, bold=True)
    left_centre, right_centre = MARGIN + 230, PAGE[0] - MARGIN - 260
    _draw(draw, (0, MARGIN), issuer.upper(), small_bold, centre_on=left_centre)
    _draw(draw, (0, MARGIN + 40), f"Số: {number}", small, centre_on=left_centre)
    _draw(
        draw, (0, MARGIN), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", small_bold, centre_on=right_centre
    )
    _draw(draw, (0, MARGIN + 40), "Độc lập - Tự do - Hạnh phúc", small_bold, centre_on=right_centre)
    _draw(
        draw,
        (0, MARGIN + 90),
        f"Sơn La, ngày {issued_on:%d} tháng {issued_on.month} năm {issued_on.year}",
        small,
        centre_on=right_centre,
    )
    y = MARGIN + 220
    for line in _wrap(title.upper(), heading, PAGE[0] - 2 * MARGIN):
        _draw(draw, (0, y), line, heading, centre_on=PAGE[0] / 2)
        y += 52
    y += 40
    for line in _wrap(summary, body, PAGE[0] - 2 * MARGIN):
        _draw(draw, (MARGIN, y), line, body)
        y += 44
    y += 30
    note = "Văn bản mẫu của cổng thông tin điện tử, dùng để minh họa thư viện văn bản."
    for line in _wrap(note, small, PAGE[0] - 2 * MARGIN):
        _draw(draw, (MARGIN, y), line, small)
        y += 36
    if signer:
        _draw(draw, (0, y + 120), signer.upper(), small_bold, centre_on=right_centre)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()
