"""Build the demo site: settings, home page, information pages, contact page, news sections with
articles and images, and (under the dev settings only) a demo administrator. Idempotent: what
already exists (looked up by slug or title) is left as it is, so editors' changes survive a
rerun."""

import datetime
import os
from io import BytesIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Site
from wagtail.rich_text import RichText

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from core.text import short_slug
from demo import content
from demo import documents as demo_documents
from demo.citizens_demo import build_citizens_demo
from demo.galleries_demo import build_galleries_demo
from demo.images import draw_demo_image
from demo.procedures_demo import build_procedures_demo
from demo.registry_demo import build_registry_demo
from demo.schedule_demo import build_schedule_demo
from demo.tally import Tally
from home.models import (
    AgencyLink,
    ContactFormField,
    ContactPage,
    DisclosurePage,
    DocumentEffect,
    DocumentLibraryPage,
    DocumentReview,
    HomePage,
    Person,
    SiteSettings,
    StandardPage,
    VisitorDay,
)
from home.models.media import DOCUMENT_COLLECTION, IMAGE_COLLECTION

DEMO_IMAGE_COUNT = 12
DEMO_PASSWORD_DEFAULT = "quantri-sonla-2026"  # noqa: S105 (dev-only, printed on purpose)
# (username, full name, group or None for the superuser)
DEMO_USERS = (
    ("admin", ("Quản trị", "hệ thống"), None),
    ("editor", ("Ánh", "Nguyệt"), EDITORS_GROUP),
    ("approver", ("Tú", "Hảo"), APPROVERS_GROUP),
)
# Both made by migration home/0005 on every deployment.


class Command(BaseCommand):
    help = "Tạo nội dung mẫu cho cổng thông tin (chạy lại nhiều lần không tạo trùng)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-renditions",
            action="store_true",
            help="Không tạo sẵn các bản ảnh (trang sẽ tạo khi được xem lần đầu).",
        )

    def handle(self, *args, without_renditions=False, **options):
        self.tally = Tally()
        with transaction.atomic():
            home = self.home_page()
            self.site_settings(home)
            self.agency_links()
            images = self.images()
            self.documents()
            about = self.standard_pages(home)
            sections = self.sections(home)
            self.articles(sections, images)
            self.home_content(home, about)
            self.step("Danh mục nhiệm vụ KH&CN")
            registry = build_registry_demo(self.tally)
            self.stdout.write(
                f"  {len(registry.tasks)} nhiệm vụ trong {len(registry.programs)} chương trình"
            )
            self.step("Thủ tục hành chính")
            catalogue = build_procedures_demo(self.tally)
            self.stdout.write(f"  {catalogue.get_children().count()} thủ tục (dữ liệu minh họa)")
            # Created last so the menu reads: news, registry, procedures, documents, disclosures,
            # questions, drafts for comment, contact.
            self.library_page(home)
            self.disclosure_pages(home)
            self.step("Lịch công tác")
            schedule = build_schedule_demo(self.tally, self.publish_child)
            self.stdout.write(f"  {schedule.get_children().count()} tuần quanh hôm nay")
            self.step("Thư viện ảnh và video")
            albums, videos = build_galleries_demo(self.tally, self.publish_child, images)
            self.stdout.write(
                f"  {albums.get_children().count()} album ảnh, "
                f"{videos.get_children().count()} video"
            )
            self.step("Hỏi đáp và Góp ý dự thảo")
            questions, consultations = build_citizens_demo(self.tally, self.publish_child)
            self.stdout.write(
                f"  {questions.get_children().count()} câu hỏi đã trả lời, "
                f"{consultations.get_children().count()} dự thảo lấy ý kiến"
            )
            self.contact_page(home)
            self.english_pages(home)
            self.visits()
        with transaction.atomic():
            users = self.users()
            if "editor" in users:
                self.article_in_moderation(sections["tin-tuc"], images, users["editor"])
        if not without_renditions:
            self.step("Tạo sẵn các bản ảnh cho trang công khai")
            call_command("warm_renditions", stdout=self.stdout)
        accounts = f"; tài khoản mẫu: {', '.join(users)}" if users else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Xong: tạo mới {self.tally.created} mục, giữ nguyên {self.tally.kept} mục "
                f"đã có{accounts}."
            )
        )

    # Progress ---------------------------------------------------------------------------------

    def step(self, message):
        self.stdout.write(f"• {message}")

    def count(self, created):
        self.tally.count(created)

    # Pages ------------------------------------------------------------------------------------

    def publish_child(self, parent, page):
        """Add `page` under `parent` unless a sibling has its slug; return the page in the tree."""
        existing = parent.get_children().filter(slug=page.slug).first() if page.slug else None
        if existing is None:
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.count(True)
            return page
        self.count(False)
        return existing.specific

    def home_page(self):
        self.step("Trang chủ")
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise SystemExit("Trang gốc của site mặc định không phải Trang chủ (HomePage).")
        return home

    def home_content(self, home, about):
        if home.intro:
            self.count(False)
            return
        links = []
        for title, url, description in content.HOME["quick_links"]:
            links.append({"title": title, "page": None, "url": url, "description": description})
        home.tagline = content.HOME["tagline"]
        home.intro = [
            ("paragraph", RichText(content.HOME["intro_html"])),
            ("quick_links", links),
        ]
        home.save_revision().publish()
        self.count(True)

    def site_settings(self, home):
        self.step("Thông tin cơ quan (chân trang)")
        site_settings = SiteSettings.for_site(home.get_site())
        blank_fields = [
            field for field in content.SITE_SETTINGS if not getattr(site_settings, field)
        ]
        for field in blank_fields:
            setattr(site_settings, field, content.SITE_SETTINGS[field])
        site_settings.save()
        self.count(bool(blank_fields))

    def people(self):
        for order, (name, position, unit, duties, phone, email, group) in enumerate(content.PEOPLE):
            _, created = Person.objects.get_or_create(
                name=name,
                position=position,
                defaults={
                    "unit": unit,
                    "position_en": content.PEOPLE_IN_ENGLISH.get(position, ""),
                    "unit_en": content.PEOPLE_IN_ENGLISH.get(unit, ""),
                    "responsibilities": duties,
                    "phone": phone,
                    "email": email,
                    "group": group,
                    "sort_order": order,
                },
            )
            self.count(created)

    def agency_links(self):
        self.step("Liên kết các cơ quan (chân trang)")
        for order, (name, url) in enumerate(content.AGENCY_LINKS):
            _, created = AgencyLink.objects.get_or_create(
                url=url, defaults={"name": name, "sort_order": order}
            )
            self.count(created)

    def standard_pages(self, home):
        self.step("Trang Giới thiệu và các trang con")
        about = self.publish_child(
            home,
            StandardPage(
                title=content.ABOUT["title"],
                slug="gioi-thieu",
                intro=content.ABOUT["intro"],
                body=paragraphs(content.ABOUT["paragraphs"]),
                show_in_menus=True,
            ),
        )
        self.people()
        for title, intro, body in content.ABOUT["children"]:
            people = [
                {"type": "people", "value": {"heading": heading, "group": group}}
                for heading, group in content.PEOPLE_ON_PAGES.get(title, [])
            ]
            page = StandardPage(
                title=title, intro=intro, body=paragraphs(body) + people, show_in_menus=True
            )
            page.slug = short_slug(title)
            self.publish_child(about, page)
        return about

    def contact_page(self, home):
        self.step("Trang Liên hệ và biểu mẫu")
        return self.publish_child(home, form_page(content.CONTACT, "lien-he", show_in_menus=True))

    def disclosure_pages(self, home):
        self.step("Trang Công khai, danh mục thông tin và phiếu yêu cầu cung cấp thông tin")
        data = content.DISCLOSURE
        disclosure = self.publish_child(
            home,
            DisclosurePage(
                title=data["title"], slug=data["slug"], intro=data["intro"], show_in_menus=True
            ),
        )
        listing = content.DISCLOSURE_LIST
        self.publish_child(
            disclosure,
            StandardPage(
                title=listing["title"],
                slug="danh-muc-thong-tin-cong-khai",
                intro=listing["intro"],
                body=[
                    {
                        "type": "table",
                        "value": table({"caption": listing["title"], "rows": listing["rows"]}),
                    }
                ],
            ),
        )
        request = content.INFORMATION_REQUEST
        self.publish_child(disclosure, form_page(request, request["slug"]))
        return disclosure

    def english_pages(self, home):
        self.step("Trang tiếng Anh (/en/)")
        english = Locale.objects.get(language_code="en")
        english_home = home.get_translation_or_none(english)
        self.count(english_home is None)
        if english_home is None:
            english_home = home.copy_for_translation(english)
            english_home.title = content.ENGLISH_HOME["title"]
            english_home.tagline = content.ENGLISH_HOME["tagline"]
            english_home.intro = []
            english_home.save_revision().publish()
        for slug_path, (slug, title, intro, texts) in content.ENGLISH_PAGES.items():
            page = home.get_descendants().filter(url_path=f"{home.url_path}{slug_path}/").first()
            if page is None or page.specific.get_translation_or_none(english) is not None:
                self.count(False)
                continue
            translated = page.specific.copy_for_translation(english)
            translated.slug, translated.title = slug, title
            if isinstance(translated, ContactPage):
                translated.intro = f"<p>{intro}</p>"
                translated.thank_you_text = content.ENGLISH_THANK_YOU
                for field in translated.form_fields.all():
                    label, choices, help_text = content.ENGLISH_CONTACT_FIELDS[field.label]
                    field.label, field.help_text = label, help_text
                    field.choices = choices or field.choices
                    field.save()
            else:
                people = [block for block in translated.body if block.block_type == "people"]
                translated.intro = intro
                translated.body = paragraphs(texts) + [
                    {
                        "type": "people",
                        "value": {
                            "heading": content.ENGLISH_HEADINGS.get(block.value["heading"], ""),
                            "group": block.value["group"],
                        },
                    }
                    for block in people
                ]
            translated.save_revision().publish()
            self.count(True)

    def library_page(self, home):
        self.step("Thư viện văn bản")
        return self.publish_child(
            home,
            DocumentLibraryPage(
                title="Văn bản",
                slug="van-ban",
                intro=(
                    "Nghị quyết, quyết định, kế hoạch, báo cáo và biểu mẫu về khoa học và công "
                    "nghệ do Sở và các cơ quan ban hành."
                ),
                show_in_menus=True,
            ),
        )

    def documents(self):
        self.step(f"Văn bản ({len(demo_documents.DOCUMENTS)})")
        Document = get_document_model()
        collection = Collection.objects.get(depth=2, name=DOCUMENT_COLLECTION)
        for number, kind, day, issuer, signer, title, summary in demo_documents.DOCUMENTS:
            exists = Document.objects.filter(number=number).exists()
            self.count(not exists)
            if exists:
                continue
            issued_on = datetime.date(*day)
            pdf = demo_documents.draw_document_pdf(
                number, issuer, issued_on, title, summary, signer
            )
            Document.objects.create(
                title=title,
                file=ContentFile(pdf, name=f"{short_slug(number) or 'van-ban'}.pdf"),
                collection=collection,
                number=number,
                document_type=kind,
                issued_on=issued_on,
                issuer=issuer,
                signer=signer,
                summary=summary,
                effect=DocumentEffect.IN_FORCE,
                review_status=DocumentReview.APPROVED,  # the department's published documents
                **document_details(number),
            )

    def sections(self, home):
        self.step("Chuyên mục tin")
        ArticleIndexPage = apps.get_model("articles", "ArticleIndexPage")
        return {
            section["slug"]: self.publish_child(
                home,
                ArticleIndexPage(
                    title=section["title"],
                    slug=section["slug"],
                    intro=section["intro"],
                    show_in_menus=True,
                ),
            )
            for section in content.SECTIONS
        }

    def articles(self, sections, images):
        ArticlePage = apps.get_model("articles", "ArticlePage")
        ArticleViews = apps.get_model("articles", "ArticleViews")
        ArticleViewDay = apps.get_model("articles", "ArticleViewDay")
        total = len(content.ARTICLES) + 1
        self.step(f"Tin bài ({total})")
        session = content.WORKING_SESSION
        body = paragraphs(session["paragraphs"][:3])
        body.append(
            {
                "type": "quote",
                "value": {
                    "text": session["quote"][0],
                    "attribution": session["quote"][1],
                },
            }
        )
        body.append({"type": "table", "value": table(session["table"])})
        decision = get_document_model().objects.filter(number="2423/QĐ-UBND").first()
        if decision:
            body.append({"type": "document", "value": {"document": decision.pk, "title": ""}})
        body.extend(paragraphs(session["paragraphs"][3:]))
        specs = [
            (
                session["section"],
                session["published_on"],
                session["title"],
                session["slug"],
                session["summary"],
                body,
                session["author_line"],
                session["tags"],
                session["caption"],
                session["views"],
            )
        ]
        for number, (section, day, title, summary, texts, author, tags) in enumerate(
            content.ARTICLES, start=1
        ):
            specs.append(
                (
                    section,
                    datetime.date(*day),
                    title,
                    short_slug(title),
                    summary,
                    paragraphs(texts),
                    author,
                    tags,
                    "",
                    40 + (number * 37) % 460,
                )
            )
        for index, spec in enumerate(specs, start=1):
            section, day, title, slug, summary, body, author, tags, caption, views = spec
            article = ArticlePage(
                title=title,
                slug=slug,
                published_on=day,
                summary=summary,
                body=body,
                author_line=author,
                lead_image=images[index % len(images)],
                lead_image_caption=caption,
            )
            article.tags.add(*tags)
            article = self.publish_child(sections[section], article)
            _, counted = ArticleViews.objects.get_or_create(
                page_id=article.pk, defaults={"views": views}
            )
            if counted:  # the last two weeks of those views, day by day, for "Tin đọc nhiều nhất"
                today = timezone.localdate()
                ArticleViewDay.objects.bulk_create(
                    ArticleViewDay(
                        page_id=article.pk,
                        day=today - datetime.timedelta(days=back),
                        views=views // 30 + (index + back) % 4,
                    )
                    for back in range(14)
                )
            if index % 10 == 0:
                self.stdout.write(f"  {index}/{total}")

    def visits(self):
        """Two months of "Thống kê truy cập", so that the visits report has a curve to draw:
        more on weekdays than at weekends."""
        self.step("Lượt truy cập hai tháng qua")
        if VisitorDay.objects.exists():
            self.count(False)
            return
        today = timezone.localdate()
        rows = []
        for back in range(60):
            day = today - datetime.timedelta(days=back)
            visitors = (25 if day.weekday() >= 5 else 60) + (back * 7) % 23
            moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
            rows += [
                VisitorDay(
                    visitor_key=f"demo-{day}-{n}", day=day, first_seen=moment, last_seen=moment
                )
                for n in range(visitors)
            ]
        VisitorDay.objects.bulk_create(rows, batch_size=1000)
        self.count(True)

    # Images and users ------------------------------------------------------------------------

    def images(self):
        self.step(f"Ảnh minh họa ({DEMO_IMAGE_COUNT})")
        Image = get_image_model()
        collection = Collection.objects.get(depth=2, name=IMAGE_COLLECTION)
        images = []
        for number in range(DEMO_IMAGE_COUNT):
            title = f"Ảnh minh họa {number + 1:02d}"
            image = Image.objects.filter(title=title).first()
            self.count(image is None)
            if image is None:
                image = Image(
                    title=title,
                    collection=collection,
                    description="Tranh minh họa phong cảnh và hoạt động khoa học, công nghệ",
                    caption="Ảnh minh họa",
                    credit="Sở Khoa học và Công nghệ tỉnh Sơn La",
                )
                image.file = ImageFile(
                    BytesIO(draw_demo_image(number)),
                    name=f"minh-hoa-{number + 1:02d}.jpg",
                )
                image.save()
            images.append(image)
        return images

    def users(self):
        if not getattr(settings, "ALLOW_DEMO_USERS", False):
            self.stdout.write(
                self.style.WARNING(
                    "Cấu hình production: không tạo tài khoản mẫu. "
                    "Dùng `manage.py createsuperuser` để tạo tài khoản quản trị."
                )
            )
            return {}
        self.step("Tài khoản mẫu (chỉ cho môi trường phát triển)")
        password = os.environ.get("DEMO_PASSWORD", DEMO_PASSWORD_DEFAULT)
        User = get_user_model()
        users = {}
        for username, (first_name, last_name), group_name in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@sokhcn.example",
                    "is_staff": group_name is None,
                    "is_superuser": group_name is None,
                },
            )
            if created:
                user.set_password(password)
                user.save()
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
            self.count(created)
            users[username] = user
        self.stdout.write(f"  đăng nhập /admin/ bằng {', '.join(users)}; mật khẩu: {password}")
        return users

    def article_in_moderation(self, section, images, editor):
        """A draft an editor has submitted, so the approver's dashboard shows the workflow."""
        self.step("Tin bài đang chờ duyệt")
        data = content.ARTICLE_IN_MODERATION
        slug = short_slug(data["title"])
        if section.get_children().filter(slug=slug).exists():
            self.count(False)
            return
        ArticlePage = apps.get_model("articles", "ArticlePage")
        article = ArticlePage(
            title=data["title"],
            slug=slug,
            summary=data["summary"],
            body=paragraphs(data["paragraphs"]),
            author_line=data["author_line"],
            lead_image=images[0],
            live=False,
            owner=editor,
        )
        section.add_child(instance=article)
        article.save_revision(user=editor)
        # The approvers' notification would be printed into this command's output in dev.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            article.get_workflow().start(article, editor)
        self.count(True)


def paragraphs(texts):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def table(spec):
    return {
        "caption": spec["caption"],
        "table": {
            "data": spec["rows"],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "",
        },
    }


def document_details(number):
    """The demo's field, date in force and official link of document `number`."""
    details = dict(demo_documents.DOCUMENT_DETAILS.get(number, {}))
    if "effective_from" in details:
        details["effective_from"] = datetime.date(*details["effective_from"])
    return details


def form_page(data, slug, **page_fields):
    """A form page (contact, information request) with its fields, from the demo's text."""
    page = ContactPage(
        title=data["title"],
        slug=slug,
        intro=data["intro_html"],
        thank_you_text=data["thank_you_html"],
        to_address=data.get("to_address", content.CONTACT["to_address"]),
        from_address=settings.DEFAULT_FROM_EMAIL,
        subject=data["subject"],
        **page_fields,
    )
    page.form_fields = [
        ContactFormField(
            sort_order=order,
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
            help_text=help_text,
        )
        for order, (label, field_type, required, choices, help_text) in enumerate(data["fields"])
    ]
    return page
