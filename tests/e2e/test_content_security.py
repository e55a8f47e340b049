"""The Content-Security-Policy blocks nothing of our own: every public page, and the admin's page
editor with its preview, date picker and inline panels, run in chromium without one violation."""

from urllib.parse import urlsplit

from core.roles import EDITORS_GROUP
from home.models import SiteSettings
from tests.e2e.browser import build_public_site, wait_until_true
from tests.e2e.test_moderation_journey import log_in
from tests.helpers import fill_site_settings, make_staff

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
        site["catalogue"].url,
        site["procedure"].url,
        site["disclosure"].url,
        site["schedule"].url,
        site["album"].url,
        site["video"].url,
        site["questions"].url,
        site["answer"].url,
        site["questions"].url + "gui-cau-hoi/",
        site["consultation"].url,
        site["consultation"].url + "gop-y/",
        "/so-do-cong/",
        "/du-lieu-mo/",
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


EMC_HOST = "https://emc.example.gov.vn"
BADGE_HOST = "https://tinnhiem.example.vn"
# What the monitoring script does on a page: report the visit to its own host.
EMC_SCRIPT = f"""
fetch("{EMC_HOST}/beacon", {{method: "POST", mode: "no-cors", body: location.pathname}});
window.__emcLoaded = true;
"""
PNG_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5d1b55e0000000049454e44ae426082"
)


def test_monitoring_script_and_trust_badge_run_under_the_policy(live_server, in_browser):
    """With EMC and the badge set, the script loads from its host, reports to it and the badge's
    image shows, with no violation; a request to any other host is still refused. Unset, no
    request leaves for them. The two hosts are answered by the browser itself (no network)."""
    site = build_public_site()
    base = live_server.url
    urls = [site["home"].url, site["procedure"].url, "/so-do-cong/"]

    def visit(browser):
        page = browser.new_page()
        requested = []

        def answer(route):
            requested.append(route.request.url)
            path = urlsplit(route.request.url).path
            if path.endswith(".js"):
                return route.fulfill(body=EMC_SCRIPT, content_type="text/javascript")
            if path.endswith(".png"):
                return route.fulfill(body=PNG_PIXEL, content_type="image/png")
            return route.fulfill(status=204)

        page.route(f"{EMC_HOST}/**", answer)
        page.route(f"{BADGE_HOST}/**", answer)
        page.add_init_script(RECORD_VIOLATIONS)
        found = {}
        for url in urls:
            page.goto(base + url)
            # The badge sits in the footer and loads lazily: bring it into view first.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_load_state("networkidle")
            loaded = page.evaluate("window.__emcLoaded === true")
            badge = page.evaluate(
                "[...document.querySelectorAll('.trust-badge img')].map(i => i.naturalWidth)"
            )
            found[url] = (violations(page), loaded, badge)
        page.evaluate("fetch('https://other.example/x', {mode: 'no-cors'}).catch(() => {})")
        wait_until_true(page, "window.__cspViolations.length > 0", seconds=5)
        found["other host"] = violations(page)
        return found, requested

    found, requested = in_browser(visit)  # unset: nothing for the outside hosts
    assert {url: found[url] for url in urls} == {url: ([], False, []) for url in urls}
    assert requested == []
    assert found["other host"][0].startswith("connect-src https://other.example/x")

    fill_site_settings(
        monitoring_script=f'<script src="{EMC_HOST}/collect.js?code=SKHCN-SL-0042"></script>',
        trust_badge_image_url=f"{BADGE_HOST}/badge/42.png",
    )
    site_settings = SiteSettings.for_site(site["home"].get_site())
    site_settings.full_clean()
    site_settings.save()
    found, requested = in_browser(visit)
    assert {url: found[url] for url in urls} == {url: ([], True, [1]) for url in urls}
    assert f"{EMC_HOST}/collect.js?code=SKHCN-SL-0042" in requested
    assert f"{EMC_HOST}/beacon" in requested
    assert f"{BADGE_HOST}/badge/42.png" in requested
    assert found["other host"][0].startswith("connect-src https://other.example/x")
