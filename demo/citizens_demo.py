"""Demo of Hỏi đáp (/hoi-dap/) and Góp ý dự thảo (/gop-y-du-thao/): a dozen questions answered
across the department's fields, each with the question as it came in (a made-up asker at an
example.vn address), and three drafts: one upcoming, one open with a few comments, one whose
report on the comments is published. Idempotent: what exists by title is kept."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Site

from citizens.models import (
    ConsultationDraft,
    ConsultationIndexPage,
    ConsultationPage,
    DraftComment,
    Question,
    QuestionIndexPage,
    QuestionPage,
    QuestionStatus,
    initials,
)

DEMO_CONSENT = "Dữ liệu minh họa: người hỏi là nhân vật giả định."

# (sector, title, question, unit, answer, asker, area)
QUESTIONS = [
    ("khoa_hoc_cong_nghe", "Điều kiện đăng ký chủ nhiệm nhiệm vụ khoa học cấp tỉnh",
     "Tôi là giảng viên trường cao đẳng trên địa bàn tỉnh. Xin hỏi cá nhân cần điều kiện gì để đăng ký làm chủ nhiệm nhiệm vụ khoa học và công nghệ cấp tỉnh?",
     "Phòng Quản lý khoa học",
     "Cá nhân đăng ký chủ nhiệm cần có trình độ đại học trở lên, chuyên môn phù hợp với nhiệm vụ, và không đang chủ nhiệm quá số nhiệm vụ theo quy định; tổ chức chủ trì phải có tư cách pháp nhân. Hồ sơ nộp theo thông báo tuyển chọn hằng năm của Sở.",
     "Lường Văn Thắng", "Phường Chiềng Lề"),
    ("khoa_hoc_cong_nghe", "Thời hạn nộp hồ sơ đề xuất đặt hàng nhiệm vụ năm sau",
     "Đơn vị chúng tôi muốn đề xuất đặt hàng một đề tài về giống cây ăn quả. Hồ sơ đề xuất nộp trước thời điểm nào?",
     "Phòng Quản lý khoa học",
     "Sở thông báo thu thập đề xuất đặt hàng nhiệm vụ vào quý I hằng năm; hạn nộp ghi trong thông báo đăng tại mục Thông báo. Đề xuất gửi kèm phiếu theo mẫu và văn bản của cơ quan đề xuất.",
     "Cầm Thị Hoa", "Xã Mường Bú"),
    ("chuyen_giao_cong_nghe", "Hợp đồng chuyển giao công nghệ có phải đăng ký không",
     "Hợp tác xã chúng tôi nhận chuyển giao quy trình sấy nông sản từ một công ty. Hợp đồng này có phải đăng ký với Sở không?",
     "Phòng Quản lý công nghệ",
     "Chỉ công nghệ thuộc danh mục hạn chế chuyển giao, hoặc từ nước ngoài vào Việt Nam, mới bắt buộc đăng ký. Các trường hợp khác được đăng ký tự nguyện để hưởng ưu đãi; hồ sơ và thủ tục xem tại mục Thủ tục hành chính.",
     "Quàng Văn Tuấn", "Xã Chiềng Mai"),
    ("so_huu_tri_tue", "Bảo hộ nhãn hiệu cho sản phẩm chè của hợp tác xã",
     "Hợp tác xã muốn đăng ký nhãn hiệu cho sản phẩm chè. Sở có hỗ trợ chi phí không?",
     "Phòng Quản lý công nghệ",
     "Hồ sơ đăng ký nhãn hiệu nộp tại Cục Sở hữu trí tuệ. Chương trình phát triển tài sản trí tuệ của tỉnh hỗ trợ một phần chi phí tư vấn và nộp đơn cho sản phẩm chủ lực; Sở hướng dẫn lập hồ sơ đề nghị hỗ trợ.",
     "Hà Thị Mai", "Phường Mộc Châu"),
    ("tieu_chuan_do_luong", "Kiểm định cân dùng trong mua bán tại chợ",
     "Cân đồng hồ bán hàng ở chợ có phải kiểm định không, bao lâu một lần?",
     "Chi cục Tiêu chuẩn Đo lường Chất lượng",
     "Cân dùng trong mua bán thuộc danh mục phương tiện đo nhóm 2, phải kiểm định ban đầu và định kỳ. Chu kỳ kiểm định cân đồng hồ là 12 tháng; tiểu thương liên hệ tổ chức kiểm định được chỉ định hoặc đợt kiểm định tại chợ do Chi cục tổ chức.",
     "Đinh Văn Hưng", "Xã Thuận Châu"),
    ("tieu_chuan_do_luong", "Công bố hợp quy đồ chơi trẻ em",
     "Cửa hàng nhập đồ chơi trẻ em về bán có cần giấy tờ gì về chất lượng?",
     "Chi cục Tiêu chuẩn Đo lường Chất lượng",
     "Đồ chơi trẻ em phải có dấu hợp quy CR và công bố hợp quy theo quy chuẩn kỹ thuật quốc gia. Người bán kiểm tra dấu hợp quy, nhãn hàng hóa và lưu giữ hóa đơn, chứng từ nguồn gốc.",
     "Nguyễn Thị Lan", "Phường Tô Hiệu"),
    ("an_toan_buc_xa", "Gia hạn giấy phép sử dụng máy X-quang",
     "Phòng khám tư nhân của tôi có máy X-quang chẩn đoán; giấy phép sắp hết hạn. Cần nộp hồ sơ gia hạn trước bao lâu?",
     "Phòng Quản lý chuyên ngành",
     "Hồ sơ gia hạn nộp trước khi giấy phép hết hạn ít nhất 30 ngày, gồm đơn đề nghị, báo cáo đánh giá an toàn và kết quả kiểm định thiết bị còn hiệu lực. Có thể nộp trực tuyến trên Cổng Dịch vụ công.",
     "Vì Văn Nam", "Xã Mai Sơn"),
    ("chuyen_doi_so", "Tài khoản định danh điện tử để nộp hồ sơ trực tuyến",
     "Tôi có thể dùng tài khoản VNeID để nộp hồ sơ thủ tục của Sở trên cổng dịch vụ công không?",
     "Phòng Chuyển đổi số",
     "Có. Cổng Dịch vụ công quốc gia và hệ thống của tỉnh cho phép đăng nhập bằng tài khoản định danh điện tử mức 2. Sau khi đăng nhập, chọn thủ tục và nộp hồ sơ trực tuyến.",
     "Lò Thị Hương", "Phường Chiềng Sinh"),
    ("chuyen_doi_so", "Hỗ trợ doanh nghiệp nhỏ chuyển đổi số",
     "Doanh nghiệp nhỏ muốn áp dụng phần mềm kế toán, hóa đơn điện tử có được tư vấn miễn phí không?",
     "Phòng Chuyển đổi số",
     "Sở phối hợp với các doanh nghiệp công nghệ tổ chức tư vấn miễn phí theo Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số; đăng ký qua đường dây nóng hoặc mục Liên hệ.",
     "Trần Quốc Bảo", "Phường Chiềng Cơi"),
    ("buu_chinh", "Giấy phép bưu chính cho dịch vụ giao hàng nội tỉnh",
     "Công ty muốn mở dịch vụ giao hàng trong tỉnh với khối lượng dưới 2 kg. Có cần giấy phép bưu chính không?",
     "Phòng Bưu chính, Viễn thông",
     "Dịch vụ thư có khối lượng đơn chiếc đến 2 kg phạm vi nội tỉnh phải có giấy phép bưu chính do Sở cấp; với gói, kiện hàng hóa thì gửi văn bản thông báo hoạt động bưu chính.",
     "Phạm Minh Đức", "Phường Chiềng Lề"),
    ("vien_thong", "Cấp phép lắp đặt trạm thu phát sóng di động",
     "Nhà mạng lắp trạm thu phát sóng gần nhà tôi có cần giấy phép xây dựng không?",
     "Phòng Bưu chính, Viễn thông",
     "Trạm thu phát sóng loại 1 (có nhà trạm và cột ăng-ten xây dựng) cần giấy phép xây dựng; trạm loại 2 (cột trên nóc nhà, ăng-ten thân thiện) được miễn nhưng phải bảo đảm an toàn và phù hợp quy hoạch hạ tầng viễn thông.",
     "Mùa A Sử", "Xã Sốp Cộp"),
    ("vien_thong", "Chất lượng Internet cáp quang tại vùng cao",
     "Xã tôi nhiều thôn chưa có cáp quang. Kế hoạch phủ sóng thế nào?",
     "Phòng Bưu chính, Viễn thông",
     "Theo kế hoạch phát triển hạ tầng số của tỉnh, các thôn bản chưa có cáp quang được ưu tiên trong Chương trình cung cấp dịch vụ viễn thông công ích; Sở đã gửi danh sách thôn của xã tới các doanh nghiệp viễn thông để triển khai.",
     "Sồng A Chư", "Xã Tà Xùa"),
]  # fmt: skip

INDEX = {
    "title": "Hỏi đáp",
    "slug": "hoi-dap",
    "intro": (
        "Người dân, doanh nghiệp gửi câu hỏi về các lĩnh vực Sở quản lý; câu trả lời được đăng "
        "công khai tại đây, người hỏi nhận thư báo khi có câu trả lời."
    ),
}
CONSULTATIONS_INDEX = {
    "title": "Góp ý dự thảo",
    "slug": "gop-y-du-thao",
    "intro": (
        "Dự thảo văn bản do Sở chủ trì soạn thảo được đăng để lấy ý kiến người dân, tổ chức, "
        "doanh nghiệp trong thời hạn ghi ở mỗi dự thảo."
    ),
}


def build_citizens_demo(tally, publish):
    """`publish(parent, page)` adds a page unless its slug exists (load_demo_content's)."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    with transaction.atomic():
        index = publish(home, QuestionIndexPage(show_in_menus=True, **INDEX))
        today = timezone.localdate()
        for number, (sector, title, body, unit, answer, asker, area) in enumerate(QUESTIONS):
            if QuestionPage.objects.filter(title=title).exists():
                tally.count(False)
                continue
            asked = today - datetime.timedelta(days=60 - 4 * number)
            page = publish(
                index,
                QuestionPage(
                    title=title,
                    asker_initials=initials(asker),
                    asker_area=area,
                    sector=sector,
                    asked_on=asked,
                    answered_on=asked + datetime.timedelta(days=6),
                    answering_unit=unit,
                    question=body,
                    answer=f"<p>{answer}</p>",
                ),
            )
            question = Question(
                name=asker,
                email=f"nguoihoi{number + 1}@example.vn",
                area=area,
                sector=sector,
                title=title,
                body=body,
                unit=unit,
                status=QuestionStatus.PUBLISHED,
                answer_page=page,
                created_at=timezone.make_aware(datetime.datetime.combine(asked, datetime.time(9))),
            )
            question.record_consent(DEMO_CONSENT)
            question.save()
        consultations = publish(
            home, ConsultationIndexPage(show_in_menus=True, **CONSULTATIONS_INDEX)
        )
        _consultations(consultations, tally, publish)
    return index, consultations


def _consultations(index, tally, publish):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    drafts = list(get_document_model().objects.readable().exclude(file="")[:3])
    if not drafts:
        return
    days = datetime.timedelta(days=1)
    specs = [
        (
            "Dự thảo Quy định quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh",
            now - 60 * days, now - 30 * days, True,
        ),
        (
            "Dự thảo Kế hoạch chuyển đổi số tỉnh Sơn La giai đoạn 2026 - 2030",
            now - 3 * days, now + 27 * days, False,
        ),
        (
            "Dự thảo Quy chế quản lý hạ tầng viễn thông thụ động trên địa bàn tỉnh",
            now + 5 * days, now + 35 * days, False,
        ),
    ]  # fmt: skip
    for number, (title, opens, closes, answered) in enumerate(specs):
        if ConsultationPage.objects.filter(title=title).exists():
            tally.count(False)
            continue
        page = ConsultationPage(
            title=title,
            drafting_unit="Văn phòng Sở" if number != 1 else "Phòng Chuyển đổi số",
            opens_at=opens,
            closes_at=closes,
            summary=(
                f"{title} gồm các quy định về phạm vi, đối tượng áp dụng, trách nhiệm của các cơ "
                "quan, đơn vị và tổ chức thực hiện. Sở đề nghị người dân, tổ chức, doanh nghiệp "
                "cho ý kiến vào toàn văn dự thảo."
            ),
            questions=(
                "<ol><li>Phạm vi điều chỉnh và đối tượng áp dụng đã phù hợp chưa?</li>"
                "<li>Các thủ tục, thời hạn giải quyết có khả thi không?</li></ol>"
            ),
        )
        page.drafts = [
            ConsultationDraft(version=f"Dự thảo lần {n + 1}", document=document)
            for n, document in enumerate(drafts[: 2 if answered else 1])
        ]
        if answered:
            page.report = (
                "<p>Sở nhận được 14 ý kiến; 9 ý kiến được tiếp thu, 5 ý kiến được giải trình. "
                "Dự thảo đã được chỉnh sửa và trình UBND tỉnh ban hành.</p>"
            )
            page.report_published_on = (closes + 10 * days).date()
        page = publish(index, page)
        if number == 1:
            for n, (section, body) in enumerate(
                [
                    ("Điều 3", "Đề nghị bổ sung chỉ tiêu về tỷ lệ hồ sơ trực tuyến toàn trình."),
                    ("Mục II.2", "Nên có lộ trình riêng cho các xã vùng cao."),
                ],
                start=1,
            ):
                comment = DraftComment(
                    consultation=page,
                    name=f"Người góp ý {n}",
                    email=f"gopy{n}@example.vn",
                    section=section,
                    body=body,
                )
                comment.record_consent(DEMO_CONSENT)
                comment.save()
