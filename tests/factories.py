import datetime

import factory
import wagtail_factories
from wagtail.images import get_image_model

from articles.models import ArticleIndexPage, ArticlePage
from core.text import vietnamese_slugify
from home.models import ContactFormField, ContactPage, StandardPage
from programs.models import (
    Organization,
    ProgramIndexPage,
    ProgramPage,
    ResearchField,
    TaskPage,
)

READER_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0 Mobile Safari/537.36"
)
BOT_USER_AGENT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


class SitePageFactory(wagtail_factories.PageFactory):
    slug = factory.LazyAttribute(lambda page: vietnamese_slugify(page.title))

    class Meta:
        abstract = True


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Ảnh {n}")
    caption = "Toàn cảnh buổi làm việc"
    description = "Các đại biểu dự buổi làm việc"
    file = factory.django.ImageField(width=1600, height=900, color="#0b4f8a")

    class Meta:
        model = get_image_model()


class StandardPageFactory(SitePageFactory):
    title = factory.Sequence(lambda n: f"Trang thông tin {n}")
    intro = "Giới thiệu chung về Sở."

    class Meta:
        model = StandardPage


class ArticleIndexPageFactory(SitePageFactory):
    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    show_in_menus = True

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(SitePageFactory):
    title = factory.Sequence(lambda n: f"Tin bài số {n}")
    summary = "Tóm tắt tin bài về hoạt động khoa học và công nghệ."
    published_on = factory.Sequence(
        lambda n: datetime.date(2026, 11, 1) - datetime.timedelta(days=n)
    )
    author_line = "Ánh Nguyệt - Tú Hảo"
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Nội dung chi tiết của tin bài.</p>"}]
    )

    class Meta:
        model = ArticlePage


class ContactPageFactory(SitePageFactory):
    title = "Liên hệ"
    to_address = "vanthu@sokhcn.example"
    from_address = "no-reply@sokhcn.example"
    subject = "Thư liên hệ"
    thank_you_text = "<p>Sở đã nhận được thư của bạn.</p>"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        if not create:
            return
        specs = extracted or [
            ("Họ và tên", "singleline", True),
            ("Thư điện tử", "email", True),
            ("Nội dung", "multiline", True),
        ]
        for order, (label, field_type, required) in enumerate(specs):
            ContactFormField.objects.create(
                page=page, sort_order=order, label=label, field_type=field_type, required=required
            )


class OrganizationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Viện nghiên cứu số {n}")
    short_name = factory.Sequence(lambda n: f"VNC{n}")

    class Meta:
        model = Organization


class ResearchFieldFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    slug = factory.Sequence(lambda n: f"linh-vuc-{n}")

    class Meta:
        model = ResearchField


class ProgramIndexPageFactory(SitePageFactory):
    title = "Nhiệm vụ KH&CN"
    slug = "chuong-trinh"

    class Meta:
        model = ProgramIndexPage


class ProgramPageFactory(SitePageFactory):
    title = factory.Sequence(lambda n: f"Chương trình số {n}")
    start_year = 2021
    end_year = 2025

    class Meta:
        model = ProgramPage


class TaskPageFactory(SitePageFactory):
    title = factory.Sequence(lambda n: f"Đề tài nghiên cứu số {n}")
    code = factory.Sequence(lambda n: f"ĐT.{n:04d}")
    start_date = datetime.date(2021, 6, 1)
    end_date = datetime.date(2024, 5, 31)
    total_budget = 1_250_000_000
    state_budget = 1_000_000_000

    class Meta:
        model = TaskPage
