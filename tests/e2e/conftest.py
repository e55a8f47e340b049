import os
import shutil
import threading

import pytest

from tests.e2e.browser import save_screenshot

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_TIMEOUT_SECONDS = 120


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _restore_migrated_data(django_db_serialized_rollback):
    """Browser tests need a live server, hence real transactions and a flush after each test;
    the rows the migrations made (home page, site, locale) are restored before each one."""


def _require_browser():
    missing = None
    if not (os.path.exists(CHROMIUM) and shutil.which("chromium")):
        missing = f"{CHROMIUM} is missing: apt-get install -y chromium"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "playwright is not installed (requirements-dev.txt)"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing)  # in CI a skipped browser test is a failure
        pytest.skip(missing)


@pytest.fixture
def in_browser():
    """Run `steps(browser)` against Debian's chromium (never a downloaded browser).

    Playwright's sync API drives an event loop in the thread that starts it, and Django keeps
    database connections per thread and context: so the browser gets a thread of its own and the
    test thread keeps its connection (and the test database) untouched."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    def run(steps):
        outcome = {}

        def drive():
            try:
                with sync_playwright() as playwright:
                    browser = playwright.chromium.launch(
                        executable_path=CHROMIUM, args=CHROMIUM_ARGS
                    )
                    try:
                        outcome["value"] = steps(browser)
                    except BaseException:
                        _keep_evidence(browser)
                        raise
                    finally:
                        browser.close()
            except BaseException as error:  # noqa: BLE001 (re-raised in the test thread)
                outcome["error"] = error

        thread = threading.Thread(target=drive, name="browser")
        thread.start()
        thread.join(BROWSER_TIMEOUT_SECONDS)
        if thread.is_alive():
            pytest.fail(f"the browser did not finish within {BROWSER_TIMEOUT_SECONDS} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("value")

    return run


def _keep_evidence(browser):
    """A failing browser step leaves screenshots of every open tab behind for people to read."""
    for number, context in enumerate(browser.contexts):
        for tab, page in enumerate(context.pages):
            try:
                save_screenshot(page, f"failure-{number}-{tab}")
            except Exception:  # noqa: BLE001, S110 (best effort while already failing)
                pass
