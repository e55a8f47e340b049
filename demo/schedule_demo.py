"""Demo of the work schedule (/lich-cong-tac/): four published weeks around today, the leaders'
meetings, visits and receptions, one entry changed and one postponed, a weekly briefing marked
recurring. Idempotent: a week that exists is kept."""

import datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from schedule.models import (
    EntryStatus,
    ScheduleEntry,
    WorkScheduleIndexPage,
    WorkWeekPage,
    monday_of,
)

INDEX = {
    "title": "Lịch công tác",
    "slug": "lich-cong-tac",
    "intro": "Lịch làm việc hằng tuần của Lãnh đạo Sở; lịch có thay đổi được cập nhật tại đây.",
}
# (weekday, start, end, leader numbers, content, place, presiding, participants, preparing)
WEEK_PLAN = [
    (0, "07:30", "08:30", (0, 1, 2), "Giao ban Lãnh đạo Sở đầu tuần", "Phòng họp tầng 3",
     "Giám đốc Sở", "Lãnh đạo Sở, Trưởng các phòng, đơn vị", "Văn phòng Sở"),
    (0, "14:00", "16:30", (1,), "Làm việc với Trung tâm Ứng dụng tiến bộ KH&CN về kế hoạch năm",
     "Trung tâm Ứng dụng tiến bộ KH&CN", "Phó Giám đốc Sở", "Phòng Quản lý khoa học", "Trung tâm"),
    (1, "08:00", "11:30", (0,), "Dự họp UBND tỉnh thường kỳ", "Trụ sở HĐND - UBND tỉnh",
     "UBND tỉnh", "Giám đốc Sở", "Văn phòng Sở"),
    (2, "08:00", "17:00", (2,), "Kiểm tra nhiệm vụ KH&CN cấp tỉnh tại huyện Mộc Châu",
     "Phường Mộc Châu", "Phó Giám đốc Sở", "Phòng Quản lý khoa học, chủ nhiệm nhiệm vụ",
     "Phòng Quản lý khoa học"),
    (3, "08:00", "10:00", (0, 1), "Hội đồng tư vấn xác định nhiệm vụ KH&CN năm sau",
     "Phòng họp tầng 3", "Giám đốc Sở", "Thành viên hội đồng", "Phòng Quản lý khoa học"),
    (3, "14:00", "", (1,), "Tiếp công dân định kỳ", "Phòng tiếp công dân", "Phó Giám đốc Sở", "",
     "Thanh tra Sở"),
    (4, "08:00", "11:00", (2,), "Hội nghị chuyển đổi số khối doanh nghiệp",
     "Hội trường Sở", "Phó Giám đốc Sở", "Doanh nghiệp viễn thông, bưu chính",
     "Phòng Chuyển đổi số"),
]  # fmt: skip


def build_schedule_demo(tally, publish):
    home = apps.get_model("wagtailcore", "Site").objects.get(is_default_site=True).root_page
    leaders = list(
        apps.get_model("home", "Person")
        .objects.filter(group="lanh_dao")
        .order_by("sort_order", "name")
    )
    today = timezone.localdate()
    this_monday = monday_of(today)
    with transaction.atomic():
        index = publish(home.specific, WorkScheduleIndexPage(show_in_menus=True, **INDEX))
        for offset in (-1, 0, 1, 2):
            monday = this_monday + datetime.timedelta(weeks=offset)
            if WorkWeekPage.objects.child_of(index).filter(week_start=monday).exists():
                tally.count(False)
                continue
            week = WorkWeekPage(week_start=monday)
            week.entries = [
                _entry(monday, row, leaders, number, offset) for number, row in enumerate(WEEK_PLAN)
            ]
            index.add_child(instance=week)
            week.save_revision().publish()
            tally.count(True)
    return index


def _entry(monday, row, leaders, number, offset):
    weekday, start, end, who, content, place, presiding, participants, preparing = row
    status, reason = EntryStatus.SCHEDULED, ""
    if offset == 0 and number == 2:
        status, reason = EntryStatus.CHANGED, "Chuyển sang 14:00 theo thông báo của UBND tỉnh"
    if offset == 0 and number == 6:
        status, reason = EntryStatus.CANCELLED, "Hoãn sang tuần sau do trùng lịch của tỉnh"
    return ScheduleEntry(
        day=monday + datetime.timedelta(days=weekday),
        starts_at=datetime.time.fromisoformat(start),
        ends_at=datetime.time.fromisoformat(end) if end else None,
        leaders=[leaders[n] for n in who if n < len(leaders)],
        content=content,
        place=place,
        presiding_unit=presiding,
        participants=participants,
        preparing_unit=preparing,
        status=status,
        change_reason=reason,
        recurring=number == 0,
    )
