"""What an attack must leave as it found it: a digest of the content tables, compared before and
after. Logs (audit, login attempts, visits) are left out: recording an attempt is not a change."""

import hashlib
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Page,
    PageViewRestriction,
    Revision,
    TaskState,
    WorkflowState,
)

CONTENT = {
    Page: (
        "id",
        "path",
        "title",
        "slug",
        "live",
        "has_unpublished_changes",
        "locked",
        "live_revision_id",
        "latest_revision_id",
        "go_live_at",
        "url_path",
    ),  # fmt: skip
    Revision: ("id", "object_id", "content"),
    WorkflowState: ("id", "status", "current_task_state_id"),
    TaskState: ("id", "status"),
    PageViewRestriction: ("id", "page_id", "restriction_type"),
    FormSubmission: ("id", "form_data"),
    get_image_model(): ("id", "title", "file", "collection_id"),
    get_document_model(): ("id", "title", "file", "collection_id"),
    get_user_model(): ("id", "username", "password", "is_superuser", "is_active"),
    Group: ("id", "name"),
}


def database_fingerprint():
    digest = hashlib.sha256()
    for model, fields in CONTENT.items():
        for row in model.objects.order_by("pk").values_list(*fields):
            digest.update(repr((model.__name__, row)).encode())
    digest.update(repr(sorted(get_user_model().groups.through.objects.values_list())).encode())
    return digest.hexdigest()


class UnchangedDatabaseMixin:
    @contextmanager
    def assertDatabaseUnchanged(self):
        before = database_fingerprint()
        yield
        self.assertEqual(database_fingerprint(), before, "the attack changed stored content")
