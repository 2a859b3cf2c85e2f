"""A streaming multipart/form-data parser (RFC 7578).

The body is read in CHUNK_SIZE pieces and scanned once for the boundary, so
the work is linear in the body size and uploads never sit in memory whole:
each file stays in memory up to FILE_UPLOAD_MAX_MEMORY_SIZE, then spools to a
temporary file. Anything malformed raises SuspiciousMultipartForm (a 400).
"""
from __future__ import absolute_import, unicode_literals

import io
import re

from pyframework.conf import settings
from pyframework.core.exceptions import (
    BadRequest, RequestDataTooBig, SuspiciousMultipartForm, TooManyFieldsSent, TooManyFilesSent,
)
from pyframework.core.files.uploadedfile import (
    InMemoryUploadedFile, TemporaryUploadedFile, sanitize_upload_name,
)
from pyframework.http.querydict import QueryDict
from pyframework.utils.datastructures import MultiValueDict
from pyframework.utils.http import parse_header_parameters

CHUNK_SIZE = 64 * 1024
# Longest header block accepted for one part; real ones are a few hundred bytes.
MAX_PART_HEADER_SIZE = 16 * 1024
# RFC 2046 5.1.1: 1 to 70 characters, the last one not a space.
_BOUNDARY_RE = re.compile(r"^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]\Z")


class MultiPartParserError(SuspiciousMultipartForm):
    """The multipart body is malformed."""


def boundary_from_content_params(content_params):
    """The boundary of a multipart Content-Type, as bytes; raises if missing or invalid."""
    boundary = (content_params or {}).get("boundary")
    if not boundary:
        raise MultiPartParserError("multipart/form-data request without a boundary in its Content-Type.")
    if not _BOUNDARY_RE.match(boundary):
        raise MultiPartParserError("Invalid boundary in multipart/form-data Content-Type: '%s'." % (boundary,))
    return boundary.encode("ascii")


class _BodyReader(object):
    """Hands out the body up to each delimiter, reading the stream in chunks."""

    def __init__(self, stream, max_size):
        self._stream = stream
        # Starting with CRLF lets the first delimiter look like all the others.
        self._buffer = b"\r\n"
        self._max_size = max_size
        self._bytes_read = 0
        self.eof = False

    def _fill(self):
        """Append one chunk to the buffer; False at the end of the stream."""
        if self.eof:
            return False
        data = self._stream.read(CHUNK_SIZE)
        if not data:
            self.eof = True
            return False
        self._bytes_read += len(data)
        if self._max_size is not None and self._bytes_read > self._max_size:
            raise RequestDataTooBig("Multipart request body exceeds FILE_UPLOAD_MAX_SIZE (%d bytes)." % self._max_size)
        self._buffer += data
        return True

    def iter_until(self, delimiter):
        """Yield the data before ``delimiter`` and consume the delimiter itself."""
        keep = len(delimiter) - 1
        while True:
            index = self._buffer.find(delimiter)
            if index >= 0:
                if index:
                    yield self._buffer[:index]
                self._buffer = self._buffer[index + len(delimiter):]
                return
            # The tail may be the start of a delimiter split across chunks: keep it.
            cut = len(self._buffer) - keep
            if cut > 0:
                yield self._buffer[:cut]
                self._buffer = self._buffer[cut:]
            if not self._fill():
                raise MultiPartParserError("Multipart body ended before its closing boundary (truncated upload?).")

    def skip_until(self, delimiter):
        """Discard the data before ``delimiter``, and the delimiter."""
        for _ in self.iter_until(delimiter):
            pass

    def read_until(self, delimiter, limit, what):
        """Return the bytes before ``delimiter`` (at most ``limit`` of them) and consume the delimiter."""
        start = 0
        while True:
            index = self._buffer.find(delimiter, start)
            if index >= 0 and index <= limit:
                data = self._buffer[:index]
                self._buffer = self._buffer[index + len(delimiter):]
                return data
            if len(self._buffer) > limit + len(delimiter):
                raise MultiPartParserError("Multipart %s too long or not terminated." % what)
            start = max(0, len(self._buffer) - len(delimiter) + 1)
            if not self._fill():
                raise MultiPartParserError("Multipart body ended inside the %s." % what)

    def peek(self, size):
        while len(self._buffer) < size and self._fill():
            pass
        return self._buffer[:size]


def _parse_part_headers(block):
    """Parse a part's header block (bytes) into a dict of lower-cased name -> text value."""
    headers = {}
    if not block:
        return headers
    for line in block.split(b"\r\n"):
        name, colon, value = line.partition(b":")
        if not colon or not name.strip():
            raise MultiPartParserError("Malformed header line in multipart body: %r." % (line[:100],))
        try:
            # Browsers send file names as raw UTF-8 in the header.
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            text = value.decode("latin-1")
        headers[name.strip().decode("latin-1").lower()] = text.strip()
    return headers


def _start_next_part(reader):
    """After a delimiter: True if a part follows, False at the closing delimiter."""
    if reader.peek(2) == b"--":
        return False  # the epilogue after the closing delimiter is not even read
    padding = reader.read_until(b"\r\n", 1024, "boundary line")
    if padding.strip(b" \t"):
        raise MultiPartParserError("Unexpected data after a multipart boundary.")
    return True


def _read_part_headers(reader):
    if reader.peek(2) == b"\r\n":
        reader.read_until(b"\r\n", 0, "part headers")
        return {}
    return _parse_part_headers(reader.read_until(b"\r\n\r\n", MAX_PART_HEADER_SIZE, "part headers"))


class _FileTarget(object):
    """Collects one uploaded file: in memory first, spooled to disk past the memory limit."""

    def __init__(self, field_name, file_name, content_type, charset, content_type_extra, memory_limit):
        self.field_name = field_name
        self.file_name = file_name
        self.content_type = content_type
        self.charset = charset
        self.content_type_extra = content_type_extra
        self.memory_limit = memory_limit
        self.size = 0
        self._memory = io.BytesIO()
        self._temporary = None

    def write(self, data):
        self.size += len(data)
        if self._temporary is None and self.size > self.memory_limit:
            self._temporary = TemporaryUploadedFile(self.file_name, self.content_type, 0, self.charset,
                                                    self.content_type_extra)
            self._temporary.file.write(self._memory.getvalue())
            self._memory = None
        if self._temporary is not None:
            self._temporary.file.write(data)
        else:
            self._memory.write(data)

    def discard(self):
        if self._temporary is not None:
            self._temporary.close()

    def finish(self):
        if self._temporary is not None:
            upload = self._temporary
            upload.file.flush()
            upload.file.seek(0)
            upload.size = self.size
            return upload
        self._memory.seek(0)
        return InMemoryUploadedFile(self._memory, self.field_name, self.file_name, self.content_type,
                                    self.size, self.charset, self.content_type_extra)


class MultiPartParser(object):
    """Parse a multipart/form-data body into (POST QueryDict, FILES MultiValueDict)."""

    def __init__(self, meta, stream, content_params, encoding=None):
        self._stream = stream
        self._boundary = boundary_from_content_params(content_params)
        self._encoding = encoding or settings.DEFAULT_CHARSET
        max_size = settings.FILE_UPLOAD_MAX_SIZE
        try:
            content_length = int(meta.get("CONTENT_LENGTH") or 0)
        except (TypeError, ValueError):
            content_length = 0
        if max_size is not None and content_length > max_size:
            raise RequestDataTooBig("Multipart request body of %d bytes exceeds FILE_UPLOAD_MAX_SIZE (%d bytes)."
                                    % (content_length, max_size))
        self._max_size = max_size

    def parse(self):
        post = QueryDict(mutable=True, encoding=self._encoding)
        files = MultiValueDict()
        targets = []
        try:
            self._parse_into(post, files, targets)
        except Exception:
            for target in targets:
                target.discard()
            raise
        post._mutable = False
        return post, files

    def _parse_into(self, post, files, targets):
        reader = _BodyReader(self._stream, self._max_size)
        delimiter = b"\r\n--" + self._boundary
        max_fields = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        max_files = settings.DATA_UPLOAD_MAX_NUMBER_FILES
        max_field_bytes = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        memory_limit = settings.FILE_UPLOAD_MAX_MEMORY_SIZE
        field_count = file_count = field_bytes = 0

        if reader.peek(3) == b"\r\n" and reader.eof:
            return  # no body at all: an empty form, not a broken one
        reader.skip_until(delimiter)  # the preamble is ignored (RFC 2046)
        while _start_next_part(reader):
            headers = _read_part_headers(reader)
            disposition, params = parse_header_parameters(headers.get("content-disposition", ""))
            field_name = params.get("name")
            if disposition != "form-data" or field_name is None:
                reader.skip_until(delimiter)  # not a form field (RFC 7578 4.2)
                continue
            is_file = "filename" in params
            # RFC 7578 4.4: fields default to text/plain; files are opaque bytes unless labelled.
            default_type = "application/octet-stream" if is_file else "text/plain"
            content_type, type_params = parse_header_parameters(headers.get("content-type", default_type))
            charset = type_params.pop("charset", None)
            if not is_file:
                field_count += 1
                if max_fields is not None and field_count > max_fields:
                    raise TooManyFieldsSent("The number of fields in the multipart body exceeds "
                                            "DATA_UPLOAD_MAX_NUMBER_FIELDS (%d)." % max_fields)
                pieces = []
                for data in reader.iter_until(delimiter):
                    field_bytes += len(data)
                    if max_field_bytes is not None and field_bytes > max_field_bytes:
                        raise RequestDataTooBig("Form fields in the multipart body exceed "
                                                "DATA_UPLOAD_MAX_MEMORY_SIZE (%d bytes)." % max_field_bytes)
                    pieces.append(data)
                post.appendlist(field_name, self._decode_field(field_name, b"".join(pieces), charset))
                continue
            file_name = sanitize_upload_name(params["filename"])
            if not file_name:
                reader.skip_until(delimiter)  # a file input left empty: no file was chosen
                continue
            file_count += 1
            if max_files is not None and file_count > max_files:
                raise TooManyFilesSent("The number of files in the multipart body exceeds "
                                       "DATA_UPLOAD_MAX_NUMBER_FILES (%d)." % max_files)
            target = _FileTarget(field_name, file_name, content_type, charset, type_params, memory_limit)
            targets.append(target)
            for data in reader.iter_until(delimiter):
                target.write(data)
            files.appendlist(field_name, target.finish())

    def _decode_field(self, field_name, data, charset):
        encoding = charset or self._encoding
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise BadRequest("Invalid %s data in multipart form field '%s'." % (encoding, field_name))
        except LookupError:
            raise BadRequest("Unknown charset '%s' in multipart form field '%s'." % (encoding, field_name))
