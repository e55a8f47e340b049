"""What citizens send the department and what it answers in public: questions and answers
(Hỏi đáp, /hoi-dap/) and comments on draft documents (Góp ý dự thảo, /gop-y-du-thao/).

What people send (`Question`, `DraftComment`) is kept for staff only: names, addresses and phones
never leave the admin. What is published is a page (`QuestionPage`, `ConsultationPage`) that goes
through the editorial workflow like any other, and carries only what a reader may see: the
asker's initials and area, never more."""

import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.pages import SitePage
from core.sectors import Sector

QUESTION_MAX_LENGTH = 5000
COMMENT_MAX_LENGTH = 5000
# Tracking codes: no 0/O, 1/I/L to misread on paper or over the phone.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_tracking_code():
    return "HD-" + "".join(secrets.choice(TRACKING_ALPHABET) for _n in range(8))


def initials(full_name):
    """ "Lò Văn Sướng" → "L.V.S.": how a published answer names the asker."""
    return "".join(f"{word[0].upper()}." for word in full_name.split() if word[:1].isalpha())


def private_storage():
    """Files the public sends are kept with the documents, outside MEDIA_ROOT: never served by
    the front server, reachable only through the admin."""
    return storages["documents"]


class Consent(models.Model):
    """The consent a person gave, as they read it, and when (Decree 13/2023, art. 11)."""

    consent_text = models.TextField(_("nội dung đồng ý"), editable=False)
    consented_at = models.DateTimeField(_("thời điểm đồng ý"), editable=False)
    erased_at = models.DateTimeField(
        _("thời điểm xóa dữ liệu cá nhân"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def record_consent(self, text):
        self.consent_text = str(text)
        self.consented_at = timezone.now()


class QuestionStatus(models.TextChoices):
    NEW = "moi", _("Mới nhận")
    ASSIGNED = "da_giao", _("Đã giao đơn vị")
    ANSWERED = "da_tra_loi", _("Đã soạn trả lời, chờ duyệt")
    PUBLISHED = "da_dang", _("Đã đăng trả lời")
    DECLINED = "tu_choi", _("Không trả lời")


class QuestionSource(models.TextChoices):
    WEB = "web", _("Gửi trên cổng")
    MAIL = "thu", _("Thư, thư điện tử")
    PHONE = "dien_thoai", _("Điện thoại")


class Question(Consent):
    """A question as it came in, with the asker's details: for staff only."""

    tracking_code = models.CharField(
        _("mã tra cứu"), max_length=16, unique=True, default=new_tracking_code, editable=False
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    organization = models.CharField(_("cơ quan, tổ chức"), max_length=200, blank=True)
    area = models.CharField(
        _("địa bàn"),
        max_length=100,
        blank=True,
        help_text=_("Xã, phường nơi người hỏi sinh sống hoặc làm việc; hiện cùng câu trả lời."),
    )
    sector = models.CharField(_("lĩnh vực"), max_length=30, choices=Sector.choices)
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung câu hỏi"), max_length=QUESTION_MAX_LENGTH)
    source = models.CharField(
        _("nguồn"), max_length=20, choices=QuestionSource.choices, default=QuestionSource.WEB
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=QuestionStatus.choices,
        default=QuestionStatus.NEW,
        db_index=True,
    )
    unit = models.CharField(
        _("đơn vị trả lời"),
        max_length=200,
        blank=True,
        help_text=_("Phòng, đơn vị được giao trả lời; hiện cùng câu trả lời."),
    )
    staff_note = models.TextField(_("ghi chú nội bộ"), blank=True, max_length=2000)
    declined_reason = models.TextField(
        _("lý do không trả lời"), blank=True, max_length=1000, help_text=_("Gửi cho người hỏi.")
    )
    answer_page = models.ForeignKey(
        "citizens.QuestionPage",
        verbose_name=_("trang trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        editable=False,
    )
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("manage_personal_data", _("Có thể tra cứu, xuất và xóa dữ liệu cá nhân của người dân"))
        ]

    def __str__(self):
        return f"{self.tracking_code} — {self.title}"


class QuestionIndexPage(RoutablePageMixin, SitePage):
    """Hỏi đáp: the published answers (by field and year, searchable, RSS), the form to ask, and
    the tracking of a question by its code."""

    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)
    notify_address = models.CharField(
        _("thư báo câu hỏi mới tới"),
        max_length=500,
        blank=True,
        help_text=_("Các địa chỉ cách nhau bằng dấu phẩy; để trống thì không gửi thư báo."),
    )
    consent_text = models.TextField(
        _("nội dung đồng ý"),
        max_length=1000,
        default=(
            "Tôi đồng ý để Sở Khoa học và Công nghệ tỉnh Sơn La lưu và xử lý các thông tin trên để "
            "trả lời câu hỏi, và đăng câu hỏi cùng câu trả lời lên cổng thông tin; họ tên chỉ hiện "
            "bằng chữ cái đầu, địa chỉ thư điện tử và số điện thoại không được công bố."
        ),
    )

    content_panels = [*Page.content_panels, "intro", "notify_address", "consent_text"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["citizens.QuestionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang hỏi đáp")
        verbose_name_plural = _("trang hỏi đáp")

    def lead_text(self):
        return self.intro

    def base_context(self, request):
        """The context of every page of the section, without the list of answers."""
        return super().get_context(request)

    def get_context(self, request, *args, **kwargs):
        from citizens.views import question_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(question_index_context(request, self))
        return context

    @path("gui-cau-hoi/", name="ask")
    def ask(self, request):
        from citizens.views import ask

        return ask(request, self)

    @path("tra-cuu/", name="tracking")
    def tracking(self, request):
        from citizens.views import track

        return track(request, self)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from citizens.feeds import AnswersFeed

        return AnswersFeed(self)(request)


class QuestionPage(SitePage):
    """A question and its answer as published: the asker by initials and area only."""

    asker_initials = models.CharField(_("người hỏi (chữ cái đầu)"), max_length=20, blank=True)
    asker_area = models.CharField(_("địa bàn người hỏi"), max_length=100, blank=True)
    sector = models.CharField(_("lĩnh vực"), max_length=30, choices=Sector.choices)
    asked_on = models.DateField(_("ngày hỏi"))
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answering_unit = models.CharField(_("đơn vị trả lời"), max_length=200, blank=True)
    question = models.TextField(_("câu hỏi"), max_length=QUESTION_MAX_LENGTH)
    answer = RichTextField(
        _("câu trả lời"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(["asker_initials", "asker_area"]),
                FieldRowPanel(["sector", "asked_on"]),
                "question",
            ],
            heading=_("Câu hỏi"),
        ),
        MultiFieldPanel(
            [FieldRowPanel(["answering_unit", "answered_on"]), "answer"],
            heading=_("Trả lời"),
        ),
        InlinePanel("related_documents", label=_("văn bản liên quan")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("question"),
        index.SearchField("answer"),
        index.FilterField("sector"),
    ]
    parent_page_types = ["citizens.QuestionIndexPage"]
    subpage_types = []
    in_site_map = False

    class Meta:
        verbose_name = _("câu hỏi và trả lời")
        verbose_name_plural = _("câu hỏi và trả lời")

    def lead_text(self):
        return self.question

    def published_date(self):
        return self.answered_on or self.asked_on

    def get_context(self, request, *args, **kwargs):
        from citizens.views import question_context

        context = super().get_context(request, *args, **kwargs)
        context.update(question_context(self))
        return context


class QuestionDocument(Orderable):
    page = ParentalKey(QuestionPage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = ["document"]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")


class ConsultationStatus(models.TextChoices):
    UPCOMING = "sap_mo", _("Sắp lấy ý kiến")
    OPEN = "dang_mo", _("Đang lấy ý kiến")
    CLOSED = "da_dong", _("Đã hết hạn góp ý")
    ANSWERED = "da_tiep_thu", _("Đã có báo cáo tiếp thu")


class ConsultationIndexPage(SitePage):
    """Góp ý dự thảo: open consultations first, then upcoming, then closed."""

    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)
    consent_text = models.TextField(
        _("nội dung đồng ý"),
        max_length=1000,
        default=(
            "Tôi đồng ý để Sở Khoa học và Công nghệ tỉnh Sơn La lưu và xử lý các thông tin trên để "
            "tiếp thu, giải trình ý kiến góp ý; họ tên, thư điện tử và tệp gửi kèm không được "
            "công bố."
        ),
    )
    content_panels = [*Page.content_panels, "intro", "consent_text"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["citizens.ConsultationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang góp ý dự thảo")
        verbose_name_plural = _("trang góp ý dự thảo")

    def lead_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from citizens.views import consultation_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_index_context(request, self))
        return context


class ConsultationPage(RoutablePageMixin, SitePage):
    """A draft posted for comment (Decree 78/2025, art. 2): its versions, who drafts it, the
    window for comments, and afterwards the report on how they were taken into account. Its
    status follows the clock; nothing has to run for it to change."""

    drafting_unit = models.CharField(_("đơn vị chủ trì soạn thảo"), max_length=200)
    opens_at = models.DateTimeField(_("bắt đầu lấy ý kiến"))
    closes_at = models.DateTimeField(_("hết hạn góp ý"))
    summary = models.TextField(_("tóm tắt dự thảo"), max_length=2000)
    questions = RichTextField(
        _("vấn đề xin ý kiến"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    report = RichTextField(
        _("báo cáo tiếp thu, giải trình"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
    )
    report_document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("tệp báo cáo tiếp thu, giải trình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report_published_on = models.DateField(_("ngày công bố báo cáo"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(["drafting_unit"]),
        FieldRowPanel(["opens_at", "closes_at"]),
        "summary",
        InlinePanel("drafts", label=_("dự thảo (các phiên bản)"), min_num=1),
        "questions",
        MultiFieldPanel(
            ["report", "report_document", "report_published_on"],
            heading=_("Sau khi hết hạn: báo cáo tiếp thu, giải trình"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("drafting_unit"),
    ]
    parent_page_types = ["citizens.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def lead_text(self):
        return self.summary

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            from django.core.exceptions import ValidationError

            raise ValidationError({"closes_at": _("Hạn góp ý phải sau ngày bắt đầu.")})

    def status_at(self, moment):
        if self.report_published_on and (self.report or self.report_document_id):
            return ConsultationStatus.ANSWERED
        if moment < self.opens_at:
            return ConsultationStatus.UPCOMING
        if moment < self.closes_at:
            return ConsultationStatus.OPEN
        return ConsultationStatus.CLOSED

    @property
    def status(self):
        return self.status_at(timezone.now())

    def get_status_display(self):
        return ConsultationStatus(self.status).label

    @property
    def is_open(self):
        return self.status == ConsultationStatus.OPEN

    def next_change_at(self, moment):
        """When the status will next change by the clock alone, or None."""
        for boundary in (self.opens_at, self.closes_at):
            if moment < boundary:
                return boundary
        return None

    def serve(self, request, *args, **kwargs):
        from citizens.views import keep_until_next_change

        return keep_until_next_change(self, super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from citizens.views import consultation_context

        context = super().get_context(request, *args, **kwargs)
        context.update(consultation_context(self))
        return context

    @path("gop-y/", name="comment")
    def comment(self, request):
        from citizens.views import comment

        index = ConsultationIndexPage.objects.parent_of(self).first()
        consent = (
            index.consent_text
            if index
            else ConsultationIndexPage._meta.get_field("consent_text").get_default()
        )
        return comment(request, self, consent)


class ConsultationDraft(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="drafts")
    version = models.CharField(
        _("phiên bản"), max_length=100, help_text=_("Ví dụ: Dự thảo lần 2, ngày 05/6/2026.")
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("tệp dự thảo"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldRowPanel(["version", "document"])]

    class Meta(Orderable.Meta):
        verbose_name = _("dự thảo")


class DraftComment(Consent):
    """A comment on a draft: for the drafting unit only; the page shows how many there are."""

    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("dự thảo"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    organization = models.CharField(_("cơ quan, tổ chức"), max_length=200, blank=True)
    email = models.EmailField(_("thư điện tử"))
    section = models.CharField(_("điều, khoản, mục góp ý"), max_length=200, blank=True)
    body = models.TextField(_("nội dung góp ý"), max_length=COMMENT_MAX_LENGTH)
    attachment = models.FileField(
        _("tệp gửi kèm"),
        upload_to="gop-y-du-thao/%Y/%m/",
        storage=private_storage,
        blank=True,
        max_length=255,
    )
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.consultation.title} — {self.created_at:%d/%m/%Y}"
