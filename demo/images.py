"""Lead images for the demo content, drawn locally with Pillow: landscapes of the north-west
highlands and simple scenes of the department's work. Nothing is downloaded."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900

# Sky top, sky bottom, far hills, near hills, ground accent.
PALETTES = [
    ("#7fb4e6", "#dceefc", "#5f8fb8", "#2f6b4f", "#c8102e"),
    ("#f4b183", "#fde6cf", "#9b7fa8", "#4b6b3a", "#f2a900"),
    ("#9fd3e8", "#eef8fb", "#7aa6b8", "#3d7d5a", "#0b4f8a"),
    ("#c9d6f0", "#f5f7fc", "#8c9fbe", "#55745b", "#c8102e"),
    ("#ffd39b", "#fff3e0", "#c49a6c", "#6b8f3a", "#0b4f8a"),
    ("#a8c8e8", "#e9f2fb", "#6d8fb0", "#2e5e7e", "#f2a900"),
]

SCENES = ("hills", "terraces", "lab", "meeting", "greenhouse", "tea")


def _hex(color):
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


def _gradient(draw, top, bottom, height):
    top, bottom = _hex(top), _hex(bottom)
    for y in range(height):
        t = y / max(height - 1, 1)
        draw.line(
            [(0, y), (WIDTH, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )


def _ridge(draw, rng, base, amplitude, color):
    points = [(0, HEIGHT)]
    x = 0
    y = base
    while x <= WIDTH:
        points.append((x, y))
        x += rng.randint(60, 160)
        y = max(base - amplitude, min(base + amplitude, y + rng.randint(-90, 90)))
    points += [(WIDTH, y), (WIDTH, HEIGHT)]
    draw.polygon(points, fill=color)


def _landscape(draw, rng, palette):
    sky_top, sky_bottom, far, near, accent = palette
    _gradient(draw, sky_top, sky_bottom, HEIGHT)
    draw.ellipse((1180, 120, 1330, 270), fill="#fff6d5")
    _ridge(draw, rng, 470, 120, far)
    _ridge(draw, rng, 620, 90, near)
    return accent


def _draw_terraces(draw, rng, palette):
    _landscape(draw, rng, palette)
    for i in range(9):
        y = 560 + i * 38
        draw.arc((-200 + i * 20, y - 120, WIDTH + 200, y + 120), 0, 180, fill="#a9c76b", width=14)


def _draw_lab(draw, rng, palette):
    _gradient(draw, "#eef3f8", "#d7e2ee", HEIGHT)
    draw.rectangle((0, 640, WIDTH, HEIGHT), fill="#b8c7d6")
    for i, x in enumerate(range(260, 1400, 260)):
        height = rng.randint(180, 300)
        color = palette[(i % 3) + 2]
        draw.rectangle((x, 640 - height, x + 70, 640), fill="#ffffff", outline="#6d8fb0", width=6)
        draw.rectangle((x + 6, 640 - height * 0.55, x + 64, 634), fill=color)
        draw.ellipse((x - 30, 600, x + 100, 660), outline="#6d8fb0", width=6)


def _draw_meeting(draw, rng, palette):
    _gradient(draw, "#f6f1e7", "#e6dccb", HEIGHT)
    draw.rectangle((0, 120, WIDTH, 210), fill=_hex(palette[4]))
    draw.rounded_rectangle((200, 560, 1400, 660), radius=30, fill="#8a5a3b")
    for x in range(260, 1360, 150):
        draw.ellipse((x, 400, x + 80, 480), fill="#3b3b3b")
        draw.rounded_rectangle((x - 20, 470, x + 100, 580), radius=30, fill=_hex(palette[2]))


def _draw_greenhouse(draw, rng, palette):
    _landscape(draw, rng, palette)
    for x in range(150, 1450, 330):
        draw.chord((x, 520, x + 300, 820), 180, 360, fill="#e9f4f0", outline="#7aa6b8", width=5)
        draw.rectangle((x, 670, x + 300, 760), fill="#e9f4f0", outline="#7aa6b8", width=5)
        for stripe in range(x + 40, x + 300, 50):
            draw.line((stripe, 560, stripe, 760), fill="#b9d4cc", width=3)


def _draw_tea(draw, rng, palette):
    _landscape(draw, rng, palette)
    for row in range(6):
        y = 640 + row * 45
        for x in range(-40, WIDTH, 90):
            draw.ellipse((x + (row % 2) * 45, y, x + 80 + (row % 2) * 45, y + 50), fill="#4f8a3c")


def _draw_hills(draw, rng, palette):
    accent = _landscape(draw, rng, palette)
    draw.rectangle((0, 820, WIDTH, HEIGHT), fill=_hex(accent))


DRAWERS = {
    "hills": _draw_hills,
    "terraces": _draw_terraces,
    "lab": _draw_lab,
    "meeting": _draw_meeting,
    "greenhouse": _draw_greenhouse,
    "tea": _draw_tea,
}


def draw_demo_image(seed):
    """A 1600x900 JPEG (as bytes) whose scene and colours follow from `seed`."""
    rng = random.Random(seed)
    palette = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", (WIDTH, HEIGHT))
    DRAWERS[SCENES[seed % len(SCENES)]](ImageDraw.Draw(image), rng, palette)
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()
