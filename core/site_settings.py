"""The site's settings (department name, address, contacts) for code outside the app that
defines them: SITE_SETTINGS_MODEL names the model, as WAGTAILIMAGES_IMAGE_MODEL names the image
model, so that sections read them without importing that app."""

from django.apps import apps
from django.conf import settings


def site_settings_model():
    return apps.get_model(settings.SITE_SETTINGS_MODEL)


def site_settings_for(request):
    """The settings of the request's site, read once per request (Wagtail keeps them on it)."""
    return site_settings_model().for_request(request)
