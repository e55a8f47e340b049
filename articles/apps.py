from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Tin bài")

    def ready(self):
        from articles.feeds import feed_addresses
        from core.caching import listing_address_providers

        if feed_addresses not in listing_address_providers:
            listing_address_providers.append(feed_addresses)
