"""Text helpers used by forms, the admin, file storage and GZipMiddleware: Django's
``capfirst``, ``get_text_list``, ``get_valid_filename``, ``compress_string`` and
``compress_sequence``."""
from __future__ import absolute_import, unicode_literals

import gzip
import io
import re

from pyframework.core.exceptions import SuspiciousFileOperation
from pyframework.utils.compat import secrets, text_type
from pyframework.utils.translation import gettext


def capfirst(value):
    """``value`` with its first character upper-cased (None and empty stay as they are)."""
    if not value:
        return value
    value = text_type(value)
    return value[0].upper() + value[1:]


def get_text_list(items, last_word=None):
    """``['a', 'b', 'c']`` -> ``"a, b or c"``."""
    items = [text_type(item) for item in items]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if last_word is None:
        last_word = gettext("or")
    return "%s %s %s" % (", ".join(items[:-1]), text_type(last_word), items[-1])


def get_valid_filename(name):
    """``name`` cleaned to a file name: spaces become underscores, and only letters, digits,
    ``-``, ``_`` and ``.`` are kept (``"john's portrait.jpg"`` -> ``"johns_portrait.jpg"``).

    Raises SuspiciousFileOperation when nothing usable is left (``""``, ``"."``, ``".."``).
    """
    cleaned = re.sub(r"(?u)[^-\w.]", "", text_type(name).strip().replace(" ", "_"))
    if cleaned in ("", ".", ".."):
        raise SuspiciousFileOperation("Could not derive file name from '%s'" % name)
    return cleaned


def _random_filename(max_random_bytes):
    # A gzip header field of random length: the compressed size no longer tells an attacker
    # how well a guessed secret compressed (BREACH).
    return b"a" * secrets.randbelow(max_random_bytes)


def compress_string(s, max_random_bytes=None):
    """``s`` (bytes) gzip-compressed; ``max_random_bytes`` pads the header randomly."""
    buffer = io.BytesIO()
    filename = _random_filename(max_random_bytes) if max_random_bytes else None
    with gzip.GzipFile(filename=filename, mode="wb", compresslevel=6, fileobj=buffer, mtime=0) as zfile:
        zfile.write(s)
    return buffer.getvalue()


def compress_sequence(sequence, max_random_bytes=None):
    """Gzip a stream of byte chunks, yielding compressed pieces as they are ready."""
    buffer = _StreamingBuffer()
    filename = _random_filename(max_random_bytes) if max_random_bytes else None
    with gzip.GzipFile(filename=filename, mode="wb", compresslevel=6, fileobj=buffer, mtime=0) as zfile:
        yield buffer.read()  # the header
        for item in sequence:
            zfile.write(item)
            data = buffer.read()
            if data:
                yield data
    yield buffer.read()


class _StreamingBuffer(io.BytesIO):
    """A write buffer whose read() hands out, and forgets, what was written since."""

    def read(self):
        data = self.getvalue()
        self.seek(0)
        self.truncate()
        return data
