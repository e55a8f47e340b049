"""The load writes a new article's rows itself instead of through Wagtail's publish (which saves
the page twice more and purges per page): what it leaves must be what Wagtail's own
create-and-publish leaves, as the admin's create view does it."""

import json
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import PageLogEntry

from articles.models import ArticlePage
from site_import.models import ImportedItem
from tests.site_import.test_load import load, make_sections

STATE = (
    "live",
    "has_unpublished_changes",
    "expired",
    "locked",
    "draft_title",
    "owner_id",
    "locale_id",
    "depth",
    "numchild",
    "show_in_menus",
)


def page_state(page):
    page = ArticlePage.objects.get(pk=page.pk)
    revision = page.latest_revision
    return {
        **{name: getattr(page, name) for name in STATE},
        "url_path_under_section": page.url_path.rsplit("/", 2)[-2] == page.slug,
        "live_is_latest": page.live_revision_id == page.latest_revision_id,
        "revisions": page.revisions.count(),
        "revision_user": revision.user_id,
        "revision_is_published_content": revision.content["title"] == page.title
        and revision.content["live"],
        "approved_go_live_at": revision.approved_go_live_at,
        "history": sorted(
            (
                entry.action,
                entry.user_id,
                entry.revision_id == revision.pk if entry.revision_id else None,
            )
            for entry in PageLogEntry.objects.filter(page=page)
        ),
        "latest_revision_created_at_set": page.latest_revision_created_at is not None,
        "last_published_at_set": page.last_published_at is not None,
    }


class PageCreationTests(TestCase):
    def test_an_imported_article_is_left_as_wagtails_create_and_publish_leaves_one(self):
        sections = make_sections()
        importer = get_user_model().objects.create_superuser("nhap-lieu", "nhap@sokhcn.example")
        with tempfile.TemporaryDirectory() as holder:
            item = {
                "kind": "article",
                "source_url": "https://cong-cu.example/chi-tiet-tin/-/view-article/1/tin",
                "section": "tin-tuc",
                "title": "Hội nghị tổng kết",
                "published": "2023-06-05",
                "body_html": "<p>Nội dung.</p>",
            }
            (Path(holder) / "items.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
            load(holder, "--user", importer.username)
        imported = ArticlePage.objects.get(pk=ImportedItem.objects.get().page_id)

        by_wagtail = ArticlePage(
            title="Hội nghị tổng kết (Wagtail)",
            slug="hoi-nghi-tong-ket-wagtail",
            published_on=imported.published_on,
            body=imported.body.raw_data,
            owner=importer,
        )
        sections["tin-tuc"].add_child(instance=by_wagtail)
        by_wagtail.save_revision(user=importer, log_action=False).publish(user=importer)

        ours, wagtails = page_state(imported), page_state(by_wagtail)
        self.assertEqual(ours.pop("draft_title"), imported.title)
        self.assertEqual(wagtails.pop("draft_title"), by_wagtail.title)
        self.assertEqual(ours, wagtails)
        # What differs by design: the original day of publication.
        self.assertEqual(imported.first_published_at.date().isoformat(), "2023-06-05")
