"""The site's image and document models, swapped in from the first migration so later metadata
(credits, official document numbers) never needs a model swap."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index

from core.frame_cache import remembered
from core.public_forms import check_file_matches
from core.sectors import Sector
from home.image_privacy import strip_private_metadata

# Where uploads go unless the editor chooses otherwise (migration 0005 makes both collections).
IMAGE_COLLECTION = "Ảnh tin bài"
DOCUMENT_COLLECTION = "Văn bản"


def default_collection(name):
    from wagtail.models import Collection

    return Collection.objects.filter(depth=2, name=name).first()


class SiteImage(AbstractImage):
    caption = models.CharField(
        _("chú thích"),
        max_length=300,
        blank=True,
        help_text=_("Hiện in nghiêng dưới ảnh, như trên trang tin hiện tại."),
    )
    credit = models.CharField(_("tác giả ảnh"), max_length=200, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:  # a new upload, not yet stored
            cleaned = strip_private_metadata(self.file)
            if cleaned is not None:
                self.file = cleaned  # width and height follow the (upright) new file
                self._set_image_file_metadata()
        super().save(*args, **kwargs)

    def get_upload_to(self, filename):
        # A leading dot would make a hidden file on the media server (".htaccess.png").
        return super().get_upload_to(filename.lstrip(".") or "anh")


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class DocumentType(models.TextChoices):
    """Kinds of official documents (văn bản), as the department files them."""

    RESOLUTION = "nghi_quyet", _("Nghị quyết")
    DECREE = "nghi_dinh", _("Nghị định")
    DECISION = "quyet_dinh", _("Quyết định")
    DIRECTIVE = "chi_thi", _("Chỉ thị")
    PLAN = "ke_hoach", _("Kế hoạch")
    PROGRAM = "chuong_trinh", _("Chương trình")
    OFFICIAL_LETTER = "cong_van", _("Công văn")
    REPORT = "bao_cao", _("Báo cáo")
    NOTICE = "thong_bao", _("Thông báo")
    GUIDANCE = "huong_dan", _("Hướng dẫn")
    FORM = "bieu_mau", _("Biểu mẫu")
    # What Decree 42/2022 and the budget and procurement laws ask the agency to disclose
    # (home.models.disclosure.DisclosurePage lists them by year and kind).
    BUDGET_ESTIMATE = "du_toan", _("Công khai dự toán ngân sách")
    BUDGET_SETTLEMENT = "quyet_toan", _("Công khai quyết toán ngân sách")
    PROCUREMENT_PLAN = "ke_hoach_lcnt", _("Kế hoạch lựa chọn nhà thầu")
    PROCUREMENT_RESULT = "ket_qua_lcnt", _("Kết quả lựa chọn nhà thầu")
    STATISTICS = "bao_cao_thong_ke", _("Báo cáo thống kê")
    OTHER = "khac", _("Tài liệu khác")


DISCLOSED_TYPES = (
    DocumentType.BUDGET_ESTIMATE,
    DocumentType.BUDGET_SETTLEMENT,
    DocumentType.PROCUREMENT_PLAN,
    DocumentType.PROCUREMENT_RESULT,
    DocumentType.STATISTICS,
)


class DocumentEffect(models.TextChoices):
    IN_FORCE = "con_hieu_luc", _("Còn hiệu lực")
    NOT_YET = "chua_hieu_luc", _("Chưa có hiệu lực")
    EXPIRED = "het_hieu_luc", _("Hết hiệu lực")
    NOT_APPLICABLE = "khong_ap_dung", _("Không áp dụng")


class DocumentReview(models.TextChoices):
    """Where a document stands with the approvers. The library, search and downloads show only
    approved ones: an editor's new or changed document waits, as an editor's page does."""

    WAITING = "cho_duyet", _("Chờ duyệt")
    APPROVED = "da_duyet", _("Đã duyệt")
    SENT_BACK = "tra_lai", _("Trả lại để sửa")


def private_document_storage():
    """Document files live outside MEDIA_ROOT: the front server never serves them, so a private
    collection's files are reachable only through Wagtail's checked download view."""
    return storages["documents"]


class SiteDocumentQuerySet(DocumentQuerySet):
    def readable(self):
        """What a reader may open: approved documents outside every collection with a view
        restriction (and its sub-collections)."""
        from wagtail.models import CollectionViewRestriction

        # Kept with the frame's generation, which a restriction or collection changed moves
        # (home/invalidation.py): one query less for every list of documents.
        restricted = remembered(
            "restricted-collection-paths",
            lambda: list(
                CollectionViewRestriction.objects.values_list("collection__path", flat=True)
            ),
        )
        hidden = Q()
        for collection_path in restricted:
            hidden |= Q(collection__path__startswith=collection_path)
        documents = self.filter(review_status=DocumentReview.APPROVED)
        return documents.exclude(hidden) if hidden else documents


class SiteDocument(AbstractDocument):
    objects = SiteDocumentQuerySet.as_manager()

    file = models.FileField(_("tệp"), upload_to="documents", storage=private_document_storage)
    number = models.CharField(
        _("số, ký hiệu"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("Ví dụ: 2423/QĐ-UBND, 54/2023/NQ-HĐND."),
    )
    document_type = models.CharField(
        _("loại văn bản"), max_length=20, choices=DocumentType.choices, default=DocumentType.OTHER
    )
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True, db_index=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    summary = models.TextField(_("trích yếu"), blank=True, max_length=2000)
    effect = models.CharField(
        _("hiệu lực"),
        max_length=20,
        choices=DocumentEffect.choices,
        default=DocumentEffect.NOT_APPLICABLE,
    )
    effective_from = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    sector = models.CharField(
        _("lĩnh vực"), max_length=30, choices=Sector.choices, blank=True, db_index=True
    )
    official_url = models.URLField(
        _("liên kết bản chính thức"),
        blank=True,
        max_length=500,
        help_text=_(
            "Địa chỉ của văn bản trên Cơ sở dữ liệu quốc gia về văn bản pháp luật "
            "(vbpl.vn) hoặc Công báo, nếu có."
        ),
    )

    review_status = models.CharField(
        _("tình trạng duyệt"),
        max_length=10,
        choices=DocumentReview.choices,
        default=DocumentReview.WAITING,
        db_index=True,
        editable=False,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("thời điểm duyệt"), null=True, blank=True, editable=False)
    review_comment = models.TextField(_("ý kiến của người duyệt"), blank=True, editable=False)

    admin_form_fields = (
        *Document.admin_form_fields,
        "number",
        "document_type",
        "issued_on",
        "issuer",
        "signer",
        "summary",
        "sector",
        "effect",
        "effective_from",
        "official_url",
    )
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.FilterField("document_type"),
        index.FilterField("issued_on"),
        index.FilterField("sector"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("tài liệu")
        verbose_name_plural = _("tài liệu")
        permissions = [("approve_sitedocument", _("Có thể duyệt văn bản để công bố"))]

    def clean(self):
        if not self.file:
            # The multiple uploader checks a parked file's metadata form before it attaches the
            # file (wagtail.admin.views.generic.multiple_upload.CreateFromUploadView); the file
            # itself was checked when it was uploaded. Wagtail's own check would call the missing
            # name a bad extension, on a field that form does not have.
            return
        # Wagtail checks WAGTAILDOCS_EXTENSIONS too, with an English message.
        extension = os.path.splitext(self.file.name)[1].lower().lstrip(".")
        allowed = settings.WAGTAILDOCS_EXTENSIONS
        if extension not in allowed:
            raise ValidationError(
                {
                    "file": _("Không nhận tệp .%(extension)s. Chỉ nhận: %(allowed)s.")
                    % {"extension": extension or "?", "allowed": ", ".join(allowed)}
                }
            )
        if not getattr(self.file, "_committed", True):  # a new upload
            self._check_content_matches(extension)
        super().clean()

    def _check_content_matches(self, extension):
        try:
            check_file_matches(self.file, extension)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from error

    @classmethod
    def waiting_for_review(cls):
        """Documents waiting for an approver, oldest first (the approvers' list)."""
        return cls.objects.filter(review_status=DocumentReview.WAITING).order_by("created_at", "pk")

    @property
    def is_approved(self):
        return self.review_status == DocumentReview.APPROVED

    def record_review(self, user, status, comment=""):
        self.review_status = status
        self.reviewed_by = user
        self.reviewed_at = timezone.now()
        self.review_comment = comment

    @property
    def display_title(self):
        """ "Quyết định số 2423/QĐ-UBND" where the document is numbered, else its title."""
        if self.number and self.document_type != DocumentType.OTHER:
            return f"{self.get_document_type_display()} số {self.number}"
        return self.title
