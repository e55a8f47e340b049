from django.test import TestCase

from home.models import HomeFeaturedArticle
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContactPageFactory,
    ImageFactory,
    StandardPageFactory,
)
from tests.helpers import ReaderClient, fill_site_settings, home_page


class SiteRenderingTests(TestCase):
    """Every page type routes and renders with its content and the department's footer."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        fill_site_settings()
        cls.image = ImageFactory(caption="Toàn cảnh hội nghị")
        cls.news = ArticleIndexPageFactory(parent=cls.home, title="Tin tức - Sự kiện")
        cls.notices = ArticleIndexPageFactory(parent=cls.home, title="Thông báo")
        cls.article = ArticlePageFactory(
            parent=cls.news, title="Hội nghị tổng kết năm", lead_image=cls.image
        )
        cls.notice = ArticlePageFactory(parent=cls.notices, title="Thông báo tuyển chọn")
        cls.about = StandardPageFactory(
            parent=cls.home,
            title="Giới thiệu",
            show_in_menus=True,
            body=[{"type": "paragraph", "value": "<p>Sở là cơ quan chuyên môn.</p>"}],
        )
        cls.functions = StandardPageFactory(
            parent=cls.about, title="Chức năng, nhiệm vụ", show_in_menus=True
        )
        cls.contact = ContactPageFactory(parent=cls.home, show_in_menus=True)
        cls.pages = [cls.home, cls.news, cls.article, cls.about, cls.functions, cls.contact]

    def get(self, url, **extra):
        return self.client.get(url, **extra)

    def test_every_page_type_renders_with_footer_settings(self):
        for page in self.pages:
            with self.subTest(page=page.title):
                response = self.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, '<html lang="vi">')
                self.assertContains(response, "Khu Quảng trường Tây Bắc, Thành phố Sơn La")
                self.assertContains(response, "02123.852.224")
                self.assertContains(response, "02123.852.791")
                self.assertContains(response, "sokhcn@sonla.gov.vn")
                self.assertContains(response, "https://tinnhiemmang.vn/xac-nhan")
                self.assertContains(response, "Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo")
                self.assertContains(response, 'href="/admin/"')  # "Đăng nhập" for staff
                self.assertContains(response, 'class="skip-link" href="#main"')
                self.assertContains(response, '<main id="main"')

    def test_urls_follow_the_tree(self):
        self.assertEqual(self.news.url, "/tin-tuc-su-kien/")
        self.assertEqual(self.article.url, "/tin-tuc-su-kien/hoi-nghi-tong-ket-nam/")
        self.assertEqual(self.functions.url, "/gioi-thieu/chuc-nang-nhiem-vu/")

    def test_footer_follows_settings_changes(self):
        fill_site_settings(phone="0212.000.111")
        response = self.get(self.about.url)
        self.assertContains(response, "0212.000.111")
        self.assertNotContains(response, "02123.852.224")

    def test_main_menu_lists_menu_pages_with_their_children(self):
        response = self.get(self.article.url)
        self.assertContains(response, 'class="nav__link" href="/gioi-thieu/"')
        self.assertContains(response, 'href="/gioi-thieu/chuc-nang-nhiem-vu/"')
        self.assertContains(response, 'class="nav__link" href="/lien-he/"')
        # The current section is marked for readers and screen readers.
        self.assertContains(response, '<li class="nav__item is-active">\n')

    def test_breadcrumbs(self):
        response = self.get(self.functions.url)
        self.assertContains(response, '<nav class="breadcrumbs" aria-label="Vị trí trang">')
        self.assertContains(response, '<a href="/gioi-thieu/">Giới thiệu</a>')
        self.assertContains(response, '<li aria-current="page">Chức năng, nhiệm vụ</li>')

    def test_home_page_shows_lead_news_and_section_columns(self):
        response = self.get("/")
        self.assertContains(response, "Hội nghị tổng kết năm")  # newest article with a photo
        self.assertContains(response, f'id="section-{self.news.pk}"')
        self.assertContains(response, f'id="section-{self.notices.pk}"')
        self.assertContains(response, "Thông báo tuyển chọn")
        self.assertContains(response, "Thống kê truy cập")
        self.assertContains(response, "Thông tin mới nhất")

    def test_home_page_leads_with_featured_articles(self):
        featured = ArticlePageFactory(
            parent=self.notices,
            title="Tin được chọn đưa lên đầu",
            lead_image=self.image,
            published_on="2020-01-01",
        )
        HomeFeaturedArticle.objects.create(home=self.home, article=featured, sort_order=0)
        response = self.get("/")
        lead = response.content.decode().split('class="home-lead__main"')[1][:2000]
        self.assertIn("Tin được chọn đưa lên đầu", lead)

    def test_information_page_lists_its_menu_children(self):
        response = self.get(self.about.url)
        self.assertContains(response, "Sở là cơ quan chuyên môn.")
        self.assertContains(
            response, '<a class="quick-link" href="/gioi-thieu/chuc-nang-nhiem-vu/">'
        )

    def test_lead_image_is_responsive_with_dimensions(self):
        response = self.get(self.article.url)
        html = response.content.decode()
        figure = html.split('class="article__lead-image"')[1].split("</figure>")[0]
        self.assertIn("srcset=", figure)
        self.assertIn('width="', figure)
        self.assertIn('height="', figure)
        self.assertIn("<figcaption>Toàn cảnh hội nghị</figcaption>", figure)
