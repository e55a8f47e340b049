"""What browser tests use besides the fixtures: waiting on a page, screenshots people look at,
a small public site to walk through."""

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def wait_until_true(page, expression, seconds=10):
    """Wait until the page's `expression` is true, polled from here: Playwright's own in-page
    polling evaluates a string, which the Content-Security-Policy refuses (as it should)."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {seconds} s: {expression}")


def save_screenshot(page, name):
    """Full-page screenshots for people to look at, kept in test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def make_schedule_with_this_week():
    """The work schedule with this week's entries: one postponed, one with a leader."""
    import datetime

    from django.utils import timezone

    from home.models import Person
    from schedule.models import (
        EntryStatus,
        ScheduleEntry,
        WorkScheduleIndexPage,
        WorkWeekPage,
        monday_of,
    )
    from tests.helpers import home_page

    schedule = WorkScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac")
    home_page().add_child(instance=schedule)
    director = Person.objects.create(
        name="Hoàng Văn Minh", position="Giám đốc Sở", group="lanh_dao"
    )
    today = timezone.localdate()
    monday = monday_of(today)
    week = WorkWeekPage(week_start=monday)
    week.entries = [
        ScheduleEntry(
            day=monday,
            starts_at=datetime.time(7, 30),
            ends_at=datetime.time(8, 30),
            content="Giao ban Lãnh đạo Sở đầu tuần",
            place="Phòng họp tầng 3",
            leaders=[director],
        ),
        ScheduleEntry(
            day=monday + datetime.timedelta(days=2),
            starts_at=datetime.time(14),
            content="Hội nghị chuyển đổi số khối doanh nghiệp",
            status=EntryStatus.CANCELLED,
            change_reason="Hoãn do trùng lịch của tỉnh",
        ),
    ]
    schedule.add_child(instance=week)
    week.save_revision().publish()
    return schedule


def build_public_site():
    """A small portal with a page of every kind readers see: the pages, for the tests to use."""
    from home.models import DisclosurePage
    from tests.citizens.helpers import (
        asked_question,
        make_consultation,
        make_consultation_index,
        make_question_index,
    )
    from tests.factories import (
        ArticleIndexPageFactory,
        ArticlePageFactory,
        ContactPageFactory,
        ImageFactory,
        OrganizationFactory,
        ProgramIndexPageFactory,
        ProgramPageFactory,
        StandardPageFactory,
        TaskPageFactory,
    )
    from tests.galleries.helpers import (
        make_album,
        make_album_index,
        make_video,
        make_video_index,
        store_embed,
    )
    from tests.helpers import fill_site_settings, home_page
    from tests.procedures.helpers import make_catalogue, make_procedure

    home = home_page()
    fill_site_settings()
    image = ImageFactory()
    about = StandardPageFactory(parent=home, title="Giới thiệu", show_in_menus=True)
    StandardPageFactory(parent=about, title="Chức năng, nhiệm vụ", show_in_menus=True)
    news = ArticleIndexPageFactory(parent=home, title="Tin tức - Sự kiện")
    articles = [
        ArticlePageFactory(parent=news, lead_image=image, title=f"Tin bài thử nghiệm số {n}")
        for n in range(12)
    ]
    contact = ContactPageFactory(parent=home, show_in_menus=True)
    registry = ProgramIndexPageFactory(parent=home, show_in_menus=True)
    program = ProgramPageFactory(parent=registry, title="Chương trình Nông thôn miền núi")
    tasks = [
        TaskPageFactory(
            parent=program if n % 2 else registry,
            title=f"Nghiên cứu ứng dụng công nghệ sinh học số {n}",
            host_organization=OrganizationFactory(),
            status=status,
        )
        for n, status in enumerate(["dang_thuc_hien", "ban_giao", "chuyen_tiep", "nghiem_thu"])
    ]
    catalogue = make_catalogue(show_in_menus=True)
    procedure = make_procedure(
        catalogue,
        "Cấp giấy phép bưu chính",
        "1.004470",
        steps="<ol><li>Nộp hồ sơ trực tuyến.</li><li>Nhận kết quả.</li></ol>",
        processing_time="20 ngày làm việc",
        is_example=True,
    )
    disclosure = home.add_child(
        instance=DisclosurePage(title="Công khai", slug="cong-khai", show_in_menus=True)
    )
    questions = make_question_index(show_in_menus=True)
    answer = asked_question(questions, answered=True).answer_page
    consultations = make_consultation_index()
    consultation = make_consultation(consultations, "Dự thảo quy chế hạ tầng viễn thông")
    closed_consultation = make_consultation(
        consultations, "Dự thảo kế hoạch năm trước", opens_in_days=-60, closes_in_days=-30
    )
    schedule = make_schedule_with_this_week()
    store_embed()
    albums = make_album_index()
    album = make_album(albums, "Hội nghị tổng kết khoa học và công nghệ", photos=4)
    videos = make_video_index()
    video = make_video(videos, "Phóng sự ứng dụng khoa học", poster=image)
    return {
        "schedule": schedule,
        "albums": albums,
        "album": album,
        "videos": videos,
        "video": video,
        "questions": questions,
        "answer": answer,
        "consultations": consultations,
        "consultation": consultation,
        "closed_consultation": closed_consultation,
        "home": home,
        "about": about,
        "catalogue": catalogue,
        "procedure": procedure,
        "disclosure": disclosure,
        "news": news,
        "articles": articles,
        "contact": contact,
        "registry": registry,
        "program": program,
        "tasks": tasks,
    }
