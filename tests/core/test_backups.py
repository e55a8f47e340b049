"""`make backup` / `make restore`: a backup restored into a new database and new folders holds the
same rows, the same revisions, the same files, and draws the same pages."""

import datetime
import re
from contextlib import contextmanager
from io import StringIO
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model

from core import backups
from home.models import DocumentLibraryPage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContactPageFactory,
    ImageFactory,
)
from tests.helpers import fill_site_settings, home_page, own_connection
from tests.home.test_contact import VALID_POST
from tests.home.test_documents import make_document


def seed(client):
    fill_site_settings()
    home = home_page()
    news = ArticleIndexPageFactory(parent=home, title="Tin tức")
    article = ArticlePageFactory(parent=news, title="Hội thảo", lead_image=ImageFactory())
    article.title = "Hội thảo khoa học (đã sửa)"
    article.save_revision().publish()
    article.summary = "Bản nháp chưa đăng."
    article.save_revision()
    library = home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
    document = make_document(
        "145/KH-SKHCN", "ke_hoach", datetime.date(2026, 1, 15), "Sở KH&CN", "Kế hoạch năm 2026"
    )
    contact = ContactPageFactory(parent=home)
    assert client.post(contact.url, VALID_POST).status_code == 200
    return [home.url, news.url, article.url, library.url, f"/van-ban/{document.pk}/", contact.url]


def drawn(client, urls):
    """The pages as readers get them, less what differs by design on every answer."""
    cache.clear()  # the frame is drawn again from the database in use
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", html)
        pages[url] = re.sub(r'nonce="[^"]+"', "nonce", html)
    return pages


@contextmanager
def file_settings(media, documents):
    """MEDIA_ROOT and DOCUMENTS_ROOT pointed at folders of the test's own: the backup holds
    exactly the test's files, whatever else the suite uploads. The documents' storage was made
    when the model was (a FileField keeps its storage), so its folder is moved by hand."""
    storage = get_document_model()._meta.get_field("file").storage
    with (
        override_settings(MEDIA_ROOT=media, DOCUMENTS_ROOT=documents),
        mock.patch.object(storage, "base_location", str(documents)),
        mock.patch.object(storage, "location", str(documents)),
    ):
        yield


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_into_a_new_database_and_folders_identically(client, tmp_path):
    with file_settings(tmp_path / "media", tmp_path / "documents"):
        urls = seed(client)
        before = drawn(client, urls)
        assert FormSubmission.objects.count() == 1
        out = StringIO()
        call_command("backup_site", into=str(tmp_path / "sao-luu"), stdout=out)
    (folder,) = (tmp_path / "sao-luu").iterdir()
    assert re.search(r"Xong: \d+ trang, \d+ phiên bản, 1 thư liên hệ, \d+ tệp", out.getvalue())
    manifest = backups.read_manifest(folder)
    assert manifest["tables"]["wagtailcore.Revision"] >= 2  # published, then a draft
    assert {name.split("/")[0] for name in manifest["files"]} == {"documents", "media"}

    original = connection.settings_dict["NAME"]
    restored = f"{original}_restored"
    server = own_connection("postgres")
    with server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        cursor.execute(f'CREATE DATABASE "{restored}"')
    media, documents = tmp_path / "restored-media", tmp_path / "restored-documents"
    try:
        connection.close()
        connection.settings_dict["NAME"] = restored
        out = StringIO()
        call_command(
            "restore_site", str(folder), media_root=str(media), documents_root=str(documents),
            stdout=out,
        )  # fmt: skip
        assert "Xong, khớp bản sao lưu" in out.getvalue()
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_database()")
            assert cursor.fetchone()[0] == restored
        found = backups.database_manifest() | {
            "files": backups.folder_manifest({"media": media, "documents": documents})
        }
        assert found["tables"] == manifest["tables"]
        assert found["revisions_sha256"] == manifest["revisions_sha256"]
        assert found["files"] == manifest["files"]
        with file_settings(media, documents):
            assert drawn(client, urls) == before
        # Restoring over a database in use needs saying so.
        with pytest.raises(CommandError, match="--replace"):
            call_command("restore_site", str(folder), stdout=StringIO())
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        server.close()


@pytest.mark.django_db
def test_a_folder_that_is_not_a_backup_is_refused_with_a_reason(tmp_path):
    with pytest.raises(CommandError, match="manifest.json"):
        call_command("restore_site", str(tmp_path), stdout=StringIO())
