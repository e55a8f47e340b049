from django.urls import path

from articles.feeds import FEED_FORMATS, site_feed

urlpatterns = [
    path(f"{name}/", site_feed, {"name": name}, name=f"site_feed_{name}") for name in FEED_FORMATS
]
