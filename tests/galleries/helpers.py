import datetime

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from galleries.models import AlbumIndexPage, AlbumPage, AlbumPhoto, VideoIndexPage, VideoPage
from tests.factories import ImageFactory
from tests.helpers import home_page

VIDEO_URL = "https://www.youtube.com/watch?v=abcdefghijk"


def make_album_index():
    index = AlbumIndexPage(title="Thư viện ảnh", slug="thu-vien-anh")
    home_page().add_child(instance=index)
    return index


def make_album(index, title, photos=3, date=datetime.date(2026, 11, 20)):
    album = AlbumPage(title=title, date=date, summary=f"Ảnh {title.lower()}.")
    album.photos = [
        AlbumPhoto(image=ImageFactory(), caption=f"{title}: ảnh {n + 1}") for n in range(photos)
    ]
    index.add_child(instance=album)
    return album


def make_video_index():
    index = VideoIndexPage(title="Video", slug="video")
    home_page().add_child(instance=index)
    return index


def store_embed(url=VIDEO_URL, title="Phóng sự"):
    """The embed as Wagtail keeps it once fetched: tests never reach the video site."""
    Embed.objects.update_or_create(
        hash=get_embed_hash(url),
        defaults={
            "url": url,
            "type": "video",
            "html": f'<iframe title="{title}" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
            "width": 1280,
            "height": 720,
        },
    )


def make_video(index, title, date=datetime.date(2026, 11, 10), **fields):
    fields.setdefault("embed_url", VIDEO_URL)
    video = VideoPage(title=title, date=date, duration="08:45", **fields)
    index.add_child(instance=video)
    return video
