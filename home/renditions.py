"""The renditions public templates ask for, so they can be made ahead of readers (after an upload,
a deploy or a demo load) instead of on a reader's request."""

FORMATS = ("avif", "webp", "jpeg")
SIZES = (
    "fill-480x270-c100",  # cards, lists, home thumbnails
    "fill-960x540-c100",  # cards at 2x, home lead
    "fill-1600x900-c100",  # article lead image at 2x
    "fill-800x450-c100",  # images in article bodies
)


def public_filter_specs():
    return [f"format-{image_format}|{size}" for size in SIZES for image_format in FORMATS]
