"""WCAG 2.1 AA, checked by axe-core in Debian's chromium on every public page type, at desktop and
phone widths: no serious or critical violation. The figures of each run (violations of every
impact, per page type and width) are written to test-artifacts/axe-results.txt."""

import datetime
import json

import pytest

from home.models import DocumentLibraryPage
from tests.e2e.browser import SCREENSHOTS, build_public_site, save_screenshot
from tests.factories import READER_USER_AGENT
from tests.home.test_documents import make_document

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
BLOCKING = {"serious", "critical"}
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RESULTS = SCREENSHOTS.parent / "axe-results.txt"


@pytest.fixture
def every_page_type():
    pages = build_public_site()
    home, news, article = pages["home"], pages["news"], pages["articles"][0]
    article.tags.add("chuyển đổi số")
    article.save()
    library = home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
    document = make_document(
        "2423/QĐ-UBND",
        "quyet_dinh",
        datetime.date(2022, 11, 18),
        "UBND tỉnh Sơn La",
        "Phê duyệt danh mục nhiệm vụ KH&CN",
    )
    make_document(
        "35/QĐ-SKHCN",
        "du_toan",
        datetime.date(2026, 1, 10),
        "Sở Khoa học và Công nghệ",
        "Công khai dự toán ngân sách năm 2026",
    )
    return {
        "trang chủ": "/",
        "chuyên mục tin": news.url,
        "chuyên mục tin, trang 2": news.url + "?page=2",
        "tin bài": article.url,
        "trang thông tin": pages["about"].url,
        "liên hệ": pages["contact"].url,
        "danh mục nhiệm vụ": pages["registry"].url,
        "chương trình": pages["program"].url,
        "nhiệm vụ": pages["tasks"][1].url,
        "thư viện văn bản": library.url,
        "văn bản": f"{library.url}{document.pk}/",
        "thủ tục hành chính": pages["catalogue"].url,
        "thủ tục": pages["procedure"].url,
        "công khai": pages["disclosure"].url,
        "lịch công tác": pages["schedule"].url,
        "thư viện ảnh": pages["albums"].url,
        "album ảnh": pages["album"].url,
        "thư viện video": pages["videos"].url,
        "video": pages["video"].url,
        "hỏi đáp": pages["questions"].url,
        "câu hỏi và trả lời": pages["answer"].url,
        "gửi câu hỏi": pages["questions"].url + "gui-cau-hoi/",
        "tra cứu câu hỏi": pages["questions"].url + "tra-cuu/?ma=HD-KHONGCO",
        "góp ý dự thảo": pages["consultations"].url,
        "dự thảo": pages["consultation"].url,
        "gửi góp ý": pages["consultation"].url + "gop-y/",
        "sơ đồ cổng": "/so-do-cong/",
        "dữ liệu mở": "/du-lieu-mo/",
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
