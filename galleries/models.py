"""Photo albums (/thu-vien-anh/) and videos (/video/). An album's photos are images of the
library with their own captions, ordered, shown as a grid of renditions cut around each image's
focal point, with a viewer for the keyboard and phones; a video is an embed (Wagtail's embeds,
sized by the stylesheet) or an uploaded file played with its poster image."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.pages import SitePage
from core.pagination import paginate

ALBUMS_PER_PAGE = 12
VIDEOS_PER_PAGE = 12


class AlbumIndexPage(SitePage):
    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)
    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["galleries.AlbumPage"]
    max_count = 1

    class Meta:
        verbose_name = _("thư viện ảnh")
        verbose_name_plural = _("thư viện ảnh")

    def lead_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        albums = with_covers(AlbumPage.objects.readable().child_of(self)).order_by("-date", "-pk")
        page = paginate(albums, request, per_page=ALBUMS_PER_PAGE)
        context["albums"] = page
        attach_covers(page.object_list)
        return context


class AlbumPage(SitePage):
    date = models.DateField(_("ngày"), default=timezone.localdate)
    summary = models.TextField(_("mô tả"), blank=True, max_length=2000)

    content_panels = [
        *Page.content_panels,
        "date",
        "summary",
        InlinePanel("photos", label=_("ảnh"), min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["galleries.AlbumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("album ảnh")
        verbose_name_plural = _("album ảnh")

    def lead_text(self):
        return self.summary

    def published_date(self):
        return self.date

    def photo_list(self):
        """The photos with their images and every rendition of them, in three queries however
        many photos there are."""
        photos = self.photos.all()
        if not isinstance(photos, models.QuerySet):
            return list(photos)  # a preview's unsaved photos
        return list(with_renditions(photos))

    def social_image(self):
        first = self.photos.select_related("image").first()
        return first.image if first else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = self.photo_list()
        return context


class AlbumPhoto(Orderable):
    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("ảnh"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(
        _("chú thích"),
        max_length=300,
        blank=True,
        help_text=_("Để trống để dùng chú thích của ảnh."),
    )
    panels = [FieldRowPanel(["image", "caption"])]

    class Meta(Orderable.Meta):
        verbose_name = _("ảnh")

    @property
    def text(self):
        return self.caption or getattr(self.image, "caption", "") or self.image.title


def with_renditions(photos):
    """`photos` with their images and every rendition of them: two queries more in all."""
    images = get_image_model().objects.prefetch_renditions()
    return photos.prefetch_related(Prefetch("image", queryset=images))


def with_covers(albums):
    """`albums` (a queryset) with their photo count and their first photo's id, `cover_id`."""
    first_photo = AlbumPhoto.objects.filter(page=OuterRef("pk")).order_by("sort_order", "pk")
    return albums.annotate(
        photo_count=Count("photos"), cover_id=Subquery(first_photo.values("pk")[:1])
    )


def attach_covers(albums):
    """Each album of `with_covers` gets its first photo as `cover`, with its renditions: the
    first photos only, two queries for the whole list."""
    covers = with_renditions(AlbumPhoto.objects.filter(pk__in=[a.cover_id for a in albums]))
    by_id = {photo.pk: photo for photo in covers}
    for album in albums:
        album.cover = by_id.get(album.cover_id)
    return albums


class VideoIndexPage(SitePage):
    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)
    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["galleries.VideoPage"]
    max_count = 1

    class Meta:
        verbose_name = _("thư viện video")
        verbose_name_plural = _("thư viện video")

    def lead_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        videos = (
            VideoPage.objects.readable()
            .child_of(self)
            .select_related("poster")
            .order_by("-date", "-pk")
        )
        years = sorted({day.year for day in videos.values_list("date", flat=True)}, reverse=True)
        raw_year = request.GET.get("nam", "").strip()
        year = int(raw_year) if raw_year.isdigit() and int(raw_year) in years else None
        if year:
            videos = videos.filter(date__year=year)
        context.update(
            videos=paginate(videos, request, per_page=VIDEOS_PER_PAGE),
            years=years,
            year=year,
            year_dropped=bool(raw_year) and year is None,
            extra_query=f"&nam={year}" if year else "",
        )
        return context


class VideoPage(SitePage):
    date = models.DateField(_("ngày"), default=timezone.localdate)
    summary = models.TextField(_("mô tả"), blank=True, max_length=2000)
    duration = models.CharField(
        _("thời lượng"), max_length=10, blank=True, help_text=_("Ví dụ: 12:30.")
    )
    embed_url = models.URLField(
        _("địa chỉ video (YouTube, Facebook…)"),
        blank=True,
        help_text=_("Để trống nếu tải tệp video lên dưới đây."),
    )
    video_file = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("tệp video (mp4, webm)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    poster = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(["date", "duration"]),
        "summary",
        MultiFieldPanel(["embed_url", "video_file", "poster"], heading=_("Video")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["galleries.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("video")

    def clean(self):
        super().clean()
        if not self.embed_url and not self.video_file_id:
            raise ValidationError({"embed_url": _("Cần địa chỉ video hoặc tệp video.")})

    def lead_text(self):
        return self.summary

    def published_date(self):
        return self.date

    def social_image(self):
        return self.poster
