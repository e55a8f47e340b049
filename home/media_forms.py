"""Admin upload forms for images and documents: limits and refusals with clear Vietnamese messages,
and no upload that can crash the server or run code in the site's origin."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


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


class SiteImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per form, not once at import, so the limits follow the settings in force.
        if generated := self.fields.get("file"):
            self.fields["file"] = SafeImageField(
                label=generated.label, required=generated.required, widget=generated.widget
            )


class SiteDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if file_field := self.fields.get("file"):
            file_field.error_messages["file_too_large"] = _(
                "Tệp quá lớn (%(file_size)s). Dung lượng tối đa %(max_filesize)s."
            )
