from django import template

from core.frame_cache import remembered, with_addresses
from galleries.models import AlbumPage, VideoPage, attach_covers, with_covers

register = template.Library()


def _newest():
    album = with_covers(AlbumPage.objects.readable()).order_by("-date", "-pk").first()
    if album is not None:
        attach_covers([album])
    video = VideoPage.objects.readable().select_related("poster").order_by("-date", "-pk").first()
    with_addresses([page for page in (album, video) if page is not None])
    return album, video


@register.inclusion_tag("galleries/includes/home_media.html")
def newest_media():
    """The home page's strip under the news columns: the newest album and video, kept with the
    frame's generation."""
    album, video = remembered("home-media", _newest)
    return {"album": album, "video": video}
