"""The Content-Security-Policy blocks nothing of our own: every public page, and the admin's page
editor with its preview, date picker and inline panels, run in chromium without one violation."""

from core.roles import EDITORS_GROUP
from tests.e2e.browser import build_public_site, wait_until_true
from tests.e2e.test_moderation_journey import log_in
from tests.helpers import make_staff

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const where = `${event.sourceFile}:${event.lineNumber}`;
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


PREVIEW = "document.querySelector('#w-preview-iframe')"
PREVIEW_SHOWN = f"!!{PREVIEW}?.contentDocument?.querySelector('h1.article__title')"
PREVIEW_VIOLATIONS = f"{PREVIEW}.contentWindow.__cspViolations || []"


def violations(page):
    return page.evaluate("window.__cspViolations")


def test_public_pages_run_under_the_policy_without_violations(live_server, in_browser):
    site = build_public_site()
    base = live_server.url
    urls = [
        site["home"].url,
        site["articles"][0].url,
        site["news"].url,
        site["registry"].url,
        site["tasks"][1].url,
        site["contact"].url,
        "/tim-kiem/?q=khoa+hoc",
    ]

    def steps(browser):
        page = browser.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        found = {}
        for url in urls:
            response = page.goto(base + url)
            assert "unsafe-inline" not in response.headers["content-security-policy"]
            page.wait_for_load_state("networkidle")
            found[url] = violations(page)
        # The header search's suggestions fetch from the site (connect-src 'self').
        page.fill("#site-search-q", "nghien")
        page.wait_for_selector("#site-search-q[aria-expanded='true']", timeout=5000)
        found["suggestions"] = violations(page)
        return found

    found = in_browser(steps)
    assert found == {url: [] for url in found}


def test_the_admin_editor_runs_under_its_policy_without_violations(live_server, in_browser):
    site = build_public_site()
    make_staff("bientap", EDITORS_GROUP)
    article = site["articles"][0]
    base = live_server.url

    def steps(browser):
        page = log_in(browser, base, "bientap")
        page.add_init_script(RECORD_VIOLATIONS)
        page.goto(f"{base}/admin/pages/{article.pk}/edit/")
        page.wait_for_load_state("networkidle")
        # Wagtail starts its date pickers from inline scripts: they ran if the pickers exist.
        page.wait_for_selector(".xdsoft_datetimepicker", state="attached", timeout=5000)
        page.click("[data-side-panel-toggle='preview']")
        # The preview frame is swapped when it reloads: read it through the admin's document.
        wait_until_true(page, PREVIEW_SHOWN, seconds=15)
        return violations(page) + page.evaluate(PREVIEW_VIOLATIONS)

    assert in_browser(steps) == []
