"""Official documents as a newsroom handles them, in Debian's chromium: an editor drops a PDF on
"Thêm một văn bản", fills in the number, type and effect beside it and presses "Cập nhật"; the
file stays out of readers' reach until an approver approves it on the document's form."""

from django.conf import settings
from wagtail.documents import get_document_model

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import DocumentLibraryPage, DocumentReview
from tests.e2e.browser import save_screenshot, wait_until_true
from tests.e2e.test_moderation_journey import log_in
from tests.helpers import home_page, make_staff

PDF = b"%PDF-1.4\n% quyet dinh phe duyet danh muc\n"


def test_editor_uploads_a_document_and_it_is_public_only_once_approved(
    live_server, in_browser, tmp_path
):
    home_page().add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
    make_staff("bientap", EDITORS_GROUP)
    make_staff("duyet", APPROVERS_GROUP)
    base = live_server.url
    upload = tmp_path / "qd-2423-ubnd.pdf"
    upload.write_bytes(PDF)

    def editor_uploads_and_describes(browser):
        page = log_in(browser, base, "bientap")
        page.goto(f"{base}/admin/documents/multiple/add/")
        page.set_input_files("#fileupload", str(upload))
        wait_until_true(page, "document.querySelector('#upload-list li.upload-success form')", 20)
        item = page.locator("#upload-list li.upload-success")
        item.locator("input[name$='-number']").fill("2423/QĐ-UBND")
        item.locator("select[name$='-document_type']").select_option("quyet_dinh")
        item.locator("input[name$='-issuer']").fill("UBND tỉnh Sơn La")
        item.locator("textarea[name$='-summary']").fill("Phê duyệt danh mục nhiệm vụ KH&CN.")
        item.locator("select[name$='-effect']").select_option("con_hieu_luc")
        item.locator("button[type='submit']").click()
        # The uploader takes the item off its list and says so.
        wait_until_true(page, "document.body.innerText.includes('Đã cập nhật')", 20)
        save_screenshot(page, "admin-document-uploaded")

    def reader_downloads(browser, url):
        page = browser.new_page()
        return page.request.get(f"{base}{url}").status

    def approver_approves(browser, document_id):
        page = log_in(browser, base, "duyet")
        page.goto(f"{base}/admin/documents/edit/{document_id}/")
        assert "Chờ duyệt: văn bản chưa hiện trên cổng." in page.content()
        page.check("input[name='review'][value='approve']")
        save_screenshot(page, "admin-document-review")
        page.get_by_role("button", name="Lưu", exact=True).click()
        page.wait_for_url(f"{base}/admin/documents/")

    in_browser(editor_uploads_and_describes)
    document = get_document_model().objects.get()
    assert document.title == "qd-2423-ubnd"
    assert document.number == "2423/QĐ-UBND"
    assert document.review_status == DocumentReview.WAITING
    assert document.file.path.startswith(str(settings.DOCUMENTS_ROOT))
    assert in_browser(lambda browser: reader_downloads(browser, document.url)) == 404
    assert in_browser(lambda browser: reader_downloads(browser, f"/van-ban/{document.pk}/")) == 404

    in_browser(lambda browser: approver_approves(browser, document.pk))
    document.refresh_from_db()
    assert document.review_status == DocumentReview.APPROVED
    assert in_browser(lambda browser: reader_downloads(browser, document.url)) == 200
