"""Admin upload forms for images and documents: limits and refusals with clear Vietnamese messages,
and no upload that can crash the server or run code in the site's origin."""

import os

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from home.models.media import (
    DOCUMENT_COLLECTION,
    IMAGE_COLLECTION,
    DocumentReview,
    default_collection,
)


class SafeImageField(WagtailImageField):
    """Wagtail's image field reads the image size through Pillow, which raises (rather than
    reports) on decompression bombs and damaged files: an upload then ends in a server error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages.update(
            {
                "invalid_image": _("Tệp này không phải là ảnh hoặc đã bị hỏng."),
                "invalid_image_extension": _(
                    "Định dạng ảnh không được hỗ trợ. Chỉ nhận: %(formats)s."
                )
                % {"formats": self.supported_formats_text},
                "invalid_image_known_format": _(
                    "Tệp có đuôi .%(extension)s nhưng nội dung là ảnh %(image_format)s."
                ),
                "file_too_large": _(
                    "Tệp quá lớn (%(file_size)s). Dung lượng tối đa %(max_filesize)s."
                ),
                "file_too_many_pixels": _(
                    "Ảnh có quá nhiều điểm ảnh (%(num_pixels)s). Tối đa %(max_pixels_count)s "
                    "điểm ảnh; hãy thu nhỏ ảnh trước khi tải lên."
                ),
            }
        )

    def to_python(self, data):
        try:
            return super().to_python(data)
        except PILImage.DecompressionBombError as error:
            raise ValidationError(
                _("Ảnh có quá nhiều điểm ảnh, có thể là tệp độc hại. Hãy thu nhỏ ảnh."),
                code="file_too_many_pixels",
            ) from error
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class UploadDefaultsMixin:
    """A new upload goes into the collection editors file that kind of media in, and is titled
    by its file's name without the extension ("qd-2423.pdf" is titled "qd-2423")."""

    default_collection_name = None

    def set_default_collection(self):
        if self.instance.pk or self.is_bound or "collection" not in self.fields:
            return
        # (A new instance's collection is the root by default, which nobody files into.)
        if collection := default_collection(self.default_collection_name):
            self.initial["collection"] = collection.pk

    def clean_title(self):
        return title_without_extension(
            self.cleaned_data["title"], getattr(self.files.get("file"), "name", "")
        )


class SiteImageForm(UploadDefaultsMixin, BaseImageForm):
    default_collection_name = IMAGE_COLLECTION

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_default_collection()
        if description := self.fields.get("description"):
            description.label = _("Mô tả ảnh cho người khiếm thị")
            description.help_text = _(
                "Một câu nói ảnh thể hiện gì, để trình đọc màn hình đọc cho người không nhìn "
                "thấy ảnh (không ghi tên tệp). Ví dụ: Lãnh đạo Sở trao giấy chứng nhận cho "
                "doanh nghiệp."
            )
        # Built per form, not once at import, so the limits follow the settings in force.
        if generated := self.fields.get("file"):
            self.fields["file"] = SafeImageField(
                label=generated.label, required=generated.required, widget=generated.widget
            )


class SiteDocumentForm(UploadDefaultsMixin, BaseDocumentForm):
    """The document form, also the multiple uploader's. That uploader first posts only the file,
    its title and collection: fields with a default (type, effect) take it then, so the document
    is made at once, in private storage, and its metadata is filled in on the next form.

    Documents are official: what an editor adds or changes waits for an approver (the library
    shows approved documents only). An approver decides on the same form."""

    default_collection_name = DOCUMENT_COLLECTION

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.set_default_collection()
        self.reviewer = user if user is not None and user.has_perm(APPROVE_PERMISSION) else None
        if self.reviewer:
            self.fields["review"] = forms.ChoiceField(
                label=_("Duyệt văn bản"),
                choices=ReviewDecision.choices,
                initial=ReviewDecision.APPROVE,
                required=False,  # the multiple uploader's first post has no decision: approve
                widget=forms.RadioSelect,
            )
            self.fields["review_comment"] = forms.CharField(
                label=_("Ý kiến gửi biên tập viên"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Bắt buộc khi trả lại: biên tập viên đọc ý kiến này để sửa."),
            )
        if file_field := self.fields.get("file"):
            file_field.error_messages["file_too_large"] = _(
                "Tệp quá lớn (%(file_size)s). Dung lượng tối đa %(max_filesize)s."
            )
        self.defaults = {
            name: self._meta.model._meta.get_field(name).get_default()
            for name, field in self.fields.items()
            if name in FIELDS_WITH_DEFAULTS
        }
        for name in self.defaults:
            self.fields[name].required = False

    def clean(self):
        cleaned_data = super().clean()
        for name, default in self.defaults.items():
            if not cleaned_data.get(name):
                cleaned_data[name] = default
        if (
            cleaned_data.get("review") == ReviewDecision.SEND_BACK
            and not cleaned_data.get("review_comment", "").strip()
        ):
            self.add_error("review_comment", _("Hãy ghi ý kiến để biên tập viên biết cần sửa gì."))
        return cleaned_data

    def save(self, commit=True):
        document = self.instance
        if self.reviewer:
            decision = self.cleaned_data.get("review") or ReviewDecision.APPROVE
            document.record_review(
                self.reviewer,
                REVIEW_STATUS[decision],
                self.cleaned_data.get("review_comment", "").strip(),
            )
        elif not document.pk or self.has_changed():
            # An editor's new or changed document goes back to the approvers, whatever it was.
            document.review_status = DocumentReview.WAITING
        return super().save(commit=commit)


FIELDS_WITH_DEFAULTS = ("document_type", "effect")
APPROVE_PERMISSION = "home.approve_sitedocument"


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", _("Phê duyệt: công bố trên cổng")
    SEND_BACK = "send_back", _("Trả lại cho biên tập viên sửa")
    WAIT = "wait", _("Để chờ duyệt")


REVIEW_STATUS = {
    ReviewDecision.APPROVE: DocumentReview.APPROVED,
    ReviewDecision.SEND_BACK: DocumentReview.SENT_BACK,
    ReviewDecision.WAIT: DocumentReview.WAITING,
}


def title_without_extension(title, file_name):
    """ "qd-2423.pdf" as a title is the uploader's file name: readers see "qd-2423"."""
    extension = os.path.splitext(file_name)[1]
    if extension and title.lower().endswith(extension.lower()) and len(title) > len(extension):
        return title[: -len(extension)]
    return title
