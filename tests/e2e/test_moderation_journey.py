"""The editorial round as people do it, in Debian's chromium: an editor writes and submits, an
approver sends it back with a comment from the dashboard, the editor revises and resubmits, the
approver approves, and a reader sees the article."""

import re

from django.core import mail

from articles.models import ArticlePage
from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from tests.e2e.browser import save_screenshot, wait_until_true
from tests.factories import ArticleIndexPageFactory
from tests.helpers import STAFF_PASSWORD, home_page, make_staff
from tests.home.test_admin_vietnamese import english_found, english_phrases, shown_text

TITLE = "Hội thảo đổi mới sáng tạo vùng Tây Bắc"
SLUG = "hoi-thao-doi-moi-sang-tao-vung-tay-bac"
REJECTION = "Đề nghị bổ sung số đơn vị tham dự."


def log_in(browser, base_url, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
    return page


def in_vietnamese(page, screen):
    """Save the screen for people to look at, after checking it shows no English phrase."""
    html = settled_content(page)
    save_screenshot(page, screen)
    assert english_found(shown_text(html), english_phrases()) == [], screen


def settled_content(page, attempts=20):
    """The page's HTML once it has stopped navigating: the dashboard reloads itself after a
    workflow action, and Playwright refuses to read a page in the middle of that."""
    from playwright.sync_api import Error

    for _ in range(attempts):
        page.wait_for_load_state("load")
        try:
            return page.content()
        except Error as error:
            if "navigating" not in str(error):
                raise
            page.wait_for_timeout(250)
    raise AssertionError(f"the page was still navigating after {attempts} tries")


def main_action(page, name):
    """Click the page editor's main footer button, which must be `name` for this role."""
    button = page.locator("footer .w-dropdown-button > button").first
    assert button.get_attribute("name") == name, button.inner_text()
    button.click()
    page.wait_for_load_state("networkidle")


def dashboard_action(page, label):
    """From the approver's dashboard, run a workflow action on the article under review."""
    row = page.locator("#awaiting-review-section tr", has_text=TITLE)
    row.locator(".w-dropdown__toggle").click()
    row.get_by_role("button", name=label, exact=True).click()


def test_editor_submits_approver_rejects_then_approves_reader_sees(live_server, in_browser):
    index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
    make_staff("bientap", EDITORS_GROUP)
    make_staff("duyet", APPROVERS_GROUP)
    base = live_server.url

    def editor_writes_and_submits(browser):
        page = log_in(browser, base, "bientap")
        in_vietnamese(page, "journey-0-editor-dashboard")
        page.goto(f"{base}/admin/pages/add/articles/articlepage/{index.pk}/")
        in_vietnamese(page, "journey-0a-editor-writes")
        page.fill("#id_title", TITLE)
        page.locator("#id_title").blur()
        wait_until_true(page, "document.querySelector('#id_slug').value !== ''")
        page.fill("#id_summary", "Hội thảo kết nối các nhà khoa học và doanh nghiệp.")
        main_action(page, "action-submit")  # "Gửi duyệt", the editor's main button
        page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
        in_vietnamese(page, "journey-1-editor-submitted")

    def approver_rejects_from_dashboard(browser):
        page = log_in(browser, base, "duyet")
        dashboard_action(page, "Yêu cầu sửa")
        page.locator(".modal textarea[name='comment']").wait_for()
        in_vietnamese(page, "journey-2a-approver-writes-the-comment")
        page.locator(".modal textarea[name='comment']").fill(REJECTION)
        page.locator(".modal button[type='submit']").click()
        page.wait_for_load_state("networkidle")
        in_vietnamese(page, "journey-2-approver-rejected")

    def editor_revises_and_resubmits(browser, page_id):
        page = log_in(browser, base, "bientap")
        dashboard_row = page.locator("#objects-in-workflow-section tr", has_text=TITLE)
        assert REJECTION in dashboard_row.inner_text()
        page.goto(f"{base}/admin/pages/{page_id}/edit/")
        banner = page.locator(".review-note--sent-back")
        assert banner.is_visible()  # above the form, not behind the workflow history
        assert "duyet yêu cầu sửa lúc" in banner.inner_text()
        assert REJECTION in banner.inner_text()
        in_vietnamese(page, "journey-3a-editor-reads-the-comment")
        page.fill("#id_summary", "Hội thảo có 25 đơn vị tham dự.")
        main_action(page, "action-submit")
        in_vietnamese(page, "journey-3-editor-resubmitted")

    def approver_compares_and_approves(browser, page_id):
        page = log_in(browser, base, "duyet")
        page.goto(f"{base}/admin/pages/{page_id}/edit/")
        assert "Trang này đang chờ bạn duyệt" in page.locator(".review-note--for-you").inner_text()
        page.get_by_role("link", name="So với bản đã trả lại").click()
        page.wait_for_load_state("networkidle")
        assert "25 đơn vị tham dự" in page.locator(".comparison .addition").first.inner_text()
        in_vietnamese(page, "journey-4a-approver-compares")
        page.goto(f"{base}/admin/")
        dashboard_action(page, "Phê duyệt")
        page.wait_for_load_state("networkidle")
        in_vietnamese(page, "journey-4-approver-approved")

    def reader_reads(browser):
        page = browser.new_page()
        response = page.goto(f"{base}/tin-tuc/{SLUG}/")
        save_screenshot(page, "journey-5-reader")
        return response.status, page.content()

    in_browser(editor_writes_and_submits)
    article = ArticlePage.objects.get(slug=SLUG)
    page_id = article.pk
    assert article.slug == SLUG
    assert not article.live
    assert any("duyet@sokhcn.example" in message.to for message in mail.outbox)

    in_browser(approver_rejects_from_dashboard)
    assert any(REJECTION in message.body for message in mail.outbox if "bientap" in message.to[0])
    assert in_browser(reader_reads)[0] == 404

    in_browser(lambda browser: editor_revises_and_resubmits(browser, page_id))
    in_browser(lambda browser: approver_compares_and_approves(browser, page_id))

    status, html = in_browser(reader_reads)
    assert status == 200
    assert TITLE in html
    assert "Hội thảo có 25 đơn vị tham dự." in html
