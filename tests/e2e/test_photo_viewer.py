"""The album's photo viewer in chromium, with the keyboard alone: Enter opens the focused photo,
the arrows move with the caption read out, Escape closes and gives focus back; axe finds nothing
serious with the viewer open; the week view and the album at both widths for people to see."""

from tests.e2e.browser import build_public_site, save_screenshot
from tests.e2e.test_accessibility import BLOCKING, WCAG_AA
from tests.factories import READER_USER_AGENT


def test_the_viewer_works_with_the_keyboard_alone(live_server, in_browser):
    site = build_public_site()
    album = site["album"].url

    def steps(browser):
        from axe_playwright_python.sync_playwright import Axe

        found = {}
        for width, height in ((1280, 900), (390, 844)):
            context = browser.new_context(
                viewport={"width": width, "height": height}, user_agent=READER_USER_AGENT
            )
            page = context.new_page()
            page.goto(live_server.url + album)
            save_screenshot(page, f"album-{width}")
            page.goto(live_server.url + site["schedule"].url)
            save_screenshot(page, f"schedule-week-{width}")
            context.close()
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, user_agent=READER_USER_AGENT
        )
        page = context.new_page()
        page.goto(live_server.url + album)
        first = page.locator("[data-gallery-item]").first
        first.focus()
        page.keyboard.press("Enter")
        page.wait_for_selector("dialog.viewer[open]")
        found["opened"] = page.inner_text(".viewer__caption")
        found["count"] = page.inner_text(".viewer__count")
        page.keyboard.press("ArrowRight")
        found["next"] = page.inner_text(".viewer__caption")
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("ArrowLeft")
        found["wrapped"] = page.inner_text(".viewer__count")
        found["aria-live"] = page.get_attribute(".viewer__caption", "aria-live")
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        found["axe"] = [
            (v["id"], [node["target"] for node in v["nodes"]])
            for v in results.response["violations"]
            if v["impact"] in BLOCKING
        ]
        save_screenshot(page, "album-viewer-1280")
        page.keyboard.press("Escape")
        page.wait_for_selector("dialog.viewer:not([open])", state="attached")
        found["focus back"] = page.evaluate(
            "document.activeElement === document.querySelector('[data-gallery-item]')"
        )
        context.close()
        return found

    found = in_browser(steps)
    assert found["opened"] == "Hội nghị tổng kết khoa học và công nghệ: ảnh 1"
    assert found["count"] == "Ảnh 1/4"
    assert found["next"].endswith("ảnh 2")
    assert found["wrapped"] == "Ảnh 4/4"
    assert found["aria-live"] == "polite"
    assert found["axe"] == []
    assert found["focus back"] is True
