import datetime

from django.core.cache import cache
from django.test import Client, TestCase

from articles.models import ArticleViews
from tests.factories import (
    BOT_USER_AGENT,
    READER_USER_AGENT,
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ImageFactory,
)
from tests.helpers import ReaderClient, assert_follows_publishing, home_page


class ArticlePageTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.news = ArticleIndexPageFactory(parent=cls.home, title="Tin tức")
        cls.notices = ArticleIndexPageFactory(parent=cls.home, title="Thông báo")
        cls.article = ArticlePageFactory(
            parent=cls.news,
            title="Phó Chủ tịch UBND tỉnh làm việc với Sở",
            published_on=datetime.date(2023, 6, 5),
            summary="Buổi làm việc về nhiệm vụ 5 tháng đầu năm.",
            author_line="Ánh Nguyệt - Tú Hảo",
            lead_image=ImageFactory(caption="Chú thích lưu cùng ảnh"),
            lead_image_caption="Đồng chí Phó Chủ tịch phát biểu",
        )
        cls.article.tags.add("nhiệm vụ KH&CN")
        cls.article.save()
        cls.siblings = ArticlePageFactory.create_batch(12, parent=cls.news)
        cls.other_section = ArticlePageFactory(
            parent=cls.notices,
            title="Thông báo lịch tiếp công dân",
            published_on=datetime.date(2026, 11, 25),
        )
        cls.draft = ArticlePageFactory(parent=cls.news, title="Bản nháp chưa duyệt", live=False)
        ArticleViews.objects.create(page=cls.article, views=398)

    def get(self, url, data=None, agent=READER_USER_AGENT):
        return self.client.get(url, data, HTTP_USER_AGENT=agent)

    def test_article_shows_date_views_caption_author_and_tags(self):
        response = self.get(self.article.url)
        self.assertContains(
            response,
            '<h1 class="article__title">Phó Chủ tịch UBND tỉnh làm việc với Sở</h1>',
            html=False,
        )
        self.assertContains(response, "Ngày 05/6/2023")
        # The figure when drawn; the page's script counts this reader and shows 399.
        self.assertContains(response, "Lượt xem: <span data-view-count>398</span>")
        self.assertContains(
            response, '<p class="article__summary">Buổi làm việc về nhiệm vụ 5 tháng đầu năm.</p>'
        )
        self.assertContains(response, "<figcaption>Đồng chí Phó Chủ tịch phát biểu</figcaption>")
        self.assertContains(response, '<p class="article__author">Ánh Nguyệt - Tú Hảo</p>')
        self.assertContains(response, "/tin-tuc/?tag=nhi%E1%BB%87m%20v%E1%BB%A5%20KH%26CN")

    def test_caption_falls_back_to_the_image_caption(self):
        self.article.lead_image_caption = ""
        self.article.save()
        response = self.get(self.article.url)
        self.assertContains(response, "<figcaption>Chú thích lưu cùng ảnh</figcaption>")

    def test_other_articles_are_the_same_section_paginated(self):
        response = self.get(self.article.url)
        others = response.context["other_articles"]
        self.assertEqual(others.paginator.count, 12)  # siblings, live, without itself
        self.assertEqual(len(others), 10)
        titles = [a.title for a in others]
        self.assertNotIn(self.article.title, titles)
        self.assertNotIn("Bản nháp chưa duyệt", titles)
        self.assertNotIn("Thông báo lịch tiếp công dân", titles)
        self.assertContains(response, 'href="?tin-khac=2#tin-khac"')
        second = self.get(self.article.url, {"tin-khac": "2"})
        self.assertEqual(len(second.context["other_articles"]), 2)

    def other_news(self):
        html = self.get(self.article.url).content.decode()
        return html.split('id="tin-khac"')[1].split("</section>")[0]

    def test_other_articles_follow_publishing_though_kept(self):
        """The first page of "Tin khác" is kept by the process: a sibling published, then
        unpublished, shows and leaves at once."""
        fresh = ArticlePageFactory(
            parent=self.news,
            title="Tin vừa duyệt đăng",
            published_on=datetime.date(2030, 1, 1),  # the newest: first in the list
            live=False,
        )
        assert_follows_publishing(self, fresh, lambda: "Tin vừa duyệt đăng" in self.other_news())

    def test_the_section_page_follows_publishing_though_kept(self):
        """A section's first page is kept by the process: a new article shows at once."""
        fresh = ArticlePageFactory(
            parent=self.news,
            title="Tin mới lên trang chuyên mục",
            published_on=datetime.date(2030, 1, 1),
            live=False,
        )
        listed = ">Tin mới lên trang chuyên mục</a></h2>"  # the listing, not the side column
        assert_follows_publishing(
            self, fresh, lambda: listed in self.get(self.news.url).content.decode()
        )

    def test_latest_news_is_site_wide_and_live_only(self):
        response = self.get(self.article.url)
        latest = response.content.decode().split('id="latest-title"')[1].split("</section>")[0]
        self.assertIn("Thông báo lịch tiếp công dân", latest)
        self.assertNotIn("Bản nháp chưa duyệt", latest)

    def test_drafts_are_not_public(self):
        self.assertEqual(self.get(self.draft.url).status_code, 404)
        self.assertNotContains(self.get(self.news.url), "Bản nháp chưa duyệt")
        self.assertNotContains(self.get("/"), "Bản nháp chưa duyệt")

    def test_tag_filter_on_the_section(self):
        response = self.get(self.news.url, {"tag": "nhiệm vụ KH&CN"})
        self.assertEqual([a.pk for a in response.context["articles"]], [self.article.pk])
        self.assertContains(response, "Tin bài gắn từ khóa <strong>nhiệm vụ KH&amp;CN</strong>")

    def test_print_stylesheet_keeps_the_source_line(self):
        response = self.get(self.article.url)
        self.assertContains(response, '<p class="source-line">Nguồn: http://localhost/tin-tuc/')


class ViewCounterTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.article = ArticlePageFactory(parent=index)

    def views(self):
        return ArticleViews.count_for(self.article.pk)

    def read(self, client, page=None):
        """What the article's script sends once the article is shown."""
        page_id = (page or self.article).pk
        return client.post("/thong-ke/ghi/", {"trang": page_id})

    def test_each_reader_counts_once_per_window(self):
        first, second = (
            ReaderClient(),
            ReaderClient(),
        )
        for _ in range(3):
            self.assertEqual(self.read(first).json()["views"], 1)
        self.assertEqual(self.read(second).json()["views"], 2)
        cache.clear()  # the window has passed
        self.assertEqual(self.read(first).json()["views"], 3)

    def test_the_page_shows_the_figure_it_was_drawn_with_for_its_script_to_update(self):
        self.read(ReaderClient())
        response = self.client.get(self.article.url)
        self.assertContains(response, "Lượt xem: <span data-view-count>1</span>")
        self.assertContains(response, f'data-page="{self.article.pk}"')
        self.assertEqual(self.views(), 1)  # drawing the page counted nothing

    def test_bots_and_blank_user_agents_do_not_count(self):
        for user_agent in (BOT_USER_AGENT, "curl/8.5.0", ""):
            with self.subTest(user_agent=user_agent):
                figures = self.read(Client(HTTP_USER_AGENT=user_agent)).json()
                self.assertEqual(figures["views"], 0)
        self.assertEqual(self.views(), 0)

    def test_malformed_page_ids_are_refused_and_count_nothing(self):
        client = ReaderClient()
        for bad in ("abc", "-1", "1e3", "9" * 40, "1 OR 1=1", "\x00"):
            with self.subTest(trang=bad):
                response = client.post("/thong-ke/ghi/", {"trang": bad})
                self.assertEqual(response.status_code, 400)
        self.assertEqual(self.views(), 0)
        self.assertEqual(client.post("/thong-ke/ghi/", {"trang": "999999"}).status_code, 200)

    def test_publishing_a_revision_keeps_the_count(self):
        self.read(ReaderClient())
        self.article.title = "Tiêu đề đã sửa"
        self.article.save_revision().publish()
        self.read(ReaderClient())
        self.assertEqual(self.views(), 2)
