"""WCAG 2.1 AA, checked by axe-core in Debian's chromium on every public page type, at desktop and
phone widths: no serious or critical violation. The figures of each run (violations of every
impact, per page type and width) are written to test-artifacts/axe-results.txt."""

import datetime
import json

import pytest

from home.models import DocumentLibraryPage
from tests.e2e.conftest import SCREENSHOTS, save_screenshot
from tests.factories import (
    READER_USER_AGENT,
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
from tests.helpers import fill_site_settings, home_page
from tests.home.test_documents import make_document

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
BLOCKING = {"serious", "critical"}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RESULTS = SCREENSHOTS.parent / "axe-results.txt"


@pytest.fixture
def every_page_type():
    home = home_page()
    fill_site_settings()
    image = ImageFactory()
    about = StandardPageFactory(parent=home, title="Giới thiệu", show_in_menus=True)
    StandardPageFactory(parent=about, title="Chức năng, nhiệm vụ", show_in_menus=True)
    news = ArticleIndexPageFactory(parent=home, title="Tin tức - Sự kiện")
    articles = [
        ArticlePageFactory(parent=news, lead_image=image, title=f"Hội thảo chuyển đổi số lần {n}")
        for n in range(12)
    ]
    articles[0].tags.add("chuyển đổi số")
    articles[0].save()
    contact = ContactPageFactory(parent=home, show_in_menus=True)
    registry = ProgramIndexPageFactory(parent=home, show_in_menus=True)
    program = ProgramPageFactory(parent=registry, title="Chương trình Nông thôn miền núi")
    task = TaskPageFactory(
        parent=program,
        title="Nghiên cứu bảo tồn và phát triển cây sâm Sơn La",
        host_organization=OrganizationFactory(),
    )
    library = home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
    document = make_document(
        "2423/QĐ-UBND",
        "quyet_dinh",
        datetime.date(2022, 11, 18),
        "UBND tỉnh Sơn La",
        "Phê duyệt danh mục nhiệm vụ KH&CN",
    )
    return {
        "trang chủ": "/",
        "chuyên mục tin": news.url,
        "chuyên mục tin, trang 2": news.url + "?page=2",
        "tin bài": articles[0].url,
        "trang thông tin": about.url,
        "liên hệ": contact.url,
        "danh mục nhiệm vụ": registry.url,
        "chương trình": program.url,
        "nhiệm vụ": task.url,
        "thư viện văn bản": library.url,
        "văn bản": f"{library.url}{document.pk}/",
        "tìm kiếm": "/tim-kiem/?q=chuyen+doi+so",
        "không tìm thấy": "/khong-co-trang-nay/",
    }


def test_every_public_page_type_meets_wcag_aa(live_server, in_browser, every_page_type):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def steps(browser):
        found = {}
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, user_agent=READER_USER_AGENT
            )
            page = context.new_page()
            for name, url in every_page_type.items():
                page.goto(live_server.url + url)
                results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
                violations = results.response["violations"]
                found[name, width_name] = violations
                if any(v["impact"] in BLOCKING for v in violations):
                    save_screenshot(page, f"axe-{width_name}-{url.strip('/').replace('/', '-')}")
            context.close()
        return found

    found = in_browser(steps)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for (name, width_name), violations in found.items():
        by_impact = {}
        for violation in violations:
            by_impact[violation["impact"]] = by_impact.get(violation["impact"], 0) + 1
        lines.append(f"{name} ({width_name}): {json.dumps(by_impact, ensure_ascii=False)}")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    blocking = {
        f"{name} ({width_name})": [
            f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in violations
            if v["impact"] in BLOCKING
        ]
        for (name, width_name), violations in found.items()
    }
    assert {page: rules for page, rules in blocking.items() if rules} == {}
