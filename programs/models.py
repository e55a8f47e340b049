"""The registry of science and technology programs and tasks (chương trình, đề tài, dự án)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.pages import SitePage
from core.saving import SavableMixin


class TaskKind(models.TextChoices):
    """Kinds of S&T tasks as the Law on Science and Technology names them."""

    TOPIC = "de_tai", _("Đề tài")
    PROJECT = "du_an", _("Dự án")
    PILOT_PROJECT = "du_an_sxtn", _("Dự án sản xuất thử nghiệm")
    SCHEME = "de_an", _("Đề án khoa học")
    TASK = "nhiem_vu", _("Nhiệm vụ khác")


class TaskLevel(models.TextChoices):
    NATIONAL = "quoc_gia", _("Cấp quốc gia")
    MINISTRY = "bo", _("Cấp bộ")
    PROVINCE = "tinh", _("Cấp tỉnh")
    GRASSROOTS = "co_so", _("Cấp cơ sở")


class TaskStatus(models.TextChoices):
    """The stages a task passes through, in order, as the department reports them."""

    PROPOSED = "de_xuat", _("Đề xuất")
    SELECTION = "tuyen_chon", _("Tuyển chọn, giao trực tiếp")
    IN_PROGRESS = "dang_thuc_hien", _("Đang thực hiện")
    CARRIED_OVER = "chuyen_tiep", _("Chuyển tiếp")
    ACCEPTANCE = "nghiem_thu", _("Đã nghiệm thu")
    HANDED_OVER = "ban_giao", _("Bàn giao ứng dụng")
    STOPPED = "dung", _("Dừng thực hiện")


class MilestoneKind(models.TextChoices):
    SELECTION_COUNCIL = "hoi_dong_tuyen_chon", _("Hội đồng tuyển chọn")
    APPRAISAL = "tham_dinh", _("Thẩm định nội dung, kinh phí")
    CONTRACT = "ky_hop_dong", _("Ký hợp đồng")
    MIDTERM = "kiem_tra_giua_ky", _("Kiểm tra, đánh giá giữa kỳ")
    EXTENSION = "gia_han", _("Gia hạn")
    ACCEPTANCE = "nghiem_thu", _("Nghiệm thu")
    HANDOVER = "ban_giao", _("Bàn giao kết quả")
    OTHER = "khac", _("Khác")


class Organization(index.Indexed, models.Model):
    """A host institution or a user of results, reused across tasks."""

    name = models.CharField(_("tên tổ chức"), max_length=255, unique=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = ["name", "short_name", "address", "website"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")

    def __str__(self):
        return self.name


class ResearchField(models.Model):
    """A field of science (lĩnh vực); editors add new ones as the department's work grows."""

    name = models.CharField(_("tên lĩnh vực"), max_length=120, unique=True)
    slug = models.SlugField(_("mã dùng trong địa chỉ"), max_length=120, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = ["name", "slug", "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self):
        return self.name


class ProgramIndexPage(RoutablePageMixin, SitePage):
    """The public registry of programs and tasks, with filters and open-data exports."""

    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["programs.ProgramPage", "programs.TaskPage"]
    max_count = 1
    # Its counts and charts are worked out again after any change (11 queries, about 40 ms at
    # 100,000 articles): drawn once the change commits, as the home page is (core/frame_warming).
    drawn_after_every_change = True

    class Meta:
        verbose_name = _("danh mục nhiệm vụ KH&CN")
        verbose_name_plural = _("danh mục nhiệm vụ KH&CN")

    def lead_text(self):
        return self.intro

    @path("")
    def registry(self, request):
        from programs.views import registry

        return registry(request, self)

    @path("tai-ve/csv/")
    def export_csv(self, request):
        from programs.views import export_csv

        return export_csv(request, self)

    @path("tai-ve/json/")
    def export_json(self, request):
        from programs.views import export_json

        return export_json(request, self)


class ProgramPage(SitePage):
    """A program grouping tasks, e.g. Chương trình Nông thôn miền núi."""

    summary = models.TextField(_("tóm tắt"), blank=True, max_length=1000)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    managing_body = models.ForeignKey(
        Organization,
        verbose_name=_("cơ quan quản lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_programs",
    )
    goals = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("mục tiêu, nội dung"))

    content_panels = [
        *Page.content_panels,
        "summary",
        FieldRowPanel(["start_year", "end_year"], heading=_("Giai đoạn")),
        "managing_body",
        "goals",
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("goals")]
    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = ["programs.TaskPage"]

    class Meta:
        verbose_name = _("chương trình")
        verbose_name_plural = _("chương trình")

    def lead_text(self):
        return self.summary

    @property
    def period(self):
        return f"{self.start_year} - {self.end_year}"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc không được trước năm bắt đầu.")})

    def get_context(self, request, *args, **kwargs):
        from programs.selectors import program_overview

        context = super().get_context(request, *args, **kwargs)
        context.update(program_overview(self))
        return context


class TaskPage(SavableMixin, SitePage):
    """A science and technology task: a research topic (đề tài), a project (dự án)..."""

    code = models.CharField(
        _("mã số"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("Mã số nhiệm vụ theo quyết định phê duyệt, ví dụ ĐT.2023.05."),
    )
    kind = models.CharField(
        _("loại nhiệm vụ"), max_length=20, choices=TaskKind.choices, default=TaskKind.TOPIC
    )
    level = models.CharField(
        _("cấp quản lý"), max_length=20, choices=TaskLevel.choices, default=TaskLevel.PROVINCE
    )
    field = models.ForeignKey(
        ResearchField,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    status = models.CharField(
        _("tình trạng"),
        max_length=20,
        choices=TaskStatus.choices,
        default=TaskStatus.IN_PROGRESS,
        db_index=True,
    )
    host_organization = models.ForeignKey(
        Organization,
        verbose_name=_("tổ chức chủ trì"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_tasks",
    )
    principal_investigator = models.CharField(_("chủ nhiệm nhiệm vụ"), max_length=200, blank=True)
    result_users = ParentalManyToManyField(
        Organization,
        verbose_name=_("đơn vị tiếp nhận kết quả"),
        blank=True,
        related_name="received_tasks",
    )
    start_date = models.DateField(_("bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("kết thúc"), null=True, blank=True)
    total_budget = models.PositiveBigIntegerField(_("tổng kinh phí (đồng)"), null=True, blank=True)
    state_budget = models.PositiveBigIntegerField(
        _("kinh phí ngân sách nhà nước (đồng)"), null=True, blank=True
    )
    summary = models.TextField(_("mục tiêu, tóm tắt"), blank=True, max_length=2000)
    results = RichTextField(
        _("kết quả"), blank=True, features=["bold", "italic", "ol", "ul", "link", "document-link"]
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(["code", "kind"]),
                FieldRowPanel(["level", "status"]),
                "field",
            ],
            heading=_("Phân loại"),
        ),
        MultiFieldPanel(
            [
                "host_organization",
                "principal_investigator",
                FieldPanel("result_users", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Tổ chức, cá nhân"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["start_date", "end_date"]),
                FieldRowPanel(["total_budget", "state_budget"]),
            ],
            heading=_("Thời gian, kinh phí"),
        ),
        "summary",
        InlinePanel("decisions", heading=_("Quyết định"), label=_("quyết định")),
        InlinePanel("milestones", heading=_("Tiến độ"), label=_("mốc")),
        "results",
        InlinePanel("documents", heading=_("Tài liệu"), label=_("tài liệu")),
        InlinePanel("related_articles", heading=_("Tin bài liên quan"), label=_("tin bài")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("principal_investigator"),
        index.SearchField("results"),
        index.FilterField("status"),
        index.FilterField("kind"),
        index.FilterField("level"),
    ]
    parent_page_types = ["programs.ProgramIndexPage", "programs.ProgramPage"]
    subpage_types = []
    # One of many: the site map lists the registry and programs, not each task.
    in_site_map = False
    served_with = ("field", "host_organization")

    class Meta:
        verbose_name = _("nhiệm vụ KH&CN")
        verbose_name_plural = _("nhiệm vụ KH&CN")

    def lead_text(self):
        return self.summary

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Ngày kết thúc không được trước ngày bắt đầu.")
        if (
            self.total_budget is not None
            and self.state_budget is not None
            and self.state_budget > self.total_budget
        ):
            errors["state_budget"] = _("Kinh phí ngân sách không được lớn hơn tổng kinh phí.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from programs.selectors import task_details

        context = super().get_context(request, *args, **kwargs)
        context.update(task_details(self))
        return context


class TaskDecision(Orderable):
    """A decision that governs the task: approval, selection, funding, acceptance."""

    task = ParentalKey(TaskPage, on_delete=models.CASCADE, related_name="decisions")
    number = models.CharField(_("số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 2423/QĐ-UBND."))
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, default="UBND tỉnh Sơn La")
    summary = models.CharField(_("trích yếu"), max_length=500, blank=True)
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("văn bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldRowPanel(["number", "issued_on"]), "issuer", "summary", "document"]

    class Meta(Orderable.Meta):
        verbose_name = _("quyết định")
        verbose_name_plural = _("quyết định")


class TaskMilestone(Orderable):
    task = ParentalKey(TaskPage, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("mốc"), max_length=30, choices=MilestoneKind.choices)
    date = models.DateField(_("ngày"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    panels = [FieldRowPanel(["kind", "date"]), "note"]

    class Meta(Orderable.Meta):
        verbose_name = _("mốc tiến độ")
        verbose_name_plural = _("mốc tiến độ")


class TaskDocument(Orderable):
    task = ParentalKey(TaskPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("tài liệu"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("tên hiển thị"), max_length=300, blank=True)

    panels = ["document", "title"]

    class Meta(Orderable.Meta):
        verbose_name = _("tài liệu")
        verbose_name_plural = _("tài liệu")


class TaskRelatedArticle(Orderable):
    task = ParentalKey(TaskPage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("tin bài"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("article", page_type="articles.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("tin bài liên quan")
        verbose_name_plural = _("tin bài liên quan")
