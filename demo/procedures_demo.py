"""Demo of the administrative procedures catalogue (/thu-tuc-hanh-chinh/): procedures of each of
the department's fields, named as the province's decisions name them. Their codes, fees and
times are examples, not the national catalogue's: every one is marked `is_example`, and its page
says so. Idempotent: a procedure whose code exists is kept."""

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Site

from procedures.importing import cited_documents
from procedures.models import (
    ProcedureForm,
    ProcedureIndexPage,
    ProcedureLegalDocument,
    ProcedurePage,
    ServiceLevel,
)

CATALOGUE = {
    "title": "Thủ tục hành chính",
    "slug": "thu-tuc-hanh-chinh",
    "intro": (
        "Các thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ: khoa "
        "học và công nghệ, sở hữu trí tuệ, tiêu chuẩn đo lường chất lượng, an toàn bức xạ, công "
        "nghệ thông tin và chuyển đổi số, bưu chính, viễn thông."
    ),
    "provincial_portal_url": "https://dichvucong.sonla.gov.vn",
    "tracking_url": "https://dichvucong.sonla.gov.vn",
}

FULL, PARTIAL, NONE = ServiceLevel.FULL, ServiceLevel.PARTIAL, ServiceLevel.NONE
ORGANIZATIONS = "Tổ chức, doanh nghiệp"
PEOPLE_AND_ORGANIZATIONS = "Cá nhân, tổ chức, doanh nghiệp"
MEDICAL = "Cơ sở y tế sử dụng thiết bị X-quang chẩn đoán"

# sector -> [(name, level, processing time, applicants)]
PROCEDURES = {
    "khoa_hoc_cong_nghe": [
        ("Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công nghệ",
         PARTIAL, "15 ngày làm việc", ORGANIZATIONS),
        ("Cấp thay đổi nội dung, cấp lại Giấy chứng nhận đăng ký hoạt động của tổ chức khoa học "
         "và công nghệ", FULL, "10 ngày làm việc", ORGANIZATIONS),
        ("Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", PARTIAL, "7 ngày làm việc",
         "Doanh nghiệp"),
        ("Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước",
         FULL, "5 ngày làm việc", PEOPLE_AND_ORGANIZATIONS),
        ("Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà "
         "nước", FULL, "5 ngày làm việc", PEOPLE_AND_ORGANIZATIONS),
        ("Giao quyền sở hữu, quyền sử dụng kết quả nghiên cứu khoa học và phát triển công nghệ "
         "sử dụng ngân sách nhà nước", NONE, "30 ngày", ORGANIZATIONS),
        ("Công nhận kết quả nghiên cứu khoa học và phát triển công nghệ do tổ chức, cá nhân tự "
         "đầu tư nghiên cứu", PARTIAL, "30 ngày", PEOPLE_AND_ORGANIZATIONS),
    ],
    "chuyen_giao_cong_nghe": [
        ("Cấp Giấy chứng nhận đăng ký chuyển giao công nghệ", PARTIAL, "5 ngày làm việc",
         PEOPLE_AND_ORGANIZATIONS),
        ("Cấp Giấy chứng nhận đăng ký gia hạn, sửa đổi, bổ sung nội dung chuyển giao công nghệ",
         PARTIAL, "5 ngày làm việc", PEOPLE_AND_ORGANIZATIONS),
        ("Cho ý kiến về công nghệ của dự án đầu tư", NONE, "15 ngày", "Cơ quan quyết định chủ "
         "trương đầu tư"),
    ],
    "so_huu_tri_tue": [
        ("Cấp Giấy chứng nhận tổ chức đủ điều kiện hoạt động giám định sở hữu công nghiệp",
         NONE, "30 ngày", ORGANIZATIONS),
        ("Hỗ trợ đăng ký bảo hộ quyền sở hữu trí tuệ cho sản phẩm đặc thù của tỉnh", PARTIAL,
         "20 ngày làm việc", PEOPLE_AND_ORGANIZATIONS),
        ("Công nhận sáng kiến cấp tỉnh", PARTIAL, "60 ngày", PEOPLE_AND_ORGANIZATIONS),
    ],
    "tieu_chuan_do_luong": [
        ("Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu", FULL, "1 ngày làm việc",
         "Doanh nghiệp nhập khẩu"),
        ("Đăng ký công bố hợp chuẩn dựa trên kết quả chứng nhận hợp chuẩn của tổ chức chứng "
         "nhận", FULL, "5 ngày làm việc", PEOPLE_AND_ORGANIZATIONS),
        ("Đăng ký công bố hợp quy dựa trên kết quả chứng nhận hợp quy của tổ chức chứng nhận",
         FULL, "5 ngày làm việc", PEOPLE_AND_ORGANIZATIONS),
        ("Chứng nhận chuẩn đo lường để kiểm định, hiệu chuẩn, thử nghiệm phương tiện đo nhóm 2",
         PARTIAL, "15 ngày làm việc", ORGANIZATIONS),
        ("Kiểm tra nhà nước về đo lường đối với phương tiện đo nhóm 2 nhập khẩu", FULL,
         "1 ngày làm việc", "Doanh nghiệp nhập khẩu"),
        ("Xét tặng Giải thưởng chất lượng sản phẩm, hàng hóa tỉnh Sơn La", NONE,
         "Theo kế hoạch xét tặng hằng năm", "Doanh nghiệp, hợp tác xã"),
    ],
    "an_toan_buc_xa": [
        ("Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong "
         "y tế", PARTIAL, "15 ngày làm việc", MEDICAL),
        ("Gia hạn giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán "
         "trong y tế", PARTIAL, "10 ngày làm việc", MEDICAL),
        ("Sửa đổi, bổ sung giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn "
         "đoán trong y tế", PARTIAL, "10 ngày làm việc", MEDICAL),
        ("Cấp lại giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán "
         "trong y tế", FULL, "5 ngày làm việc", MEDICAL),
        ("Cấp chứng chỉ nhân viên bức xạ cho người phụ trách an toàn cơ sở X-quang chẩn đoán "
         "trong y tế", PARTIAL, "15 ngày làm việc", "Cá nhân"),
        ("Phê duyệt kế hoạch ứng phó sự cố bức xạ cấp cơ sở đối với công việc sử dụng thiết bị "
         "X-quang chẩn đoán trong y tế", NONE, "20 ngày làm việc", MEDICAL),
    ],
    "chuyen_doi_so": [
        ("Thẩm định, phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin cấp độ 3", NONE,
         "20 ngày làm việc", "Cơ quan, tổ chức vận hành hệ thống thông tin"),
        ("Thẩm định kế hoạch thuê dịch vụ công nghệ thông tin sử dụng ngân sách nhà nước", NONE,
         "15 ngày làm việc", "Cơ quan nhà nước trên địa bàn tỉnh"),
        ("Cho ý kiến về thiết kế cơ sở dự án ứng dụng công nghệ thông tin", NONE,
         "15 ngày làm việc", "Chủ đầu tư dự án"),
    ],
    "buu_chinh": [
        ("Cấp giấy phép bưu chính", FULL, "20 ngày làm việc", "Doanh nghiệp"),
        ("Sửa đổi, bổ sung giấy phép bưu chính", FULL, "10 ngày làm việc", "Doanh nghiệp"),
        ("Cấp lại giấy phép bưu chính khi hết hạn", FULL, "10 ngày làm việc", "Doanh nghiệp"),
        ("Cấp văn bản xác nhận thông báo hoạt động bưu chính", FULL, "7 ngày làm việc",
         "Doanh nghiệp, chi nhánh, văn phòng đại diện"),
        ("Cấp lại văn bản xác nhận thông báo hoạt động bưu chính khi bị mất hoặc hư hỏng",
         FULL, "5 ngày làm việc", "Doanh nghiệp, chi nhánh, văn phòng đại diện"),
    ],
    "vien_thong": [
        ("Thỏa thuận vị trí xây dựng cột ăng-ten thu, phát sóng thông tin di động", PARTIAL,
         "10 ngày làm việc", "Doanh nghiệp viễn thông"),
        ("Chấp thuận sử dụng chung cơ sở hạ tầng kỹ thuật viễn thông thụ động", NONE,
         "15 ngày làm việc", "Doanh nghiệp viễn thông"),
    ],
}  # fmt: skip

STEPS = (
    "<ol><li>Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định và nộp trực tuyến trên cổng dịch vụ "
    "công, qua dịch vụ bưu chính hoặc trực tiếp tại Bộ phận Một cửa của Sở.</li>"
    "<li>Bộ phận Một cửa kiểm tra, tiếp nhận hồ sơ; hồ sơ chưa đủ được hướng dẫn bổ sung một "
    "lần.</li><li>Phòng chuyên môn thẩm định hồ sơ, trình lãnh đạo Sở xem xét, quyết định.</li>"
    "<li>Trả kết quả trực tuyến, qua bưu chính hoặc tại Bộ phận Một cửa.</li></ol>"
)
DOSSIER = (
    "<ul><li>Đơn hoặc tờ khai theo mẫu.</li><li>Các giấy tờ chứng minh điều kiện theo quy định "
    "của văn bản căn cứ.</li><li>Số lượng: 01 bộ.</li></ul>"
)
LEGAL_BASIS = {
    "khoa_hoc_cong_nghe": "Luật Khoa học và Công nghệ số 29/2013/QH13.\nQuyết định số "
    "2423/QĐ-UBND ngày 18/11/2022 của UBND tỉnh Sơn La.",
    "chuyen_giao_cong_nghe": "Luật Chuyển giao công nghệ số 07/2017/QH14.",
    "so_huu_tri_tue": "Luật Sở hữu trí tuệ số 50/2005/QH11 (sửa đổi, bổ sung).\nQuyết định số "
    "1022/QĐ-UBND ngày 20/5/2021 của UBND tỉnh Sơn La.",
    "tieu_chuan_do_luong": "Luật Đo lường số 04/2011/QH13.\nLuật Chất lượng sản phẩm, hàng hóa "
    "số 05/2007/QH12.\nChỉ thị số 02/CT-UBND ngày 26/02/2024 của UBND tỉnh Sơn La.",
    "an_toan_buc_xa": "Luật Năng lượng nguyên tử số 18/2008/QH12.",
    "chuyen_doi_so": "Luật Công nghệ thông tin số 67/2006/QH11.",
    "buu_chinh": "Luật Bưu chính số 49/2010/QH12.",
    "vien_thong": "Luật Viễn thông số 24/2023/QH15.",
}
FEE = "Theo biểu phí, lệ phí hiện hành của Bộ Tài chính (số liệu minh họa)"


def example_code(sector_number, item_number):
    """An example code in the national catalogue's shape (1.00xxxx)."""
    return f"1.0{sector_number:02d}{item_number:03d}"


def build_procedures_demo(tally):
    with transaction.atomic():
        catalogue = _catalogue(tally)
        documents = get_document_model().objects.readable().exclude(number="")
        numbers = list(documents.values_list("number", "pk"))
        form = documents.filter(document_type="bieu_mau").first()
        for sector_number, (sector, items) in enumerate(PROCEDURES.items(), start=1):
            for item_number, (title, level, time, applicants) in enumerate(items, start=1):
                code = example_code(sector_number, item_number)
                if ProcedurePage.objects.filter(code=code).exists():
                    tally.count(False)
                    continue
                legal_basis = LEGAL_BASIS[sector]
                page = ProcedurePage(
                    title=title,
                    code=code,
                    sector=sector,
                    service_level=level,
                    applicants=applicants,
                    processing_time=f"{time} kể từ ngày nhận đủ hồ sơ hợp lệ",
                    fee=FEE,
                    result="Giấy chứng nhận, giấy phép hoặc văn bản trả lời của Sở",
                    steps=STEPS,
                    dossier=DOSSIER,
                    legal_basis_text=legal_basis,
                    is_example=True,
                )
                page.legal_documents = [
                    ProcedureLegalDocument(document_id=pk)
                    for pk in cited_documents(legal_basis, numbers)
                ]
                if form is not None and sector == "khoa_hoc_cong_nghe":
                    page.forms = [ProcedureForm(document=form, title="Mẫu thuyết minh nhiệm vụ")]
                catalogue.add_child(instance=page)
                page.save_revision().publish()
                tally.count(True)
        return catalogue


def _catalogue(tally):
    home = Site.objects.get(is_default_site=True).root_page
    existing = ProcedureIndexPage.objects.child_of(home).first()
    tally.count(existing is None)
    if existing:
        return existing
    catalogue = ProcedureIndexPage(
        title=CATALOGUE["title"],
        slug=CATALOGUE["slug"],
        intro=CATALOGUE["intro"],
        provincial_portal_url=CATALOGUE["provincial_portal_url"],
        tracking_url=CATALOGUE["tracking_url"],
        show_in_menus=True,
    )
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    return catalogue


def procedure_count():
    return sum(len(items) for items in PROCEDURES.values())
