"""What the switch-over brought in, keyed by where it came from, so that loading again creates
nothing twice and can tell an editor's later change from its own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One article, document or person of the old portal and what it became here."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Tin bài")
        DOCUMENT = "document", _("Văn bản")
        PERSON = "person", _("Cán bộ")

    source_url = models.CharField(_("địa chỉ ở cổng cũ"), max_length=1000, unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    person = models.ForeignKey(
        "home.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The revision the import wrote: a later one is an editor's, which a new load leaves alone.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    checksum = models.CharField(max_length=64)
    source_views = models.PositiveBigIntegerField(default=0)
    pending_links = models.BooleanField(default=False)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mục đã chuyển từ cổng cũ")
        verbose_name_plural = _("mục đã chuyển từ cổng cũ")

    def __str__(self):
        return self.source_url


class ImportedFile(models.Model):
    """A downloaded file by its content: the same bytes under any address become one image or
    one document."""

    sha1 = models.CharField(max_length=40, unique=True)
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tệp đã chuyển từ cổng cũ")
        verbose_name_plural = _("tệp đã chuyển từ cổng cũ")

    def __str__(self):
        return self.sha1
