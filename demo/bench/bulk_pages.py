"""Pages in bulk, for benchmarks and load tests: tens of thousands of live pages a minute.

Wagtail creates a page through the tree (`add_child`), a revision and a log entry each, about
250 a second. Benchmark content needs none of that history: the tree rows are written with
`bulk_create`, the page type's own rows with one INSERT per batch, and the search index in bulk.
Editors' pages never come this way."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core.frame_cache import frame_changed


def _insert_own_rows(model, objects):
    """INSERT the rows of `model`'s own table (not its parents') for `objects`."""
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    rows = [
        [field.get_db_prep_save(field.pre_save(obj, add=True), connection) for field in fields]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        # Table and column names come from the model, values travel as parameters.
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def create_pages(parent, model, pages):
    """Live pages of `model` under `parent`, from dicts of `title`, `slug`, `first_published_at`
    and the model's own field values; returns them, indexed for search."""
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    start = parent.numchild
    with transaction.atomic():
        tree_rows = [
            Page(
                title=page["title"],
                draft_title=page["title"],
                slug=page["slug"],
                path=Page._get_path(parent.path, parent.depth + 1, start + position + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{page['slug']}/",
                live=True,
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                first_published_at=page["first_published_at"],
                last_published_at=page["first_published_at"],
            )
            for position, page in enumerate(pages)
        ]
        created = Page.objects.bulk_create(tree_rows)
        own_fields = {"title", "slug", "first_published_at"}
        objects = [
            model(page_ptr_id=row.pk, **{k: v for k, v in page.items() if k not in own_fields})
            for row, page in zip(created, pages, strict=True)
        ]
        _insert_own_rows(model, objects)
        Page.objects.filter(pk=parent.pk).update(numchild=start + len(pages))
    specific = list(model.objects.filter(pk__in=[row.pk for row in created]))
    get_search_backend().add_bulk(model, specific)
    frame_changed()  # no page signals came: the menus and latest lists may be out of date
    return specific
