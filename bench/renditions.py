"""What images cost: rendition generation time per format and size for a few photo-sized images,
and the bytes a reader downloads for an article's lead image per format against the original.

    .venv/bin/python bench/renditions.py [--photos 3] [--repeat 3]

The photos are made here (4000x3000, with the fine detail and noise of a camera picture, JPEG at
quality 92 as phones save them). Prints a table and writes bench/results/renditions.svg."""

import argparse
import io
import random
import statistics
import time

from harness import RESULTS, ROOT, throwaway_database  # sets Django up, so it comes first

# isort: split
from django.utils.html import escape
from PIL import Image, ImageDraw, ImageFilter
from svg import write_svg
from wagtail.images import get_image_model
from wagtail.images.models import Filter

FORMATS = ("jpeg", "webp", "avif")
SIZES = ("fill-480x270-c100", "fill-960x540-c100", "fill-1600x900-c100")
LEAD_SIZE = "fill-960x540-c100"  # what an article's lead image costs a reader on a laptop


def camera_photo(seed, size=(4000, 3000)):
    rng = random.Random(seed)
    photo = Image.new("RGB", size)
    draw = ImageDraw.Draw(photo)
    for _ in range(400):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        radius = rng.randrange(40, 600)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    photo = photo.filter(ImageFilter.GaussianBlur(6))
    noise = Image.effect_noise(size, 24).convert("RGB")
    photo = Image.blend(photo, noise, 0.12)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def render(original, spec):
    """Wagtail's own rendition pipeline on an unsaved image: nothing touches the database."""
    image = get_image_model()(width=4000, height=3000, file="bench.jpg")
    output = io.BytesIO()
    started = time.perf_counter()
    Filter(spec=spec).run(image, output, source=io.BytesIO(original))
    return time.perf_counter() - started, len(output.getvalue())


def draw_svg(lead_bytes, original_bytes, path):
    width, height, left = 560, 200, 90
    peak = max(original_bytes, *lead_bytes.values())
    rows = [
        ("gốc (JPEG)", original_bytes),
        *((name.upper(), size) for name, size in lead_bytes.items()),
    ]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="13">',
        '<text x="0" y="16" font-weight="bold">Dung lượng ảnh đại diện 960x540 mà người '
        "đọc tải về</text>",
    ]
    for index, (label, size) in enumerate(rows):
        y = 34 + index * 38
        bar = (width - left - 90) * size / peak
        parts.append(f'<text x="0" y="{y + 17}">{escape(label)}</text>')
        parts.append(
            f'<rect x="{left}" y="{y}" width="{bar:.1f}" height="24" '
            f'fill="{"#c8102e" if index == 0 else "#0b4f8a"}"/>'
        )
        parts.append(f'<text x="{left + bar + 6:.1f}" y="{y + 17}">{size / 1024:.0f} KB</text>')
    write_svg(path, parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    # Wagtail's image model reads its default collection, so a database must exist.
    with throwaway_database():
        photos = [camera_photo(seed) for seed in range(args.photos)]
        original = statistics.mean(len(photo) for photo in photos)
        print(f"{args.photos} ảnh 4000x3000, JPEG gốc trung bình {original / 1024:.0f} KB")
        print(f"{'định dạng':>9} | {'cỡ':>18} | {'ms (trung vị)':>13} | {'KB (trung bình)':>15}")
        lead_bytes = {}
        for image_format in FORMATS:
            for size in SIZES:
                spec = f"{size}|format-{image_format}"
                timings, sizes = [], []
                for photo in photos:
                    for _ in range(args.repeat):
                        seconds, length = render(photo, spec)
                        timings.append(seconds * 1000)
                        sizes.append(length)
                if size == LEAD_SIZE:
                    lead_bytes[image_format] = statistics.mean(sizes)
                print(
                    f"{image_format:>9} | {size:>18} | {statistics.median(timings):>13.0f} | "
                    f"{statistics.mean(sizes) / 1024:>15.1f}"
                )
        output = RESULTS / "renditions.svg"
        draw_svg(lead_bytes, original, output)
        savings = ", ".join(
            f"{name.upper()} {100 * (1 - size / original):.1f} %"
            for name, size in lead_bytes.items()
        )
        chart = output.relative_to(ROOT)
        print(f"Xong: ảnh đại diện 960x540 nhẹ hơn ảnh gốc {savings}; biểu đồ: {chart}")


if __name__ == "__main__":
    main()
