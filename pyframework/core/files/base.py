"""File: a file object with a name, a size and chunked reading."""
from __future__ import absolute_import, unicode_literals

import io
import os

from pyframework.utils.functional import cached_property


class File(object):
    """Wrap a Python file object (or anything with read()) with name, size and chunks()."""

    DEFAULT_CHUNK_SIZE = 64 * 1024

    def __init__(self, file, name=None):
        self.file = file
        if name is None:
            name = getattr(file, "name", None)
        self.name = name
        if hasattr(file, "mode"):
            self.mode = file.mode

    def __str__(self):
        return self.name or ""

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self or "None")

    def __bool__(self):
        return bool(self.name)

    __nonzero__ = __bool__

    def __len__(self):
        return self.size

    @cached_property
    def size(self):
        if hasattr(self.file, "size"):
            return self.file.size
        if hasattr(self.file, "name"):
            try:
                return os.path.getsize(self.file.name)
            except (OSError, TypeError):
                pass
        if hasattr(self.file, "tell") and hasattr(self.file, "seek"):
            position = self.file.tell()
            self.file.seek(0, io.SEEK_END)
            size = self.file.tell()
            self.file.seek(position)
            return size
        raise AttributeError("Unable to determine the file's size.")

    # The file-object methods callers use, forwarded explicitly (cheaper than __getattr__).
    def read(self, *args):
        return self.file.read(*args)

    def readline(self, *args):
        return self.file.readline(*args)

    def readlines(self, *args):
        return self.file.readlines(*args)

    def write(self, data):
        return self.file.write(data)

    def seek(self, *args):
        return self.file.seek(*args)

    def tell(self):
        return self.file.tell()

    def flush(self):
        return self.file.flush()

    def fileno(self):
        return self.file.fileno()

    def seekable(self):
        return hasattr(self.file, "seek")

    @property
    def closed(self):
        return not self.file or getattr(self.file, "closed", False)

    def chunks(self, chunk_size=None):
        """Yield the content in pieces of ``chunk_size`` bytes (from the start of the file)."""
        chunk_size = chunk_size or self.DEFAULT_CHUNK_SIZE
        try:
            self.seek(0)
        except (AttributeError, IOError, OSError, ValueError):
            pass
        while True:
            data = self.read(chunk_size)
            if not data:
                break
            yield data

    def multiple_chunks(self, chunk_size=None):
        """True if chunks(chunk_size) would give more than one piece."""
        return self.size > (chunk_size or self.DEFAULT_CHUNK_SIZE)

    def __iter__(self):
        """Iterate over lines, like a file opened in binary mode."""
        for line in iter(self.readline, b""):
            yield line

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.close()

    def open(self, mode=None):
        if not self.closed:
            self.seek(0)
        elif self.name and os.path.exists(self.name):
            self.file = open(self.name, mode or self.mode)
        else:
            raise ValueError("The file cannot be reopened.")
        return self

    def close(self):
        self.file.close()


class ContentFile(File):
    """A File whose content is given as bytes or text (handy in tests and for generated files)."""

    def __init__(self, content, name=None):
        stream_class = io.BytesIO if isinstance(content, bytes) else io.StringIO
        super(ContentFile, self).__init__(stream_class(content), name=name)
        self.size = len(content)

    def __bool__(self):
        return True

    __nonzero__ = __bool__

    def open(self, mode=None):
        self.seek(0)
        return self

    def close(self):
        pass
