import datetime
from unittest import mock

import pytest
from django.test import Client, TestCase
from django.utils import timezone

from home.models import VisitorDay
from home.visits import visit_statistics
from tests.factories import BOT_USER_AGENT
from tests.helpers import ReaderClient, home_page

READING_URL = "/thong-ke/ghi/"


def reader():
    return ReaderClient()


class VisitStatisticsTests(TestCase):
    """Visits are counted by the request a page sends once shown, not while it is drawn, so the
    page itself can come from a front cache."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def test_a_visitor_counts_once_however_many_pages_they_read(self):
        client = reader()
        for _ in range(5):
            self.assertEqual(client.post(READING_URL).status_code, 200)
        self.assertEqual(VisitorDay.objects.count(), 1)

    def test_each_browser_is_a_visitor(self):
        reader().post(READING_URL)
        reader().post(READING_URL)
        self.assertEqual(VisitorDay.objects.count(), 2)

    def test_bots_and_clients_without_a_user_agent_are_not_visits(self):
        for client in (Client(HTTP_USER_AGENT=BOT_USER_AGENT), Client()):
            response = client.post(READING_URL)
            self.assertEqual(response.status_code, 200)
            self.assertNotIn("khach", response.cookies)
        self.assertEqual(VisitorDay.objects.count(), 0)

    def test_pages_count_nothing_and_set_no_cookie(self):
        client = reader()
        response = client.get("/")
        self.assertEqual(response.cookies, {})
        self.assertEqual(VisitorDay.objects.count(), 0)
        self.assertContains(response, 'data-reading-url="/thong-ke/ghi/"')

    def test_the_reading_request_is_never_cached_and_only_posted(self):
        response = reader().post(READING_URL)
        self.assertIn("no-store", response["Cache-Control"])
        cookie = response.cookies["khach"]
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")
        self.assertEqual(reader().get(READING_URL).status_code, 405)

    def test_the_answer_includes_the_reader_among_the_figures(self):
        reader().post(READING_URL)
        figures = reader().post(READING_URL).json()["visits"]
        self.assertEqual(figures, {"online": 2, "today": 2, "this_week": 2, "total": 2})
        box = reader().get("/").content.decode().split('id="visit-stats-title"')[1]
        self.assertIn('<span>Hôm nay</span> <strong data-visits="today">2</strong>', box)

    @pytest.mark.attack
    def test_a_forged_visitor_cookie_is_replaced(self):
        client = reader()
        client.cookies["khach"] = "'; DROP TABLE--"
        response = client.post(READING_URL)
        self.assertRegex(response.cookies["khach"].value, r"^[0-9a-f]{32}$")
        self.assertEqual(VisitorDay.objects.get().visitor_key, response.cookies["khach"].value)

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
        client.post(READING_URL)
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        with mock.patch("django.utils.timezone.now", return_value=tomorrow):
            client.post(READING_URL)
        self.assertEqual(VisitorDay.objects.count(), 2)
        self.assertEqual(VisitorDay.objects.values("visitor_key").distinct().count(), 1)
