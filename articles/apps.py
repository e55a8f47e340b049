from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Tin bài")

    def ready(self):
        from articles.feeds import feed_addresses
        from core.caching import provide_listing_addresses

        provide_listing_addresses(feed_addresses)
