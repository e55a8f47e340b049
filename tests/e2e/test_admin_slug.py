from django.contrib.auth import get_user_model

from tests.e2e.browser import wait_until_true
from tests.factories import ArticleIndexPageFactory
from tests.helpers import STAFF_PASSWORD, home_page


def test_admin_proposes_an_ascii_slug_from_a_vietnamese_title(live_server, in_browser):
    index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
    get_user_model().objects.create_superuser("bientap", "bt@example.invalid", STAFF_PASSWORD)
    add_url = f"{live_server.url}/admin/pages/add/articles/articlepage/{index.pk}/"

    def steps(browser):
        page = browser.new_page()
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "bientap")
        page.fill("#id_password", STAFF_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        page.goto(add_url)
        page.fill("#id_title", "Tỉnh Điện Biên hợp tác với Sơn La")
        page.locator("#id_title").blur()
        wait_until_true(page, "document.querySelector('#id_slug').value !== ''")
        wait_until_true(page, "document.querySelector('.slug-hint').textContent.includes('-la/')")
        return page.input_value("#id_slug"), page.inner_text(".slug-hint")

    slug, hint_under_title = in_browser(steps)
    assert slug == "tinh-dien-bien-hop-tac-voi-son-la"
    assert "Địa chỉ của trang: …/tinh-dien-bien-hop-tac-voi-son-la/" in hint_under_title
