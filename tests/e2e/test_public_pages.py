import pytest

from tests.e2e.browser import build_public_site, save_screenshot, wait_until_true
from tests.factories import READER_USER_AGENT


@pytest.fixture
def site():
    pages = build_public_site()
    return {
        "news": pages["news"].url,
        "article": pages["articles"][0].url,
        "registry": pages["registry"].url,
        "task": pages["tasks"][1].url,
    }


def test_phone_menu_opens_without_javascript(live_server, in_browser, site):
    def steps(browser):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, java_script_enabled=False
        )
        page = context.new_page()
        page.goto(live_server.url + "/")
        menu = page.locator("#main-menu")
        assert not menu.is_visible()
        page.click("label.nav__toggle")
        assert menu.is_visible()
        assert page.locator("#main-menu a", has_text="Giới thiệu").first.is_visible()
        save_screenshot(page, "home-390-menu-open")

    in_browser(steps)


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_pages_fit_the_screen_without_sideways_scrolling(live_server, in_browser, site, width):
    pages = [
        ("home", "/"),
        ("news", site["news"]),
        ("article", site["article"]),
        ("contact", "/lien-he/"),
        ("registry", site["registry"]),
        ("task", site["task"]),
        ("search", "/tim-kiem/?q=cong+nghe+sinh+hoc"),
    ]

    def steps(browser):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for name, url in pages:
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"{url} is {scroll_width}px wide at {width}px"
            save_screenshot(page, f"{name}-{width}")

    in_browser(steps)


def test_images_have_dimensions_and_everything_is_served_locally(live_server, in_browser, site):
    def steps(browser):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requested = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(live_server.url + site["article"])
        page.wait_for_load_state("networkidle")
        images = page.locator("main img").all()
        assert images
        for image in images:
            assert image.get_attribute("width") and image.get_attribute("height")
        assert all(url.startswith(live_server.url) for url in requested), requested
        assert page.evaluate("document.fonts.check('16px \"Be Vietnam Pro\"', 'Sở Khoa học')")
        assert page.locator("[data-print]").is_visible()  # shown once JavaScript runs

    in_browser(steps)


def test_header_search_suggests_titles_as_the_reader_types(live_server, in_browser, site):
    def steps(browser):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(live_server.url + site["news"])
        page.fill("#site-search-q", "cong nghe sinh")  # typed without diacritics
        suggestion = page.locator(".suggest a").first
        suggestion.wait_for()
        assert "công nghệ sinh học" in suggestion.inner_text()
        assert page.get_attribute("#site-search-q", "aria-expanded") == "true"
        save_screenshot(page, "search-suggestions-1280")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.wait_for_url("**/nghien-cuu-ung-dung-cong-nghe-sinh-hoc-so-*/")

    in_browser(steps)


def test_header_search_works_without_javascript(live_server, in_browser, site):
    def steps(browser):
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(live_server.url + "/")
        page.fill("#site-search-q", "CÔNG NGHỆ SINH HỌC")
        page.press("#site-search-q", "Enter")
        page.wait_for_url("**/tim-kiem/?q=*")
        assert page.locator(".result").count() == 4
        assert page.locator(".result mark").first.is_visible()

    in_browser(steps)


def test_a_page_from_the_cache_counts_its_reader_and_shows_the_current_figures(
    live_server, in_browser, site
):
    # A reader's browser (headless chromium names itself, and robots are not counted).
    reader = READER_USER_AGENT

    def steps(browser):
        context = browser.new_context(user_agent=reader)
        page = context.new_page()
        with page.expect_response("**/thong-ke/ghi/") as answer:
            page.goto(live_server.url + site["article"])
        assert answer.value.status == 200
        wait_until_true(page, "document.querySelector('[data-view-count]').textContent === '1'")
        wait_until_true(
            page, "document.querySelector('[data-visits=\"today\"]').textContent === '1'"
        )
        page.reload()  # the same reader again: not a second view
        page.wait_for_load_state("networkidle")
        assert page.locator("[data-view-count]").inner_text() == "1"
        other = browser.new_context(user_agent=reader).new_page()
        with other.expect_response("**/thong-ke/ghi/"):
            other.goto(live_server.url + site["article"])
        wait_until_true(other, "document.querySelector('[data-view-count]').textContent === '2'")

    in_browser(steps)
