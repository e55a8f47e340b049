"""The department's editorial roles and moderation workflow, so every deployment has them from its
first `migrate`: editors draft and submit, approvers approve (publish) or send back.

The mappings are plain data so tests can check them; permissions are granted on the tree root
(so they cover every page type, including ones added later) and on the root collection (so they
cover every image and document collection)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Người duyệt"
WORKFLOW_NAME = "Duyệt nội dung"
APPROVAL_TASK_NAME = "Người duyệt phê duyệt"

# Page permissions by group: "add" and "change" let a user draft and submit; "publish" lets them
# approve, publish, unpublish, move and delete live pages; "lock"/"unlock" hold a page.
PAGE_PERMISSIONS = {
    EDITORS: ("add_page", "change_page"),
    APPROVERS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}

MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
COLLECTION_PERMISSIONS = {EDITORS: MEDIA_PERMISSIONS, APPROVERS: MEDIA_PERMISSIONS}

MODEL_PERMISSIONS = {
    EDITORS: (("wagtailadmin", "access_admin"),),
    APPROVERS: (("wagtailadmin", "access_admin"),),
}

PERMISSION_APPS = ("wagtailcore", "wagtailadmin", "wagtailimages", "wagtaildocs")


def ensure_permissions_exist(apps):
    """Permissions are normally created after all migrations; these ones are needed now."""
    for label in PERMISSION_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def get_permission(apps, app_label, codename):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles_and_workflow(apps, schema_editor):
    ensure_permissions_exist(apps)
    retire_wagtail_default_roles(apps)
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")

    tree_root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {}
    for name in (EDITORS, APPROVERS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=tree_root,
                permission=get_permission(apps, "wagtailcore", codename),
            )
        for app_label, codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection,
                permission=get_permission(apps, app_label, codename),
            )
        for app_label, codename in MODEL_PERMISSIONS[name]:
            group.permissions.add(get_permission(apps, app_label, codename))

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=APPROVAL_TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(groups[APPROVERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Assigned to the site's home page, so it covers the whole public tree; an administrator can
    # add steps (a leadership approval, say) under Cài đặt › Quy trình duyệt without code.
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        WorkflowPage.objects.update_or_create(
            page_id=site.root_page_id, defaults={"workflow": workflow}
        )


def retire_wagtail_default_roles(apps):
    """Wagtail's starter "Editors"/"Moderators" groups and their "Moderators approval" workflow on
    the tree root would stand beside ours with English names: removed while nobody uses them."""
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    unused = Group.objects.filter(name__in=("Editors", "Moderators"), user__isnull=True)
    default_workflow = Workflow.objects.filter(name="Moderators approval")
    if not apps.get_model("wagtailcore.WorkflowState").objects.filter(
        workflow__in=default_workflow
    ).exists():
        default_workflow.delete()
        apps.get_model("wagtailcore.GroupApprovalTask").objects.filter(
            name="Moderators approval"
        ).delete()
    unused.delete()


def remove_roles_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore.GroupApprovalTask").objects.filter(
        name=APPROVAL_TASK_NAME
    ).delete()
    apps.get_model("auth.Group").objects.filter(name__in=(EDITORS, APPROVERS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, remove_roles_and_workflow)]
