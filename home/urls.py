from django.urls import path

from home.sitemaps import robots_txt, sitemap_index, sitemap_section
from home.views import record_reading

urlpatterns = [
    path("thong-ke/ghi/", record_reading, name="record_reading"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
