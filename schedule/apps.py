from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "schedule"
    verbose_name = "Lịch công tác"

    def ready(self):
        from core.caching import provide_listing_addresses
        from schedule.views import feed_addresses

        provide_listing_addresses(feed_addresses)
