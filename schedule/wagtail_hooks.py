from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton

from schedule import admin_views
from schedule.models import WorkScheduleIndexPage


@hooks.register("register_admin_urls")
def schedule_admin_urls():
    return [
        path(
            "lich-cong-tac/<int:index_id>/tuan-sau/",
            admin_views.next_week,
            name="schedule_next_week",
        )
    ]


def next_week_buttons(page, user):
    if (
        isinstance(page.specific_deferred, WorkScheduleIndexPage)
        and page.permissions_for_user(user).can_add_subpage()
    ):
        yield ListingButton(
            _("Tạo lịch tuần sau"),
            reverse("schedule_next_week", args=[page.pk]),
            priority=5,
        )


# On the schedule's row in the page tree, and in its header when it is open.
@hooks.register("register_page_listing_buttons")
def next_week_listing_button(page, user, next_url=None):
    yield from next_week_buttons(page, user)


@hooks.register("register_page_header_buttons")
def next_week_header_button(page, user, view_name, next_url=None):
    yield from next_week_buttons(page, user)
