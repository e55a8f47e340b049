import datetime

from django.utils import timezone

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
from tests.helpers import home_page

ASKER = {
    "name": "Lò Văn Sướng",
    "email": "lo.van.suong@nguoidan.example",
    "phone": "0912 345 678",
    "organization": "Hợp tác xã Chè Tà Xùa",
    "area": "Xã Tà Xùa",
    "sector": "so_huu_tri_tue",
    "title": "Đăng ký nhãn hiệu chè Tà Xùa",
    "body": "Hợp tác xã muốn đăng ký nhãn hiệu cho chè Shan tuyết. Cần chuẩn bị hồ sơ gì?",
    "consent": "on",
}
COMMENTER = {
    "name": "Quàng Thị Mai",
    "organization": "Công ty Viễn thông Tây Bắc",
    "email": "quang.thi.mai@doanhnghiep.example",
    "section": "Điều 5, khoản 2",
    "body": "Đề nghị quy định rõ thời hạn cấp phép là 10 ngày làm việc.",
    "consent": "on",
}
DAY = datetime.timedelta(days=1)


def make_question_index(**fields):
    index = QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap", **fields)
    home_page().add_child(instance=index)
    return index


def make_answer(index, title, sector="so_huu_tri_tue", answered_on=None, **fields):
    page = QuestionPage(
        title=title,
        sector=sector,
        asked_on=datetime.date(2026, 5, 20),
        answered_on=answered_on or datetime.date(2026, 6, 5),
        question=fields.pop("question", f"Câu hỏi về {title.lower()}?"),
        answer=fields.pop("answer", "<p>Trả lời của Sở.</p>"),
        **fields,
    )
    index.add_child(instance=page)
    return page


def asked_question(index=None, answered=False, **fields):
    """A question as it came in from the web form; with `answered`, its published page too."""
    values = {key: value for key, value in ASKER.items() if key != "consent"} | fields
    question = Question(**values)
    question.record_consent("Tôi đồng ý.")
    if answered:
        question.answer_page = make_answer(
            index,
            values["title"],
            asker_initials=initials(values["name"]),
            asker_area=values["area"],
            question=values["body"],
        )
        question.status = QuestionStatus.PUBLISHED
    question.save()
    return question


def make_consultation_index():
    index = ConsultationIndexPage(title="Góp ý dự thảo", slug="gop-y-du-thao")
    home_page().add_child(instance=index)
    return index


def make_consultation(index, title, opens_in_days=-1, closes_in_days=10, document=None, **fields):
    now = timezone.now()
    page = ConsultationPage(
        title=title,
        drafting_unit="Phòng Bưu chính, Viễn thông",
        opens_at=now + opens_in_days * DAY,
        closes_at=now + closes_in_days * DAY,
        summary=f"Tóm tắt {title.lower()}.",
        **fields,
    )
    if document is not None:
        page.drafts = [ConsultationDraft(version="Dự thảo lần 1", document=document)]
    index.add_child(instance=page)
    return page


def add_comment(consultation, **fields):
    values = {key: value for key, value in COMMENTER.items() if key != "consent"} | fields
    comment = DraftComment(consultation=consultation, **values)
    comment.record_consent("Tôi đồng ý.")
    comment.save()
    return comment
