from django.urls import path

from core.sitemaps import robots_txt, sitemap_index, sitemap_section

urlpatterns = [
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
