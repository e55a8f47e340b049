"""The reader's search at /tim-kiem/, on whichever database the suite runs (CI: both)."""

import datetime
import re
import time
import unicodedata
from contextlib import ExitStack
from unittest import mock

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

from articles.models import ArticlePage
from home.models import DocumentLibraryPage
from programs.models import ProgramIndexPage
from search.engine import COUNTS_KEEP_SECONDS
from tests.factories import (
    BOT_USER_AGENT,
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ProgramIndexPageFactory,
    StandardPageFactory,
    TaskPageFactory,
)
from tests.helpers import ReaderClient, home_page
from tests.home.test_documents import make_document


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def result_titles(response):
    """Result titles in the order shown, without the highlight markup."""
    html = response.content.decode()
    titles = re.findall(r'class="result__title"><a href="[^"]*">(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


class SearchTestCase(TestCase):
    client_class = ReaderClient

    def search(self, **params):
        return self.client.get("/tim-kiem/", params)

    def titles(self, **params):
        response = self.search(**params)
        self.assertEqual(response.status_code, 200)
        return result_titles(response)


class DiacriticInsensitiveMatchingTests(SearchTestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.spellings = {
            "written": "Nghiệm thu đề tài khoa học cấp tỉnh",
            "unaccented": "Nghiem thu de tai khoa hoc cap tinh ve giong ca phe",
            "capitals": "NGHIỆM THU ĐỀ TÀI KHOA HỌC VỀ CÂY ĂN QUẢ",
            "decomposed": unicodedata.normalize("NFD", "Nghiệm thu đề tài khoa học nông nghiệp"),
        }
        for title in cls.spellings.values():
            ArticlePageFactory(parent=news, title=title)
        ArticlePageFactory(parent=news, title="Hội nghị sơ kết công tác thanh tra")

    def test_every_spelling_of_the_query_finds_every_spelling_of_the_text(self):
        expected = {unicodedata.normalize("NFC", title) for title in self.spellings.values()}
        queries = [
            "đề tài khoa học",
            "de tai khoa hoc",
            "ĐỀ TÀI KHOA HỌC",
            "De Tai Khoa Hoc",
            unicodedata.normalize("NFD", "đề tài khoa học"),
            "dề tài khoa hoc",
        ]
        for query in queries:
            with self.subTest(query=query):
                self.assertEqual(set(self.titles(q=query)), expected)

    def test_all_words_must_match(self):
        self.assertEqual(self.titles(q="de tai thanh tra"), [])


class RankingTests(SearchTestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        short = {"summary": "", "author_line": ""}
        day = datetime.date(2026, 6, 1)
        # Oldest first, so that newer-first ordering cannot explain the exact-form results.
        ArticlePageFactory(
            parent=news,
            title="Khai giảng lớp bồi dưỡng",
            body=paragraph("Khóa học bồi dưỡng nghiệp vụ sở hữu trí tuệ."),
            published_on=day,
            **short,
        )
        ArticlePageFactory(
            parent=news,
            title="Hội thảo chuyên đề",
            body=paragraph("Hội thảo khoa học về giống cây trồng."),
            published_on=day - datetime.timedelta(days=30),
            **short,
        )
        ArticlePageFactory(
            parent=news,
            title="Tổng kết năm",
            body=paragraph("Các chỉ tiêu thống kê năm 2025 đã hoàn thành."),
            published_on=day + datetime.timedelta(days=10),
            **short,
        )
        ArticlePageFactory(
            parent=news,
            title="Thống kê chỉ tiêu năm 2025",
            body=paragraph("Báo cáo tổng hợp."),
            published_on=day - datetime.timedelta(days=100),
            **short,
        )
        for offset, title in enumerate(["Tin sự kiện cũ", "Tin sự kiện mới"]):
            ArticlePageFactory(
                parent=news,
                title=title,
                body=paragraph("Ứng dụng năng lượng mặt trời."),
                published_on=day + datetime.timedelta(days=offset),
                **short,
            )

    def test_the_form_typed_ranks_first(self):
        self.assertEqual(
            self.titles(q="khoa học"), ["Hội thảo chuyên đề", "Khai giảng lớp bồi dưỡng"]
        )
        self.assertEqual(
            self.titles(q="khóa học"), ["Khai giảng lớp bồi dưỡng", "Hội thảo chuyên đề"]
        )

    def test_title_matches_rank_above_body_matches(self):
        self.assertEqual(
            self.titles(q="thống kê năm 2025"), ["Thống kê chỉ tiêu năm 2025", "Tổng kết năm"]
        )

    def test_newer_pages_win_ties(self):
        self.assertEqual(
            self.titles(q="năng lượng mặt trời"), ["Tin sự kiện mới", "Tin sự kiện cũ"]
        )

    def test_date_order_on_request(self):
        self.assertEqual(
            self.titles(q="thong ke", sap_xep="moi-nhat"),
            ["Tổng kết năm", "Thống kê chỉ tiêu năm 2025"],
        )


@mock.patch("search.engine.SCORED_MATCHES", 0)
class TieredRankingTests(RankingTests):
    """The same order when every kind has "many" matches and is read tier by tier, newest first
    within a tier (how 100,000 pages are searched), instead of scoring every match."""


class RankingStrategiesAgreeTests(SearchTestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        texts = [
            ("Khóa học nông nghiệp", "Khoa học cho nhà nông."),
            ("Khoa học nông nghiệp", "Khóa học cho nhà nông."),
            ("Khoa hoc nong nghiep", "Khoa hoc cho nha nong."),
            ("Tin vắn", "Khoa học và khóa học nông nghiệp."),
            ("Tin vắn", "Khóa học nông nghiệp."),
            ("Tin vắn", "Khoa hoc nong nghiep."),
            ("Nông nghiệp", "Khóa học mới."),
            ("Nông nghiệp khoa học", "Tổng kết."),
            ("Nong nghiep", "Khoa học."),
        ]
        day = datetime.date(2026, 1, 1)
        for number in range(2):
            for offset, (title, body) in enumerate(texts):
                ArticlePageFactory(
                    parent=news,
                    title=f"{title} {number}{offset}",
                    body=paragraph(body),
                    summary="",
                    author_line="",
                    published_on=day + datetime.timedelta(days=(offset * 7 + number * 3) % 11),
                )

    def test_every_way_of_reading_gives_the_same_order(self):
        # Each patch forces one way of reading a kind's hits, as at 100,000 pages: tier by tier
        # from the index entries' ids; walking the newest items in batches; a walk that stops
        # early and asks the full-text index.
        ways = {
            "tiers by ids": {"search.engine.SCORED_MATCHES": 0},
            "tiers by ids from the text index": {
                "search.engine.SCORED_MATCHES": 0,
                "search.tiers.TierReader.ROW_WISE_ENTRIES": -1,
            },
            "tiers by walking": {
                "search.engine.SCORED_MATCHES": 0,
                "search.tiers.TierReader.PROBED": 0,
                "search.tiers.TierReader.WALK_BATCH": 3,
            },
            "walk cut short": {
                "search.engine.SCORED_MATCHES": 0,
                "search.tiers.TierReader.PROBED": 0,
                "search.tiers.TierReader.WALK_BATCH": 2,
                "search.tiers.TierReader.MAX_WALKED": 4,
            },
        }
        queries = ["khoa học nông nghiệp", "khóa học", "khoa hoc nong nghiep", "nông nghiệp"]
        for query in queries:
            scored = [self.titles(q=query), self.titles(q=query, page="2")]
            self.assertGreater(len(scored[0] + scored[1]), 10)
            for way, patches in ways.items():
                with self.subTest(query=query, way=way), ExitStack() as stack:
                    for target, value in patches.items():
                        stack.enter_context(mock.patch(target, value))
                    read = [self.titles(q=query), self.titles(q=query, page="2")]
                    self.assertEqual(read, scored)


class FiltersAndPagesTests(SearchTestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.news = news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        for number in range(12):
            ArticlePageFactory(
                parent=news,
                title=f"Chuyển đổi số cấp xã, bài {number + 1}",
                published_on=datetime.date(2024 + number % 2, 3, 1 + number),
            )
        registry = ProgramIndexPageFactory(parent=home)
        TaskPageFactory(parent=registry, title="Đề tài chuyển đổi số trong nông nghiệp")
        StandardPageFactory(
            parent=home, title="Giới thiệu", body=paragraph("Sở đẩy mạnh chuyển đổi số.")
        )
        home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        make_document(
            "15/2026/QĐ-UBND",
            "quyet-dinh",
            datetime.date(2026, 4, 2),
            "UBND tỉnh Sơn La",
            "Quyết định ban hành kế hoạch chuyển đổi số năm 2026",
        )

    def test_all_kinds_are_searched_with_a_count_per_kind(self):
        response = self.search(q="chuyen doi so")
        html = response.content.decode()
        self.assertContains(response, "Tìm thấy <strong>15</strong> kết quả")
        for label, count in [
            ("Tin tức", 12),
            ("Chương trình, nhiệm vụ KH&amp;CN", 1),
            ("Văn bản", 1),
            ("Trang thông tin", 1),
        ]:
            self.assertRegex(
                html, rf"{re.escape(label)} <span class=\"search-tabs__count\">{count}<"
            )

    def test_kind_filter(self):
        self.assertEqual(
            self.titles(q="chuyển đổi số", loai="nhiem-vu"),
            ["Đề tài chuyển đổi số trong nông nghiệp"],
        )
        self.assertEqual(self.titles(q="chuyển đổi số", loai="trang"), ["Giới thiệu"])
        documents = self.search(q="chuyển đổi số", loai="van-ban")
        self.assertEqual(
            result_titles(documents), ["Quyết định ban hành kế hoạch chuyển đổi số năm 2026"]
        )
        self.assertContains(documents, 'href="/van-ban/')

    def test_year_filter(self):
        titles = self.titles(q="chuyển đổi số", loai="tin-tuc", nam="2025")
        self.assertEqual(len(titles), 6)
        self.assertEqual(
            self.titles(q="chuyển đổi số", nam="2026", loai="van-ban")[0][:9], "Quyết địn"
        )

    def test_pages_of_ten(self):
        first = self.titles(q="chuyen doi so")
        second = self.titles(q="chuyen doi so", page="2")
        self.assertEqual((len(first), len(second)), (10, 5))
        self.assertFalse(set(first) & set(second))
        for bad in ("3", "0", "abc", "-1", "99999999"):
            with self.subTest(page=bad):
                self.assertEqual(self.search(q="chuyen doi so", page=bad).status_code, 404)

    @mock.patch("search.engine.MAX_COUNTED", 10)
    def test_counts_and_pages_stop_at_their_limits(self):
        response = self.search(q="chuyen doi so")
        self.assertContains(response, "Tìm thấy <strong>hơn 10</strong> kết quả")
        self.assertContains(response, 'Tin tức <span class="search-tabs__count">hơn 10<')
        self.assertContains(response, 'Văn bản <span class="search-tabs__count">1<')
        self.assertContains(response, "Chỉ hiển thị 10 kết quả phù hợp nhất")
        self.assertEqual(len(result_titles(response)), 10)
        self.assertEqual(self.search(q="chuyen doi so", page="2").status_code, 404)

    @mock.patch("search.engine.MAX_COUNTED", 10)
    def test_after_a_change_only_counts_above_the_limit_are_kept_for_a_minute(self):
        def tab(response, label):
            html = response.content.decode()
            return re.search(
                rf"{re.escape(label)} <span class=\"search-tabs__count\">(.*?)<", html
            )[1]

        tasks = "Chương trình, nhiệm vụ KH&amp;CN"
        response = self.search(q="chuyen doi so")
        self.assertEqual((tab(response, "Tin tức"), tab(response, tasks)), ("hơn 10", "1"))
        # Nine articles left, under the limit, and a second task published.
        for article in ArticlePage.objects.live().order_by("pk")[:3]:
            article.unpublish()
        task = TaskPageFactory(
            parent=ProgramIndexPage.objects.get(), title="Chuyển đổi số doanh nghiệp", live=False
        )
        with self.captureOnCommitCallbacks(execute=True):
            task.save_revision().publish()

        response = self.search(q="chuyen doi so")
        # The count above the limit is kept as it was counted a moment ago; the kinds with few
        # matches are counted again, and every hit is read afresh.
        self.assertEqual((tab(response, "Tin tức"), tab(response, tasks)), ("hơn 10", "2"))
        self.assertIn("Chuyển đổi số doanh nghiệp", self.titles(q="chuyen doi so", loai="nhiem-vu"))
        self.assertEqual(len(self.titles(q="chuyen doi so", loai="tin-tuc")), 9)
        a_minute_later = time.time() + COUNTS_KEEP_SECONDS
        with mock.patch("search.engine.time.time", return_value=a_minute_later):
            response = self.search(q="chuyen doi so")
        self.assertEqual((tab(response, "Tin tức"), tab(response, tasks)), ("9", "2"))

    @pytest.mark.attack
    def test_bad_filter_values_are_dropped_with_a_notice(self):
        response = self.search(q="chuyển đổi số", loai="<b>", nam="năm ngoái")
        self.assertContains(response, "Tìm thấy <strong>15</strong>")
        self.assertContains(response, "Đã bỏ qua điều kiện không hợp lệ")

    def test_matches_are_highlighted_in_title_and_snippet(self):
        response = self.search(q="chuyen doi so", loai="trang")
        self.assertContains(response, "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>")

    def test_query_count_does_not_grow_with_results(self):
        # A crawler's visits are not recorded for the search terms report, so both pages do
        # the same work apart from the hits: ten on the first, five on the second.
        def crawl(page):
            params = {"q": "chuyen doi so", "page": page}
            return self.client.get("/tim-kiem/", params, HTTP_USER_AGENT=BOT_USER_AGENT)

        crawl("1")  # the site's settings are made on this first visit (a new frame generation)
        for page in ("1", "2"):
            crawl(page)  # the query's counts and hits are kept for the generation
        # The pages of hits are kept with them (search/engine.py, SiteSearch.__getitem__): a
        # crawler's page asked again reads nothing.
        with self.assertNumQueries(0):
            self.assertEqual(len(result_titles(crawl("1"))), 10)
        with self.assertNumQueries(0):
            self.assertEqual(len(result_titles(crawl("2"))), 5)

    def test_a_query_asked_again_is_counted_once_until_something_changes(self):
        def ask():
            return self.client.get(
                "/tim-kiem/", {"q": "chuyen doi so"}, HTTP_USER_AGENT=BOT_USER_AGENT
            )

        ask()
        first = result_titles(ask())
        with CaptureQueriesContext(connection) as asked_again:
            self.assertEqual(result_titles(ask()), first)
        self.assertFalse([q for q in asked_again if "indexentry" in q["sql"]])
        # A page published in between is found at once: publishing moves the generation.
        fresh = ArticlePageFactory(parent=self.news, title="Chuyển đổi số vừa đăng", live=False)
        with self.captureOnCommitCallbacks(execute=True):
            fresh.save_revision().publish()
        self.assertIn("Chuyển đổi số vừa đăng", result_titles(ask()))


class SearchTermsReportTests(SearchTestCase):
    """What readers search for feeds Wagtail's search terms report (Báo cáo > Từ khóa)."""

    def hits_today(self, query_string):
        query = Query.objects.get(query_string=query_string)
        return query.daily_hits.get(date=timezone.now().date()).hits

    def test_each_readers_search_counts_once_a_crawlers_not_at_all(self):
        self.search(q="Chuyển đổi số")
        self.search(q="chuyển đổi số")
        self.client.get("/tim-kiem/", {"q": "chuyển đổi số"}, HTTP_USER_AGENT=BOT_USER_AGENT)
        self.search(q="khoa học")
        self.assertEqual(self.hits_today("chuyển đổi số"), 2)
        self.assertEqual(self.hits_today("khoa học"), 1)

    def test_a_search_already_asked_today_costs_one_query_for_the_report(self):
        self.search(q="khoa học")
        with CaptureQueriesContext(connection) as queries:
            self.search(q="khoa học")
        report = [query["sql"] for query in queries if "querydailyhits" in query["sql"]]
        self.assertEqual(len(report), 1, report)
        self.assertEqual(self.hits_today("khoa học"), 2)


class NothingFoundTests(SearchTestCase):
    client_class = ReaderClient

    def test_helpful_text_when_nothing_is_found(self):
        response = self.search(q="tàu vũ trụ")
        self.assertContains(response, "Không tìm thấy kết quả nào")
        self.assertContains(response, "có thể gõ có dấu hoặc không dấu")

    @pytest.mark.attack
    def test_hostile_queries_get_a_normal_page(self):
        hostile = [
            "",
            " ",
            "\x00",
            "đề\x00tài",
            "a" * 100_000,
            "!!! ??? ...",
            "& | ! ( ) : * <->",
            "khoa & học | !công",
            "'",
            '"',
            '"khoa học',
            "' OR 1=1 --",
            "khoa:* học:A",
            "NEAR(khoa học) AND NOT công",
            "{title} : khoa",
            "\\",
        ]
        for query in hostile:
            with self.subTest(query=query[:30]):
                self.assertEqual(self.search(q=query).status_code, 200)

    @pytest.mark.attack
    def test_echoed_query_is_escaped(self):
        response = self.search(q="<script>alert(1)</script>")
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")


class PromotionTests(SearchTestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.guide = StandardPageFactory(parent=home, title="Hướng dẫn đăng ký đề tài")
        cls.withdrawn = StandardPageFactory(parent=home, title="Hướng dẫn cũ", live=False)
        query = Query.get("đề tài")
        SearchPromotion.objects.create(
            query=query, page=cls.guide, description="Thủ tục, mẫu hồ sơ", sort_order=0
        )
        SearchPromotion.objects.create(query=query, page=cls.withdrawn, sort_order=1)

    def promoted(self, response):
        section = re.search(
            r'class="search-promoted".*?</section>', response.content.decode(), re.S
        )
        return section.group(0) if section else ""

    def test_promoted_page_leads_for_any_spelling(self):
        for query in ("đề tài", "de tai", "ĐỀ TÀI"):
            with self.subTest(query=query):
                promoted = self.promoted(self.search(q=query))
                self.assertIn("Hướng dẫn đăng ký đề tài", promoted)
                self.assertIn("Thủ tục, mẫu hồ sơ", promoted)

    def test_unpublished_promoted_page_is_not_shown(self):
        self.assertNotIn("Hướng dẫn cũ", self.promoted(self.search(q="đề tài")))

    def test_other_queries_have_no_promotion(self):
        self.assertEqual(self.promoted(self.search(q="đề án")), "")

    def test_readers_searches_feed_the_search_terms_report(self):
        self.search(q="Chuyển đổi số")
        self.search(q="chuyển   đổi số")
        self.client.get("/tim-kiem/", {"q": "chuyển đổi số"}, HTTP_USER_AGENT=BOT_USER_AGENT)
        self.assertEqual(Query.objects.get(query_string="chuyển đổi số").hits, 2)


class SuggestionTests(SearchTestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        StandardPageFactory(parent=home, title="Chuyển đổi số cấp xã")
        StandardPageFactory(parent=home, title="Chuyen de nong nghiep")
        StandardPageFactory(parent=home, title="Chuyển đổi số (bản nháp)", live=False)

    def suggest(self, query):
        response = self.client.get("/tim-kiem/goi-y/", {"q": query})
        self.assertEqual(response["Content-Type"], "application/json")
        return [item["title"] for item in response.json()["suggestions"]]

    def test_prefixes_match_with_or_without_diacritics(self):
        for query in ("chuyển đ", "chuyen d", "CHUYỂN Đ"):
            with self.subTest(query=query):
                self.assertEqual(
                    set(self.suggest(query)), {"Chuyển đổi số cấp xã", "Chuyen de nong nghiep"}
                )

    def test_the_spelling_typed_comes_first(self):
        self.assertEqual(self.suggest("chuyen de")[0], "Chuyen de nong nghiep")
        self.assertEqual(self.suggest("chuyển đổ"), ["Chuyển đổi số cấp xã"])

    @mock.patch("search.tiers.TierReader.WALK_BATCH", 1)
    @mock.patch("search.tiers.TierReader.PROBED", 0)
    def test_common_prefixes_are_read_newest_first_without_ranking_every_match(self):
        self.assertEqual(
            self.suggest("chuyen d"), ["Chuyen de nong nghiep", "Chuyển đổi số cấp xã"]
        )
        self.assertEqual(self.suggest("chuyển đ")[0], "Chuyển đổi số cấp xã")

    @pytest.mark.attack
    def test_empty_and_hostile_queries_suggest_nothing(self):
        for query in ("", "&|!", "\x00", "a" * 100_000):
            with self.subTest(query=query[:10]):
                self.assertEqual(self.suggest(query), [])


class DocumentVisibilityTests(SearchTestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        internal = Collection.get_first_root_node().add_child(name="Nội bộ")
        CollectionViewRestriction.objects.create(
            collection=internal, restriction_type=CollectionViewRestriction.LOGIN
        )
        make_document(
            "01/KH-SKHCN",
            "ke-hoach",
            datetime.date(2026, 1, 5),
            "Sở KH&CN",
            "Kế hoạch kiểm tra công khai",
        )
        make_document(
            "02/KH-SKHCN",
            "ke-hoach",
            datetime.date(2026, 1, 6),
            "Sở KH&CN",
            "Kế hoạch kiểm tra nội bộ",
            collection=internal,
        )

    @pytest.mark.attack
    def test_documents_in_restricted_collections_are_not_found(self):
        self.assertEqual(self.titles(q="ke hoach kiem tra"), ["Kế hoạch kiểm tra công khai"])


class PageVisibilityTests(SearchTestCase):
    """Only what a reader may open is found, counted or suggested."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        ArticlePageFactory(parent=news, title="Quan trắc môi trường công khai")
        ArticlePageFactory(parent=news, title="Quan trắc môi trường bản nháp", live=False)
        ArticlePageFactory(
            parent=news,
            title="Quan trắc môi trường hết hạn",
            expire_at=timezone.now() - datetime.timedelta(days=1),
        )
        internal = StandardPageFactory(parent=home, title="Nội bộ")
        PageViewRestriction.objects.create(
            page=internal, restriction_type=PageViewRestriction.LOGIN
        )
        StandardPageFactory(parent=internal, title="Quan trắc môi trường nội bộ")
        other_root = StandardPageFactory(parent=Page.get_first_root_node(), title="Trang khác")
        Site.objects.create(hostname="other.example", root_page=other_root)
        StandardPageFactory(parent=other_root, title="Quan trắc môi trường trang khác")

    @pytest.mark.attack
    def test_drafts_expired_private_and_other_sites_pages_stay_hidden(self):
        ways = {
            "scored": {},
            # Counting stops at the first two entries, which include hidden pages.
            "counted past hidden entries": {"search.engine.MAX_COUNTED": 1},
            "tiers": {"search.engine.SCORED_MATCHES": 0},
            "walking": {"search.engine.SCORED_MATCHES": 0, "search.tiers.TierReader.PROBED": 0},
        }
        for way, patches in ways.items():
            with self.subTest(way=way), ExitStack() as stack:
                for target, value in patches.items():
                    stack.enter_context(mock.patch(target, value))
                response = self.search(q="quan trac moi truong")
                self.assertEqual(result_titles(response), ["Quan trắc môi trường công khai"])
                self.assertContains(response, "Tìm thấy <strong>1</strong> kết quả")
        suggested = self.client.get("/tim-kiem/goi-y/", {"q": "quan trắc"}).json()
        self.assertEqual(
            [item["title"] for item in suggested["suggestions"]], ["Quan trắc môi trường công khai"]
        )
