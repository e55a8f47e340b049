from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from home.models import ContactPage, DisclosurePage, DocumentLibraryPage, HomePage, StandardPage
from procedures.models import ProcedureIndexPage, ProcedurePage
from programs.models import ProgramIndexPage
from tests.factories import ArticleIndexPageFactory, StandardPageFactory
from tests.helpers import home_page


class PageTreeRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.index = ArticleIndexPageFactory(parent=cls.home, title="Tin tức")
        cls.about = StandardPageFactory(parent=cls.home, title="Giới thiệu")
        cls.admin = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")

    def setUp(self):
        self.client.force_login(self.admin)

    def test_home_page_sits_at_the_root_only_once(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # The type may stand under the root, but max_count = 1 and the first migration made it.
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                ContactPage,
                ArticleIndexPage,
                ProgramIndexPage,
                ProcedureIndexPage,
                DocumentLibraryPage,
                DisclosurePage,
            },
        )

    def test_the_disclosure_page_holds_information_pages_and_forms(self):
        self.assertAllowedSubpageTypes(DisclosurePage, {StandardPage, ContactPage})
        self.assertCanCreateAt(DisclosurePage, StandardPage)
        self.assertCanCreateAt(DisclosurePage, ContactPage)

    def test_procedures_live_only_in_the_catalogue(self):
        self.assertAllowedParentPageTypes(ProcedurePage, {ProcedureIndexPage})
        self.assertAllowedSubpageTypes(ProcedurePage, set())
        self.assertAllowedParentPageTypes(ProcedureIndexPage, {HomePage})

    def test_articles_live_only_in_news_sections(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)

    def test_news_sections_hang_off_the_home_page(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_information_pages_nest(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage, DisclosurePage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, ContactPage})
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_editor_can_create_article_through_admin(self):
        self.assertCanCreate(
            self.index,
            ArticlePage,
            nested_form_data(
                {
                    "title": "Hội thảo chuyển đổi số",
                    "slug": "hoi-thao-chuyen-doi-so",
                    "published_on": "20/11/2026",
                    "summary": "Tóm tắt hội thảo.",
                    "author_line": "Thu Hà",
                    "tags": "chuyển đổi số",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Nội dung chính", "level": "h2"}),
                            ("paragraph", rich_text("<p>Hội thảo diễn ra tại Sơn La.</p>")),
                            ("quote", {"text": "Chuyển đổi số là tất yếu.", "attribution": ""}),
                        ]
                    ),
                }
            ),
        )
        article = ArticlePage.objects.get(slug="hoi-thao-chuyen-doi-so")
        self.assertEqual(article.author_line, "Thu Hà")
        self.assertEqual(
            [block.block_type for block in article.body], ["heading", "paragraph", "quote"]
        )

    def test_editor_can_create_information_page_through_admin(self):
        self.assertCanCreate(
            self.about,
            StandardPage,
            nested_form_data(
                {
                    "title": "Chức năng, nhiệm vụ",
                    "slug": "chuc-nang-nhiem-vu",
                    "intro": "Những lĩnh vực Sở quản lý.",
                    "body": streamfield([("paragraph", rich_text("<p>Tham mưu UBND tỉnh.</p>"))]),
                }
            ),
        )

    def test_editor_can_create_contact_page_with_fields(self):
        self.assertCanCreate(
            self.home,
            ContactPage,
            nested_form_data(
                {
                    "title": "Hỏi đáp",
                    "slug": "hoi-dap",
                    "intro": rich_text("<p>Gửi câu hỏi cho Sở.</p>"),
                    "thank_you_text": rich_text("<p>Cảm ơn.</p>"),
                    "to_address": "vanthu@sokhcn.example",
                    "from_address": "no-reply@sokhcn.example",
                    "subject": "Câu hỏi",
                    "form_fields": inline_formset(
                        [
                            {
                                "label": "Họ và tên",
                                "field_type": "singleline",
                                "required": "on",
                                "choices": "",
                                "default_value": "",
                                "help_text": "",
                            },
                            {
                                "label": "Câu hỏi",
                                "field_type": "multiline",
                                "required": "on",
                                "choices": "",
                                "default_value": "",
                                "help_text": "",
                            },
                        ]
                    ),
                }
            ),
        )
        self.assertEqual(ContactPage.objects.get(slug="hoi-dap").form_fields.count(), 2)
