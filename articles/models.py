from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.counters import update_or_insert
from core.pages import SitePage, site_address
from core.pagination import paginate
from core.saving import SavableMixin

ARTICLES_PER_PAGE = 10
OTHER_ARTICLES_PER_PAGE = 10
OTHER_ARTICLES_PARAM = "tin-khac"
# One view per reader and article in this window ("Lượt xem").
VIEW_WINDOW_SECONDS = 30 * 60


class ArticleIndexPage(RoutablePageMixin, SitePage):
    """A news section: "Tin tức - Sự kiện", "Thông báo", "Hoạt động KH&CN"."""

    intro = models.TextField(_("lời dẫn"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")

    def lead_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from articles.selectors import article_list

        context = super().get_context(request, *args, **kwargs)
        # A NUL byte in a text query makes PostgreSQL raise; no tag contains one.
        tag = request.GET.get("tag", "").replace("\x00", "").strip()[:100] or None
        context["tag"] = tag
        context["extra_query"] = f"&{urlencode({'tag': tag})}" if tag else ""
        context["articles"] = paginate(
            article_list(index=self, tag=tag), request, per_page=ARTICLES_PER_PAGE
        )
        return context

    @path("rss/")
    def rss_feed(self, request):
        from articles.feeds import RssNewsFeed

        return RssNewsFeed(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        from articles.feeds import AtomNewsFeed

        return AtomNewsFeed(self)(request)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(SavableMixin, SitePage):
    summary = models.TextField(
        _("tóm tắt"),
        blank=True,
        max_length=1000,
        help_text=_("Đoạn mở đầu in đậm dưới tiêu đề, cũng dùng trong danh sách tin."),
    )
    published_on = models.DateField(_("ngày đăng"), default=timezone.localdate, db_index=True)
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(
        _("chú thích ảnh"),
        max_length=300,
        blank=True,
        help_text=_("Để trống để dùng chú thích lưu cùng ảnh."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("nội dung"))
    author_line = models.CharField(
        _("tác giả"),
        max_length=200,
        blank=True,
        help_text=_('In đậm cuối bài, ví dụ "Ánh Nguyệt - Tú Hảo".'),
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("từ khóa"))

    content_panels = [
        *Page.content_panels,
        "published_on",
        "summary",
        MultiFieldPanel(["lead_image", "lead_image_caption"], heading=_("Ảnh đại diện")),
        "body",
        "author_line",
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("author_line"),
        index.FilterField("published_on"),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    # One of many: the site map lists its section, not each article.
    in_site_map = False
    served_with = ("lead_image",)
    served_prefetched = ("tags",)
    schema_type = "NewsArticle"

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")

    def lead_text(self):
        return self.summary

    def social_image(self):
        return self.lead_image

    def published_date(self):
        return self.published_on

    def schema_fields(self, request, meta, site_settings):
        """Headline, dates, author (the byline, else the department), publisher, image."""
        department = {"@type": "GovernmentOrganization", "name": site_settings.department_full_name}
        fields = {
            "headline": self.title,
            "description": meta["description"],
            "datePublished": self.published_on.isoformat(),
            "mainEntityOfPage": meta["canonical"],
            "author": (
                {"@type": "Person", "name": self.author_line} if self.author_line else department
            ),
            "publisher": {**department, "url": site_address(request, "/")},
        }
        modified_at = self.modified_at()
        if modified_at:
            fields["dateModified"] = modified_at.isoformat()
        if meta["image"]:
            fields["image"] = [meta["image"]["url"]]
        return fields

    def clean(self):
        super().clean()
        if self.lead_image and not self.lead_image.description.strip():
            raise ValidationError(
                {
                    "lead_image": _(
                        "Ảnh đại diện chưa có mô tả cho người không xem được ảnh. Hãy mở ảnh "
                        "trong thư viện Hình ảnh và điền ô Mô tả (văn bản thay thế)."
                    )
                }
            )

    @property
    def caption(self):
        if self.lead_image_caption:
            return self.lead_image_caption
        return self.lead_image.caption if self.lead_image else ""

    def get_context(self, request, *args, **kwargs):
        from articles.selectors import other_articles

        context = super().get_context(request, *args, **kwargs)
        # A bad ?tin-khac= is a 404 here.
        context["other_articles"] = paginate(
            other_articles(self),
            request,
            per_page=OTHER_ARTICLES_PER_PAGE,
            param=OTHER_ARTICLES_PARAM,
        )
        # The figure when the page is drawn; the page's script shows the current one.
        context["view_count"] = partial(ArticleViews.count_for, self.pk)
        return context

    def record_reader_view(self, visitor_key):
        """Count a reader's view (sent by the page once shown, `home.views.record_reading`):
        once per visitor and article in VIEW_WINDOW_SECONDS, decided atomically by the shared
        cache, so reloading a page does not inflate its figure."""
        if cache.add(f"article-view:{self.pk}:{visitor_key}", 1, VIEW_WINDOW_SECONDS):
            ArticleViews.record_view(self.pk)

    def reader_views(self):
        return ArticleViews.count_for(self.pk)


class ArticleViews(models.Model):
    """The "Lượt xem" counter, kept out of the page model so that publishing a revision
    (which writes every page field) never resets it to the value stored in the draft."""

    page = models.OneToOneField(
        ArticlePage, on_delete=models.CASCADE, primary_key=True, related_name="view_stats"
    )
    views = models.PositiveBigIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem tin")
        verbose_name_plural = _("lượt xem tin")

    def __str__(self):
        return f"{self.page_id}: {self.views}"

    @classmethod
    def record_view(cls, page_id):
        update_or_insert(
            cls,
            lookup={"page_id": page_id},
            updates={"views": F("views") + 1},
            defaults={"views": 1},
        )
        update_or_insert(
            ArticleViewDay,
            lookup={"page_id": page_id, "day": timezone.localdate()},
            updates={"views": F("views") + 1},
            defaults={"views": 1},
        )

    @classmethod
    def count_for(cls, page_id):
        """The article's views: the one query of an article drawn with the frame cache warm.
        Sliced rather than `.first()`, which orders by the key and clones the query to do so."""
        views = cls.objects.filter(page_id=page_id).values_list("views", flat=True)[:1]
        return next(iter(views), 0)


class ArticleViewDay(models.Model):
    """An article's views on one day: what "most read last month" is counted from (the running
    total stays in ArticleViews, which also holds the views from before days were counted)."""

    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("ngày"), db_index=True)
    views = models.PositiveIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem tin trong ngày")
        verbose_name_plural = _("lượt xem tin trong ngày")
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="unique_article_views_per_day")
        ]

    def __str__(self):
        return f"{self.page_id} {self.day:%d/%m/%Y}: {self.views}"
