"""The page editor's "Kiểm tra" panel in Debian's chromium: Wagtail runs its checks (accessibility,
words, reading time, readability) inside the page's preview, through the user bar our templates
render for previews only. A page with real problems gets them reported; a clean one gets none."""

from core.roles import EDITORS_GROUP
from tests.e2e.browser import SCREENSHOTS, wait_until_true
from tests.e2e.test_moderation_journey import log_in
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, ImageFactory
from tests.helpers import home_page, make_staff

PARAGRAPHS = [
    {
        "type": "paragraph",
        "value": "<p>Sở Khoa học và Công nghệ tổ chức hội nghị tổng kết năm với các đơn vị.</p>",
    }
] * 3


def body_image(alt_text):
    return {
        "type": "image",
        "value": {
            "image": {"image": ImageFactory().pk, "alt_text": alt_text, "decorative": False},
            "caption": "",
        },
    }


def open_checks(page, base, article_id):
    page.goto(f"{base}/admin/pages/{article_id}/edit/")
    if not page.locator("[data-side-panel='checks']").is_visible():  # the panel stays open
        page.click("[data-side-panel-toggle='checks']")
    wait_until_true(
        page,
        "document.querySelector('[data-content-word-count]').textContent.trim() !== '-'",
        seconds=30,
    )
    page.wait_for_timeout(500)  # the issue list fills in after the metrics
    return {
        "words": page.locator("[data-content-word-count]").inner_text(),
        "count": page.locator("[data-content-checker-count]").first.inner_text(),
        "issues": page.locator("[data-checks-panel]").inner_text(),
    }


def test_the_checks_panel_reports_real_problems_in_the_preview(live_server, in_browser):
    make_staff("bientap", EDITORS_GROUP)
    news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
    clean = ArticlePageFactory(
        parent=news, title="Tin bài không có lỗi", body=[*PARAGRAPHS, body_image("Hội trường")]
    )
    faulty = ArticlePageFactory(
        parent=news,
        title="Tin bài có lỗi",
        body=[
            # A heading skipping a level under the title; an image "described" by its file name.
            {"type": "heading", "value": {"text": "Kết quả nổi bật", "level": "h3"}},
            *PARAGRAPHS,
            body_image("IMG_2024.jpg"),
        ],
    )
    base = live_server.url

    def editor_runs_the_checks(browser):
        page = log_in(browser, base, "bientap")
        faulty_results = open_checks(page, base, faulty.pk)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / "admin-checks-panel.png"))
        return open_checks(page, base, clean.pk), faulty_results

    clean_results, faulty_results = in_browser(editor_runs_the_checks)
    assert int(clean_results["words"]) > 20
    assert clean_results["count"] == "0", clean_results["issues"]
    assert int(faulty_results["count"]) >= 2, faulty_results
    assert "Mô tả ảnh giống tên tệp" in faulty_results["issues"]
    assert "Tiêu đề nhảy cấp" in faulty_results["issues"]
