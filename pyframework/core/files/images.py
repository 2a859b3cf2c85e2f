"""Image files: width and height read with Pillow (Django's ``core.files.images``).

Pillow is optional (not on Jython); without it, asking an image for its dimensions raises
ImportError, as in Django.
"""
from __future__ import absolute_import, unicode_literals

import struct
import zlib

from pyframework.core.files.base import File


class ImageFile(File):
    """A File that is an image: ``width`` and ``height`` (read once, then cached)."""

    @property
    def width(self):
        return self._get_image_dimensions()[0]

    @property
    def height(self):
        return self._get_image_dimensions()[1]

    def _get_image_dimensions(self):
        if not hasattr(self, "_dimensions_cache"):
            close = self.closed
            self.open()
            self._dimensions_cache = get_image_dimensions(self, close=close)
        return self._dimensions_cache


def get_image_dimensions(file_or_path, close=False):
    """``(width, height)`` of an image file or path; ``(None, None)`` if it is not an image."""
    from PIL import ImageFile as PillowImageFile  # optional dependency, needed only here

    parser = PillowImageFile.Parser()
    if hasattr(file_or_path, "read"):
        file = file_or_path
        file_pos = file.tell()
        file.seek(0)
    else:
        file = open(file_or_path, "rb")
        close = True
    try:
        # Feed growing pieces: most formats state their size in the first bytes.
        size = 1024
        while True:
            data = file.read(size)
            if not data:
                return (None, None)
            try:
                parser.feed(data)
            except (zlib.error, struct.error, RuntimeError):
                pass  # a piece cut inside a compressed or packed header: the next feed completes it
            if parser.image:
                return parser.image.size
            size *= 2
    finally:
        if close:
            file.close()
        else:
            file.seek(file_pos)
