from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import routing
from core.sitemaps import site_map
from opendata import views as opendata_views
from second_factor.views import StaffLoginView

urlpatterns = [
    # Wagtail's sign-in with the second factor after the password (second_factor/).
    path("admin/login/", StaffLoginView.as_view()),
    path("admin/xac-thuc/", include("second_factor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tim-kiem/", include("search.urls")),
    path("api/", include("opendata.urls")),
    path("du-lieu-mo/", opendata_views.readers_page, name="open_data_page"),
    path("", include("core.urls")),
    path("", include("home.urls")),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's own addresses, its page-serving view replaced by ours (core.routing.serve), last as
# Wagtail has it: its pattern matches every other address of the list too.
wagtail_page_urls = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]

# Vietnamese pages keep their addresses; English ones are under /en/ (the site map too).
urlpatterns += i18n_patterns(
    path("so-do-cong/", site_map, name="site_map"),
    path("", include(wagtail_page_urls)),
    prefix_default_language=False,
)
