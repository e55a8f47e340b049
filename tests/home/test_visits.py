import datetime
from unittest import mock

from django.test import Client, TestCase
from django.utils import timezone

from home.models import VisitorDay
from home.visits import visit_statistics
from tests.factories import BOT_USER_AGENT, READER_USER_AGENT
from tests.helpers import home_page


def reader():
    return Client(HTTP_USER_AGENT=READER_USER_AGENT)


class VisitStatisticsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def test_a_visitor_counts_once_however_many_pages_they_read(self):
        client = reader()
        for _ in range(5):
            self.assertEqual(client.get("/").status_code, 200)
        self.assertEqual(VisitorDay.objects.count(), 1)

    def test_each_browser_session_is_a_visitor(self):
        reader().get("/")
        reader().get("/")
        self.assertEqual(VisitorDay.objects.count(), 2)

    def test_bots_static_files_and_the_admin_are_not_visits(self):
        Client(HTTP_USER_AGENT=BOT_USER_AGENT).get("/")
        Client().get("/")  # no user agent at all
        client = reader()
        client.get("/admin/login/")
        client.post("/")
        self.assertEqual(VisitorDay.objects.count(), 0)

    def test_the_box_shows_the_reader_among_the_figures(self):
        reader().get("/")
        response = reader().get("/")
        box = response.content.decode().split('id="visit-stats-title"')[1].split("</section>")[0]
        self.assertIn("<span>Đang online</span> <strong>2</strong>", box)
        self.assertIn("<span>Hôm nay</span> <strong>2</strong>", box)
        self.assertIn("<span>Trong tuần</span> <strong>2</strong>", box)
        self.assertIn("<span>Tất cả</span> <strong>2</strong>", box)

    def test_figures_by_day_week_and_online_window(self):
        now = timezone.now()
        today = timezone.localdate(now)
        monday = today - datetime.timedelta(days=today.weekday())
        long_ago = now - datetime.timedelta(days=40)

        def visit(key, day, seen):
            VisitorDay.objects.create(visitor_key=key, day=day, first_seen=seen, last_seen=seen)

        visit("a", today, now)  # online now
        visit("b", today, now - datetime.timedelta(minutes=30))  # today, not online
        visit("a", monday - datetime.timedelta(days=1), long_ago)  # last week: total only
        visit("c", long_ago.date(), long_ago)
        if monday != today:
            visit("b", monday, now - datetime.timedelta(days=today.weekday()))  # same visitor
        statistics = visit_statistics()
        self.assertEqual(statistics["online"], 1)
        self.assertEqual(statistics["today"], 2)
        self.assertEqual(statistics["this_week"], 2)  # a and b, each once
        self.assertEqual(statistics["total"], VisitorDay.objects.count())

    def test_returning_next_day_is_a_new_visit(self):
        client = reader()
        client.get("/")
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        with mock.patch("django.utils.timezone.now", return_value=tomorrow):
            client.get("/")
        self.assertEqual(VisitorDay.objects.count(), 2)
        self.assertEqual(VisitorDay.objects.values("visitor_key").distinct().count(), 1)
