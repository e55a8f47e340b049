"""A reader's round in chromium: asks a question and gets a tracking code, looks its status up;
comments on an open draft, and is refused on a closed one."""

from tests.e2e.browser import build_public_site, save_screenshot
from tests.factories import READER_USER_AGENT


def test_a_reader_asks_tracks_and_comments(live_server, in_browser):
    site = build_public_site()
    base = live_server.url
    questions, open_draft, closed_draft = (
        site["questions"].url,
        site["consultation"].url,
        site["closed_consultation"].url,
    )

    def steps(browser):
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, user_agent=READER_USER_AGENT
        )
        page = context.new_page()
        page.goto(base + questions)
        page.get_by_role("link", name="Gửi câu hỏi").click()
        page.fill("#id_name", "Mùa A Sử")
        page.fill("#id_email", "mua.a.su@nguoidan.example")
        page.fill("#id_area", "Xã Sốp Cộp")
        page.select_option("#id_sector", "vien_thong")
        page.fill("#id_title", "Khi nào có sóng 4G ở bản?")
        page.fill("#id_body", "Bản tôi chưa có sóng điện thoại ổn định.")
        page.check("#id_consent")
        page.get_by_role("button", name="Gửi câu hỏi").click()
        page.wait_for_selector(".tracking-code")
        code = page.inner_text(".tracking-code")
        save_screenshot(page, "citizens-question-sent-390")
        page.get_by_role("link", name="Tra cứu tình trạng câu hỏi").click()
        page.wait_for_load_state("load")
        status = page.inner_text(".notice")

        page.goto(base + open_draft)
        page.get_by_role("link", name="Gửi ý kiến góp ý").click()
        page.fill("#id_name", "Quàng Thị Mai")
        page.fill("#id_email", "quang.thi.mai@doanhnghiep.example")
        page.fill("#id_section", "Điều 5")
        page.fill("#id_body", "Đề nghị rút ngắn thời hạn cấp phép.")
        page.check("#id_consent")
        page.get_by_role("button", name="Gửi ý kiến").click()
        page.wait_for_load_state("load")
        thanked = page.inner_text(".notice")
        response = page.goto(base + closed_draft + "gop-y/")
        refused = (response.status, page.inner_text(".notice"))
        save_screenshot(page, "citizens-comment-refused-390")
        context.close()
        return code, status, thanked, refused

    code, status, thanked, refused = in_browser(steps)
    assert code.startswith("HD-")
    assert code in status and "Mới nhận" in status
    assert "Cảm ơn bạn" in thanked
    assert refused[0] == 403 and "Đã hết hạn góp ý" in refused[1]
