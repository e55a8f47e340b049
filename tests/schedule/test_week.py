"""Lịch công tác as readers use it: a week by day with today marked, previous and next weeks,
a leader's filter, changed and postponed entries, clear answers to bad weeks, the iCal feed a
calendar application reads, the print layout, and the editors' "next week" with its recurring
entries."""

import datetime
from pathlib import Path

import icalendar
from django.conf import settings
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.roles import EDITORS_GROUP
from home.models import Person
from schedule.models import (
    EntryStatus,
    ScheduleEntry,
    WorkScheduleIndexPage,
    WorkWeekPage,
    iso_week,
    monday_of,
)
from tests.front_cache import RecordingBackend
from tests.helpers import fill_site_settings, home_page, make_staff

TODAY = timezone.localdate()
MONDAY = monday_of(TODAY)


def make_week(index, monday, *entries, publish=True):
    week = WorkWeekPage(week_start=monday)
    week.entries = list(entries)
    index.add_child(instance=week)
    if publish:
        week.save_revision().publish()
    else:
        week.unpublish()
    return week


def entry(day, content, start="08:00", leaders=(), **fields):
    return ScheduleEntry(
        day=day,
        starts_at=datetime.time.fromisoformat(start),
        content=content,
        leaders=list(leaders),
        **fields,
    )


def make_schedule():
    fill_site_settings()
    index = WorkScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac")
    home_page().add_child(instance=index)
    director = Person.objects.create(
        name="Hoàng Văn Minh", position="Giám đốc Sở", group="lanh_dao"
    )
    return index, director


class WeekViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index, cls.director = make_schedule()
        cls.deputy = Person.objects.create(
            name="Lò Thị Thu", position="Phó Giám đốc Sở", group="lanh_dao"
        )
        cls.week = make_week(
            cls.index,
            MONDAY,
            entry(TODAY, "Giao ban đầu tuần", "07:30", [cls.director, cls.deputy]),
            entry(
                MONDAY + datetime.timedelta(days=2),
                "Hội nghị chuyển đổi số",
                leaders=[cls.deputy],
                status=EntryStatus.CANCELLED,
                change_reason="Hoãn do trùng lịch của tỉnh",
            ),
        )
        make_week(
            cls.index,
            MONDAY + datetime.timedelta(days=7),
            entry(
                MONDAY + datetime.timedelta(days=8), "Làm việc tại Mộc Châu", leaders=[cls.director]
            ),
        )

    def get(self, **query):
        return self.client.get(self.index.url, query)

    def test_this_week_by_day_with_today_marked(self):
        response = self.get()
        self.assertContains(response, "Giao ban đầu tuần")
        self.assertContains(response, "Hôm nay")
        self.assertContains(response, "schedule-day--today", count=1)
        self.assertContains(response, "Chủ nhật")
        self.assertContains(response, f"?tuan={iso_week(MONDAY - datetime.timedelta(days=7))}")

    def test_a_postponed_entry_stays_with_its_reason(self):
        response = self.get()
        self.assertContains(response, "Hoãn, hủy: Hoãn do trùng lịch của tỉnh")
        self.assertContains(response, "<del>Hội nghị chuyển đổi số</del>", html=True)

    def test_next_week_by_its_address(self):
        response = self.get(tuan=iso_week(MONDAY + datetime.timedelta(days=7)))
        self.assertContains(response, "Làm việc tại Mộc Châu")
        self.assertNotContains(response, "Giao ban đầu tuần")
        self.assertNotContains(response, "schedule-day--today")

    def test_the_leaders_filter(self):
        response = self.get(**{"lanh-dao": self.director.pk})
        self.assertContains(response, "Giao ban đầu tuần")
        self.assertNotContains(response, "Hội nghị chuyển đổi số")
        # The filter follows the week links.
        self.assertContains(response, f"&amp;lanh-dao={self.director.pk}")
        self.assertContains(self.get(**{"lanh-dao": "abc"}), "Đã bỏ qua điều kiện lọc")

    def test_bad_and_far_weeks_get_a_clear_page(self):
        for value in ("abc", "2026-W99", "2026-48", "' OR 1=1", "x" * 5000):
            with self.subTest(value=value[:20]):
                self.assertContains(self.get(tuan=value), "Không có lịch cho tuần", status_code=400)
        self.assertContains(self.get(tuan="2099-W10"), "trong vòng 5 năm", status_code=404)
        response = self.get(tuan="2024-W10")
        self.assertContains(response, "Chưa có lịch công tác")

    def test_a_weeks_own_address_leads_to_the_week_view(self):
        response = self.client.get(self.week.url)
        self.assertRedirects(
            response, f"{self.index.url}?tuan={iso_week(MONDAY)}", fetch_redirect_response=False
        )

    def test_the_print_layout(self):
        response = self.get()
        self.assertContains(response, "data-print hidden")
        stylesheet = Path(settings.BASE_DIR, "site_config/static/css/site.css").read_text()
        print_rules = stylesheet[stylesheet.rindex("@media print") :]
        self.assertIn(".no-print { display: none !important; }", print_rules)
        self.assertIn(".schedule-day { break-inside: avoid;", print_rules)

    def test_the_week_costs_the_same_queries_for_two_entries_or_twelve(self):
        def queries():
            self.get()
            with CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.get().status_code, 200)
            return len(captured)

        few = queries()
        for number in range(10):
            ScheduleEntry.objects.create(
                page=self.week,
                day=TODAY,
                starts_at=datetime.time(9, number),
                content=f"Lịch thêm {number}",
            ).leaders.add(self.director)
        self.assertEqual(queries(), few)


class ICalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index, cls.director = make_schedule()
        make_week(
            cls.index,
            MONDAY,
            entry(TODAY, "Giao ban đầu tuần", "07:30", [cls.director], place="Phòng họp tầng 3"),
            entry(
                TODAY,
                "Hội nghị bị hoãn",
                "14:00",
                status=EntryStatus.CANCELLED,
                change_reason="Trùng lịch",
            ),
        )
        make_week(
            cls.index,
            MONDAY + datetime.timedelta(days=7),
            entry(MONDAY + datetime.timedelta(days=7), "Bản nháp chưa duyệt"),
            publish=False,
        )

    def events(self, **query):
        response = self.client.get(self.index.url + "ical/", query)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        calendar = icalendar.Calendar.from_ical(response.content)
        return list(calendar.walk("VEVENT"))

    def test_a_calendar_application_reads_the_published_entries(self):
        events = self.events()
        summaries = {str(event["summary"]) for event in events}
        self.assertEqual(summaries, {"Giao ban đầu tuần", "[Hoãn] Hội nghị bị hoãn"})
        briefing = next(e for e in events if str(e["summary"]) == "Giao ban đầu tuần")
        starts = briefing.decoded("dtstart")
        self.assertEqual(starts.astimezone(timezone.get_current_timezone()).hour, 7)
        self.assertEqual(str(briefing["location"]), "Phòng họp tầng 3")
        self.assertIn("Hoàng Văn Minh", str(briefing["description"]))
        postponed = next(e for e in events if "Hoãn" in str(e["summary"]))
        self.assertEqual(str(postponed["status"]), "CANCELLED")

    def test_one_leaders_calendar(self):
        events = self.events(**{"lanh-dao": self.director.pk})
        self.assertEqual([str(e["summary"]) for e in events], ["Giao ban đầu tuần"])

    @override_settings(
        WAGTAILFRONTENDCACHE={"front": {"BACKEND": "tests.front_cache.RecordingBackend"}}
    )
    def test_a_change_to_a_published_week_purges_the_view_and_the_feed(self):
        week = WorkWeekPage.objects.live().get(week_start=MONDAY)
        RecordingBackend.purged.clear()
        with self.captureOnCommitCallbacks(execute=True):
            week.save_revision().publish()
        purged = set(RecordingBackend.purged)
        self.assertIn("http://localhost/lich-cong-tac/", purged)
        self.assertIn("http://localhost/lich-cong-tac/ical/", purged)


class NextWeekTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index, director = make_schedule()
        make_week(
            cls.index,
            MONDAY,
            entry(MONDAY, "Giao ban đầu tuần", "07:30", [director], recurring=True),
            entry(MONDAY + datetime.timedelta(days=3), "Tiếp khách một lần"),
        )
        cls.editor = make_staff("bientap", EDITORS_GROUP)

    def test_the_next_week_starts_with_last_weeks_recurring_entries(self):
        self.client.force_login(self.editor)
        url = reverse("schedule_next_week", args=[self.index.pk])
        explorer = self.client.get(reverse("wagtailadmin_explore", args=[self.index.pk]))
        self.assertContains(explorer, url)
        self.assertContains(self.client.get(url), "chép sẵn 1 lịch lặp lại")
        response = self.client.post(url)
        week = WorkWeekPage.objects.get(week_start=MONDAY + datetime.timedelta(days=7))
        self.assertRedirects(
            response,
            reverse("wagtailadmin_pages:edit", args=[week.pk]),
            fetch_redirect_response=False,
        )
        self.assertFalse(week.live)
        copied = list(week.latest_revision.as_object().entries.all())
        self.assertEqual(
            [(e.content, e.day) for e in copied],
            [("Giao ban đầu tuần", MONDAY + datetime.timedelta(days=7))],
        )
        self.assertEqual([p.name for p in copied[0].leaders.all()], ["Hoàng Văn Minh"])
        self.assertEqual(
            self.client.get(reverse("wagtailadmin_pages:edit", args=[week.pk])).status_code, 200
        )
        # Asked again, it offers the week after the one just made (the page says which).
        self.assertContains(
            self.client.get(url), f"{MONDAY + datetime.timedelta(days=14):%d/%m/%Y}"
        )

    def test_a_second_page_for_a_week_is_refused_with_the_reason(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("schedule", "workweekpage", self.index.pk)),
            nested_form_data(
                {
                    "week_start": (MONDAY + datetime.timedelta(days=2)).isoformat(),
                    "note": "",
                    "entries": inline_formset([]),
                    "comments": inline_formset([]),
                }
            ),
        )
        self.assertContains(response, "Tuần này đã có lịch; hãy sửa trang đó.")
        self.assertEqual(WorkWeekPage.objects.filter(week_start=MONDAY).count(), 1)
