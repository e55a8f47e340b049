"""What the admin offers depends on what the person may do."""

from django import template
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.widgets.button import ButtonWithDropdown
from wagtail.documents.permissions import permission_policy as document_permissions
from wagtail.images.permissions import permission_policy as image_permissions
from wagtail.permissions import page_permission_policy

register = template.Library()

# Bulk actions and the permission that makes them useful: without it, every selected item would
# be refused one by one on the next screen. Editors publish, unpublish, move and delete nothing
# in bulk; moving or deleting a draft they made stays possible from the page itself.
# (The image and document models are the site's own, so they are named by their policies.)
BULK_ACTION_NEEDS = {
    (page_permission_policy, "publish"): (page_permission_policy, "publish"),
    (page_permission_policy, "unpublish"): (page_permission_policy, "publish"),
    (page_permission_policy, "move"): (page_permission_policy, "publish"),
    (page_permission_policy, "delete"): (page_permission_policy, "publish"),
    (document_permissions, "delete"): (document_permissions, "delete"),
    (image_permissions, "delete"): (image_permissions, "delete"),
}


def bulk_action_allowed(user, app_label, model_name, action_type):
    for (policy, action), (needed_policy, permission) in BULK_ACTION_NEEDS.items():
        model = policy.model._meta
        if (model.app_label, model.model_name, action) == (app_label, model_name, action_type):
            return needed_policy.user_has_permission(user, permission)
    return True


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def role_bulk_action_choices(context, app_label, model_name):
    """Wagtail's bulk action buttons, less those this user cannot use."""
    user = context["request"].user

    def allowed(button):
        action_type = button.url.rstrip("/").rsplit("/", 1)[-1]
        return bulk_action_allowed(user, app_label, model_name, action_type)

    buttons = []
    for button in bulk_action_choices(context, app_label, model_name)["buttons"]:
        if isinstance(button, ButtonWithDropdown):
            button.dropdown_buttons = [item for item in button.dropdown_buttons if allowed(item)]
            if button.dropdown_buttons:
                buttons.append(button)
        elif allowed(button):
            buttons.append(button)
    return {"buttons": buttons}
