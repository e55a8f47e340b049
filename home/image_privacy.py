"""Photos from phones carry the GPS position and the camera owner's details. Uploads are re-saved
without them (after applying the EXIF rotation, which goes with them), so neither the original
nor any rendition can hand them to the public."""

import io
import os

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Formats Pillow re-saves faithfully; GIF (often animated) is kept as uploaded.
_RESAVE = {
    "JPEG": {"quality": 92, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 92},
}
_PRIVATE_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop")


def has_private_metadata(image):
    if image.getexif() or any(key in image.info for key in _PRIVATE_KEYS):
        return True
    # PNG text chunks (author, software, location notes) come through as strings.
    return image.format == "PNG" and any(isinstance(value, str) for value in image.info.values())


def strip_private_metadata(file):
    """A ContentFile of the same image without EXIF/XMP/text metadata, or None if there was
    nothing to strip (or the format is not one we re-save)."""
    file.seek(0)
    with Image.open(file) as image:
        if image.format not in _RESAVE or not has_private_metadata(image):
            file.seek(0)
            return None
        image_format = image.format
        icc_profile = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
        options = dict(_RESAVE[image_format])
        if icc_profile:
            options["icc_profile"] = icc_profile  # colour stays right; it says nothing personal
        if image_format == "JPEG" and upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        buffer = io.BytesIO()
        upright.save(buffer, format=image_format, **options)
    file.seek(0)
    return ContentFile(buffer.getvalue(), name=os.path.basename(file.name))
