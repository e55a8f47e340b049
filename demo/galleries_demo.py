"""Demo of the photo albums (/thu-vien-anh/) and videos (/video/): three albums of the demo's
drawn images with captions of their own, two videos. The videos' embeds are stored with the
demo (Wagtail keeps fetched embeds in its table), so the demo shows them without reaching the
video sites. Idempotent by title."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Site

from galleries.models import AlbumIndexPage, AlbumPage, AlbumPhoto, VideoIndexPage, VideoPage

ALBUMS = [
    ("Hội nghị tổng kết hoạt động khoa học và công nghệ năm 2026", 3,
     ["Toàn cảnh hội nghị", "Lãnh đạo Sở phát biểu khai mạc", "Đại biểu thảo luận",
      "Trao giấy khen cho các tập thể", "Chụp ảnh lưu niệm"]),
    ("Kiểm tra mô hình trồng sâm tại Mộc Châu", 20,
     ["Đoàn kiểm tra tại vườn sâm", "Cán bộ kỹ thuật giới thiệu quy trình", "Cây sâm 3 năm tuổi",
      "Trao đổi với hộ tham gia mô hình"]),
    ("Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Sơn La", 45,
     ["Gian trưng bày sản phẩm", "Học sinh tham quan", "Phiên thi gọi vốn", "Ban giám khảo",
      "Trao giải", "Các đội thi"]),
]  # fmt: skip
VIDEOS = [
    ("Phóng sự: Ứng dụng khoa học công nghệ trong sản xuất nông nghiệp", 10, "08:45",
     "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ("Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công", 400, "05:20",
     "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
]  # fmt: skip


def build_galleries_demo(tally, publish, images):
    home = Site.objects.get(is_default_site=True).root_page.specific
    today = timezone.localdate()
    with transaction.atomic():
        albums = publish(
            home,
            AlbumIndexPage(
                title="Thư viện ảnh",
                slug="thu-vien-anh",
                show_in_menus=True,
                intro="Ảnh các sự kiện, hoạt động khoa học và công nghệ của Sở.",
            ),
        )
        for number, (title, days_ago, captions) in enumerate(ALBUMS):
            if AlbumPage.objects.filter(title=title).exists():
                tally.count(False)
                continue
            album = AlbumPage(
                title=title,
                date=today - datetime.timedelta(days=days_ago),
                summary=f"Một số hình ảnh: {title[0].lower() + title[1:]}.",
            )
            album.photos = [
                AlbumPhoto(image=images[(number * 4 + n) % len(images)], caption=caption)
                for n, caption in enumerate(captions)
            ]
            publish(albums, album)
        videos = publish(
            home,
            VideoIndexPage(
                title="Video",
                slug="video",
                show_in_menus=True,
                intro="Phóng sự, hướng dẫn và video sự kiện của Sở.",
            ),
        )
        for number, (title, days_ago, duration, url) in enumerate(VIDEOS):
            _store_embed(url, title)
            if VideoPage.objects.filter(title=title).exists():
                tally.count(False)
                continue
            publish(
                videos,
                VideoPage(
                    title=title,
                    date=today - datetime.timedelta(days=days_ago),
                    duration=duration,
                    embed_url=url,
                    poster=images[(number * 5 + 2) % len(images)],
                    summary=f"{title}.",
                ),
            )
    return albums, videos


def _store_embed(url, title):
    video_id = url.rsplit("=", 1)[-1]
    Embed.objects.update_or_create(
        hash=get_embed_hash(url),
        defaults={
            "url": url,
            "type": "video",
            "html": (
                f'<iframe title="{title}" src="https://www.youtube-nocookie.com/embed/{video_id}"'
                " allowfullscreen></iframe>"
            ),
            "title": title,
            "width": 1280,
            "height": 720,
        },
    )
