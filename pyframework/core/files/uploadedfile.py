"""Files uploaded in a multipart/form-data request (request.FILES values)."""
from __future__ import absolute_import, unicode_literals

import io
import os
import tempfile

from pyframework.conf import settings
from pyframework.core.files.base import File

# Longest file name kept: file systems commonly allow 255 bytes.
MAX_NAME_LENGTH = 255


def sanitize_upload_name(name):
    """Keep the base name only: clients may send full paths ("C:\\docs\\a.txt", "../../x")."""
    if name is None:
        return name
    name = name.replace("\x00", "")
    name = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].strip()
    if name in (".", ".."):
        return ""
    if len(name) > MAX_NAME_LENGTH:
        stem, ext = os.path.splitext(name)
        name = stem[:MAX_NAME_LENGTH - len(ext)] + ext
    return name


class UploadedFile(File):
    """A file uploaded by the client: name, size, content_type, charset and the data."""

    def __init__(self, file=None, name=None, content_type=None, size=None, charset=None,
                 content_type_extra=None):
        super(UploadedFile, self).__init__(file, name)
        self.name = sanitize_upload_name(name)
        self.size = size
        self.content_type = content_type
        self.charset = charset
        self.content_type_extra = content_type_extra or {}

    def __repr__(self):
        return "<%s: %s (%s)>" % (self.__class__.__name__, self.name, self.content_type)


class InMemoryUploadedFile(UploadedFile):
    """An upload small enough to be kept in memory (up to FILE_UPLOAD_MAX_MEMORY_SIZE)."""

    def __init__(self, file, field_name, name, content_type, size, charset, content_type_extra=None):
        super(InMemoryUploadedFile, self).__init__(file, name, content_type, size, charset, content_type_extra)
        self.field_name = field_name

    def open(self, mode=None):
        self.file.seek(0)
        return self

    def chunks(self, chunk_size=None):
        self.file.seek(0)
        yield self.read()

    def multiple_chunks(self, chunk_size=None):
        return False


class TemporaryUploadedFile(UploadedFile):
    """An upload spooled to a temporary file in FILE_UPLOAD_TEMP_DIR, deleted when closed."""

    def __init__(self, name, content_type, size, charset, content_type_extra=None):
        temp_dir = settings.FILE_UPLOAD_TEMP_DIR or tempfile.gettempdir()
        handle = tempfile.NamedTemporaryFile(suffix=str(".upload"), dir=temp_dir)
        super(TemporaryUploadedFile, self).__init__(handle, name, content_type, size, charset, content_type_extra)

    def temporary_file_path(self):
        """Where the data is on disk (valid until the file is closed)."""
        return self.file.name

    def close(self):
        try:
            return self.file.close()
        except (IOError, OSError):
            # Already removed: nothing left to clean up.
            pass


class SimpleUploadedFile(InMemoryUploadedFile):
    """An in-memory upload built from bytes, for tests and programmatic use."""

    def __init__(self, name, content, content_type="text/plain"):
        content = content or b""
        super(SimpleUploadedFile, self).__init__(io.BytesIO(content), None, name, content_type,
                                                 len(content), None, None)
