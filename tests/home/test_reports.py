"""The newsroom's reports, their figures against known data and their exports opened with a real
spreadsheet reader; and the link checker against a server of the test's own (it never contacts
another host)."""

import datetime
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import openpyxl
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleViewDay, ArticleViews
from core.roles import EDITORS_GROUP
from home.link_checker import check_due_links
from home.models import ExternalLink, VisitorDay
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import home_page, make_staff


class ReportTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("bientap", EDITORS_GROUP)
        home = home_page()
        cls.news = ArticleIndexPageFactory(parent=home, title="Tin tức - Sự kiện")
        cls.notices = ArticleIndexPageFactory(parent=home, title="Thông báo")

    def setUp(self):
        self.client.force_login(self.editor)

    def report(self, name, **params):
        response = self.client.get(reverse(name), params)
        self.assertEqual(response.status_code, 200)
        return response

    def sheet(self, name, **params):
        response = self.client.get(reverse(name), {**params, "export": "xlsx"})
        self.assertEqual(response.status_code, 200)
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        return [list(row) for row in workbook.active.iter_rows(values_only=True)]

    def csv(self, name, **params):
        response = self.client.get(reverse(name), {**params, "export": "csv"})
        return b"".join(response.streaming_content).decode("utf-8")


class MostReadTests(ReportTestCase):
    def test_most_read_counts_only_the_views_in_the_period(self):
        a = ArticlePageFactory(
            parent=self.news, title="Tin A", published_on=datetime.date(2026, 10, 1)
        )
        b = ArticlePageFactory(parent=self.notices, title="Tin B")
        c = ArticlePageFactory(parent=self.news, title="Tin C")
        day = datetime.date(2026, 11, 10)
        for page, views_in_period, views_before in ((a, 5, 0), (b, 9, 1), (c, 0, 50)):
            if views_in_period:
                ArticleViewDay.objects.create(page=page, day=day, views=views_in_period)
            ArticleViewDay.objects.create(
                page=page, day=datetime.date(2026, 9, 1), views=views_before or 1
            )

        params = {"tu": "01/11/2026", "den": "30/11/2026"}
        response = self.report("report_most_read", **params)
        self.assertEqual([row.title for row in response.context["object_list"]], ["Tin B", "Tin A"])
        self.assertEqual(
            self.sheet("report_most_read", **params),
            [
                ["Hạng", "Tin bài", "Chuyên mục", "Ngày đăng", "Lượt xem trong khoảng"],
                [1, "Tin B", "Thông báo", b.published_on, 9],
                [2, "Tin A", "Tin tức - Sự kiện", datetime.date(2026, 10, 1), 5],
            ],
        )
        csv = self.csv("report_most_read", **params)
        self.assertTrue(csv.startswith("\ufeffHạng,"))  # Excel reads it as UTF-8
        self.assertIn("2,Tin A,Tin tức - Sự kiện,01/10/2026,5", csv)

    def test_a_counted_view_is_counted_for_the_day_too(self):
        article = ArticlePageFactory(parent=self.news, title="Tin hôm nay")
        ArticleViews.record_view(article.pk)
        ArticleViews.record_view(article.pk)
        self.assertEqual(
            ArticleViewDay.objects.get(page=article, day=timezone.localdate()).views, 2
        )
        rows = self.report("report_most_read").context["object_list"]
        self.assertEqual([(row.title, row.views) for row in rows], [("Tin hôm nay", 2)])

    def test_bad_dates_are_dropped_with_a_notice(self):
        response = self.report("report_most_read", tu="31/02/2026", den="abc")
        self.assertContains(response, "Đã bỏ qua điều kiện lọc không hợp lệ")


class PublishedArticlesTests(ReportTestCase):
    def test_articles_are_counted_by_month_section_and_author(self):
        for month, section, author in (
            (1, self.news, "Ánh Nguyệt"),
            (1, self.news, "Ánh Nguyệt"),
            (1, self.notices, ""),
            (3, self.news, "Tú Hảo"),
        ):
            ArticlePageFactory(
                parent=section, author_line=author, published_on=datetime.date(2026, month, 15)
            )
        ArticlePageFactory(parent=self.news, published_on=datetime.date(2025, 1, 15))
        draft = ArticlePageFactory(parent=self.news, published_on=datetime.date(2026, 1, 15))
        draft.unpublish()

        self.assertEqual(
            self.sheet("report_published_articles", nam="2026"),
            [
                ["Tháng", "Chuyên mục", "Tác giả", "Số tin"],
                ["01/2026", "Thông báo", "(không ghi tác giả)", 1],
                ["01/2026", "Tin tức - Sự kiện", "Ánh Nguyệt", 2],
                ["03/2026", "Tin tức - Sự kiện", "Tú Hảo", 1],
            ],
        )


class VisitsTests(ReportTestCase):
    def test_visits_by_day_with_the_empty_days_and_by_month_with_a_chart(self):
        for day, visitors in ((datetime.date(2026, 11, 1), 3), (datetime.date(2026, 11, 3), 1)):
            for number in range(visitors):
                moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
                VisitorDay.objects.create(
                    visitor_key=f"{day}-{number}", day=day, first_seen=moment, last_seen=moment
                )
        VisitorDay.objects.create(
            visitor_key="x",
            day=datetime.date(2026, 9, 5),
            first_seen=timezone.now(),
            last_seen=timezone.now(),
        )
        by_day = self.report("report_visits", tu="01/11/2026", den="03/11/2026")
        rows = [(row.period, row.visitors) for row in by_day.context["object_list"]]
        self.assertEqual(
            rows,
            [
                (datetime.date(2026, 11, 1), 3),
                (datetime.date(2026, 11, 2), 0),
                (datetime.date(2026, 11, 3), 1),
            ],
        )
        self.assertContains(by_day, "<title>Lượt truy cập theo ngày</title>")

        by_month = self.sheet("report_visits", den="30/11/2026", theo="thang")
        self.assertEqual(by_month[0], ["Ngày hoặc tháng", "Lượt truy cập"])
        self.assertEqual(len(by_month), 13)  # twelve months
        self.assertIn(["09/2026", 1], by_month)
        self.assertEqual(by_month[-1], ["11/2026", 4])


class LinkServer(BaseHTTPRequestHandler):
    """Live, missing and slow addresses, on this machine only."""

    def do_HEAD(self):
        if self.path == "/cham":
            time.sleep(2)
        self.send_response({"/song": 200, "/mat": 404, "/cham": 200, "/khong-head": 405}[self.path])
        self.end_headers()

    def do_GET(self):
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@override_settings(LINK_CHECKER_ENABLED=True, LINK_CHECKER_ALLOW_PRIVATE=True)
class LinkCheckerTests(ReportTestCase):
    def setUp(self):
        super().setUp()
        # 127.0.0.2, a loopback address that is not the site's own (127.0.0.1, localhost).
        self.server = ThreadingHTTPServer(("127.0.0.2", 0), LinkServer)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.2:{self.server.server_address[1]}"

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()

    def publish_article_linking(self, *paths):
        links = "".join(f'<p><a href="{self.base}{path}">liên kết</a></p>' for path in paths)
        article = ArticlePageFactory(
            parent=self.news, title="Tin có liên kết", body=[{"type": "paragraph", "value": links}]
        )
        article.save_revision().publish()
        return article

    def test_live_missing_and_slow_addresses_are_told_apart_and_reported(self):
        article = self.publish_article_linking("/song", "/mat", "/cham", "/khong-head")
        self.assertEqual(ExternalLink.objects.count(), 4)

        checked, broken = check_due_links(budget_seconds=30, per_host=10, host_pause=0, timeout=1)
        self.assertEqual((checked, broken), (4, 2))
        results = {link.url.removeprefix(self.base): link for link in ExternalLink.objects.all()}
        self.assertFalse(results["/song"].broken)
        self.assertFalse(results["/khong-head"].broken)  # asked again with GET
        self.assertEqual((results["/mat"].broken, results["/mat"].status_code), (True, 404))
        self.assertEqual(
            (results["/cham"].broken, results["/cham"].error), (True, "Quá thời gian chờ")
        )

        rows = self.report("report_broken_links").context["object_list"]
        self.assertEqual(
            sorted((row.page, row.link.removeprefix(self.base), row.problem) for row in rows),
            [(article.title, "/cham", "Quá thời gian chờ"), (article.title, "/mat", "Mã 404")],
        )

    def test_each_run_checks_a_few_links_a_host_and_then_the_rest(self):
        self.publish_article_linking("/song", "/mat", "/khong-head")
        output = io.StringIO()
        call_command("check_links", per_host=2, timeout=1, stdout=output)
        self.assertIn("Đã kiểm tra 2 liên kết ra ngoài", output.getvalue())
        call_command("check_links", per_host=2, timeout=1, stdout=output)
        self.assertFalse(ExternalLink.objects.filter(checked_at=None).exists())

    @override_settings(LINK_CHECKER_ALLOW_PRIVATE=False)
    def test_addresses_on_this_machine_are_not_fetched_in_production(self):
        self.publish_article_linking("/song")
        check_due_links(budget_seconds=10, host_pause=0, timeout=1)
        self.assertEqual(ExternalLink.objects.get().error, "Địa chỉ nội bộ, không kiểm tra")

    def test_unpublishing_forgets_the_pages_links(self):
        article = self.publish_article_linking("/mat")
        article.unpublish()
        check_due_links(budget_seconds=10, host_pause=0, timeout=1)
        self.assertFalse(ExternalLink.objects.exists())


class BrokenInternalLinkTests(ReportTestCase):
    def test_links_to_withdrawn_pages_and_unapproved_documents_are_reported(self):
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        from home.models import DocumentReview

        withdrawn = ArticlePageFactory(parent=self.news, title="Tin đã gỡ")
        live = ArticlePageFactory(parent=self.news, title="Tin còn đăng")
        waiting = get_document_model().objects.create(
            title="Quyết định chờ duyệt",
            file=ContentFile(b"%PDF-1.4", name="qd.pdf"),
            review_status=DocumentReview.WAITING,
        )
        source = ArticlePageFactory(
            parent=self.news,
            title="Tin dẫn liên kết",
            body=[
                {
                    "type": "paragraph",
                    "value": (
                        f'<p><a linktype="page" id="{withdrawn.pk}">một</a> '
                        f'<a linktype="page" id="{live.pk}">hai</a></p>'
                    ),
                },
                {"type": "document", "value": {"document": waiting.pk, "title": ""}},
            ],
        )
        source.save_revision().publish()
        withdrawn.unpublish()

        rows = self.report("report_broken_links").context["object_list"]
        self.assertEqual(
            sorted((row.page, row.link, row.problem) for row in rows),
            [
                ("Tin dẫn liên kết", "Quyết định chờ duyệt", "Văn bản chưa được duyệt"),
                ("Tin dẫn liên kết", "Tin đã gỡ", "Trang chưa đăng hoặc đã gỡ"),
            ],
        )
