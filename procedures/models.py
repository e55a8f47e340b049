"""The catalogue of the department's administrative procedures (thủ tục hành chính) at
/thu-tuc-hanh-chinh/. The portal describes each procedure and links out to the public service
portals for submitting and tracking a file; it takes no applications itself."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.pages import SitePage
from core.sectors import Sector

NATIONAL_PORTAL = "https://dichvucong.gov.vn"


class ServiceLevel(models.TextChoices):
    """How far a procedure can be done online (Decree 42/2022/NĐ-CP, art. 11)."""

    FULL = "toan_trinh", _("Trực tuyến toàn trình")
    PARTIAL = "mot_phan", _("Trực tuyến một phần")
    NONE = "khong", _("Nộp trực tiếp hoặc qua bưu chính")


class ProcedureIndexPage(SitePage):
    """The catalogue: filters by field and level, search, and the portals' addresses that a
    procedure without deep links of its own falls back to."""

    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)
    national_portal_url = models.URLField(
        _("Cổng Dịch vụ công quốc gia"), default=NATIONAL_PORTAL, max_length=300
    )
    provincial_portal_url = models.URLField(
        _("Cổng dịch vụ công của tỉnh"),
        blank=True,
        max_length=300,
        help_text=_("Ví dụ: Hệ thống thông tin giải quyết thủ tục hành chính tỉnh."),
    )
    tracking_url = models.URLField(
        _("trang tra cứu hồ sơ"),
        blank=True,
        max_length=300,
        help_text=_("Nơi người dân tra cứu tình trạng hồ sơ đã nộp."),
    )

    content_panels = [
        *Page.content_panels,
        "intro",
        MultiFieldPanel(
            ["national_portal_url", "provincial_portal_url", "tracking_url"],
            heading=_("Cổng dịch vụ công"),
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh mục thủ tục hành chính")
        verbose_name_plural = _("danh mục thủ tục hành chính")

    def lead_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from procedures.views import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context


class ProcedurePage(SitePage):
    """One procedure, as the province's decision announcing it describes it."""

    code = models.CharField(
        _("mã thủ tục"),
        max_length=40,
        db_index=True,
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001234."),
    )
    sector = models.CharField(_("lĩnh vực"), max_length=30, choices=Sector.choices)
    service_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=20,
        choices=ServiceLevel.choices,
        default=ServiceLevel.NONE,
    )
    applicants = models.TextField(_("đối tượng thực hiện"), blank=True, max_length=1000)
    agency = models.CharField(
        _("cơ quan thực hiện"), max_length=300, default="Sở Khoa học và Công nghệ tỉnh Sơn La"
    )
    processing_time = models.CharField(_("thời hạn giải quyết"), max_length=300, blank=True)
    fee = models.CharField(_("phí, lệ phí"), max_length=500, blank=True)
    result = models.CharField(_("kết quả thực hiện"), max_length=500, blank=True)
    steps = RichTextField(
        _("trình tự thực hiện"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    dossier = RichTextField(
        _("thành phần hồ sơ"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    legal_basis_text = models.TextField(
        _("căn cứ pháp lý"),
        blank=True,
        max_length=3000,
        help_text=_("Mỗi văn bản một dòng; văn bản có trong thư viện thì chọn thêm ở dưới."),
    )
    national_submit_url = models.URLField(
        _("nộp trên Cổng Dịch vụ công quốc gia"), blank=True, max_length=500
    )
    provincial_submit_url = models.URLField(
        _("nộp trên cổng dịch vụ công của tỉnh"), blank=True, max_length=500
    )
    is_example = models.BooleanField(
        _("dữ liệu minh họa"),
        default=False,
        help_text=_(
            "Đánh dấu khi mã, phí, thời hạn chưa được đối chiếu với Cơ sở dữ liệu quốc gia; "
            "trang hiện dòng cảnh báo cho người đọc."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel(["code", "sector"]), "service_level", "is_example"],
            heading=_("Phân loại"),
        ),
        MultiFieldPanel(
            ["applicants", "agency", "processing_time", "fee", "result"],
            heading=_("Thông tin chung"),
        ),
        "steps",
        "dossier",
        "legal_basis_text",
        InlinePanel("legal_documents", heading=_("Văn bản căn cứ"), label=_("văn bản")),
        InlinePanel("forms", heading=_("Mẫu đơn, tờ khai"), label=_("mẫu")),
        MultiFieldPanel(
            ["national_submit_url", "provincial_submit_url"],
            heading=_("Nộp hồ sơ trực tuyến"),
            help_text=_("Để trống: dùng địa chỉ cổng dịch vụ công của trang danh mục."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("applicants"),
        index.SearchField("steps"),
        index.FilterField("sector"),
        index.FilterField("service_level"),
    ]
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []
    # One of many items: the site map lists its catalogue, not each procedure.
    in_site_map = False

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def lead_text(self):
        return f"{self.get_sector_display()}. {self.get_service_level_display()}."

    def submit_links(self, catalogue):
        """Where a reader submits a file: the procedure's own deep links, else the portals."""
        national = self.national_submit_url or (catalogue.national_portal_url if catalogue else "")
        provincial = self.provincial_submit_url or (
            catalogue.provincial_portal_url if catalogue else ""
        )
        return [
            (label, url)
            for label, url in (
                (_("Nộp trên Cổng Dịch vụ công quốc gia"), national),
                (_("Nộp trên Cổng dịch vụ công của tỉnh"), provincial),
            )
            if url
        ]

    def get_context(self, request, *args, **kwargs):
        from procedures.views import procedure_context

        context = super().get_context(request, *args, **kwargs)
        context.update(procedure_context(self))
        return context


class ProcedureLegalDocument(Orderable):
    procedure = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="legal_documents")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = ["document"]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản căn cứ")
        verbose_name_plural = _("văn bản căn cứ")


class ProcedureForm(Orderable):
    """A form to fill in (mẫu đơn, tờ khai), downloadable from the procedure's page."""

    procedure = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="forms")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("tệp mẫu"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("tên mẫu"), max_length=300, blank=True)

    panels = ["document", "title"]

    class Meta(Orderable.Meta):
        verbose_name = _("mẫu đơn, tờ khai")
        verbose_name_plural = _("mẫu đơn, tờ khai")
