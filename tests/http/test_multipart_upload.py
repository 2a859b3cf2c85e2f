# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import os

import pytest

from http_test_environ import make_environ
from pyframework.conf import settings
from pyframework.core.exceptions import (
    BadRequest, RequestDataTooBig, SuspiciousMultipartForm, TooManyFieldsSent, TooManyFilesSent,
)
from pyframework.core.files.uploadedfile import InMemoryUploadedFile, TemporaryUploadedFile
from pyframework.http.multipartparser import MultiPartParserError
from pyframework.http.request import WSGIRequest

BOUNDARY = "----formboundaryXyZ"


def part(headers, content):
    if not isinstance(content, bytes):
        content = content.encode("utf-8")
    head = "".join("%s\r\n" % header for header in headers).encode("utf-8")
    return b"--" + BOUNDARY.encode("ascii") + b"\r\n" + head + b"\r\n" + content + b"\r\n"


def field(name, value, extra_headers=()):
    return part(['Content-Disposition: form-data; name="%s"' % name] + list(extra_headers), value)


def upload(name, filename, content, content_type="application/octet-stream", disposition=None):
    disposition = disposition or 'form-data; name="%s"; filename="%s"' % (name, filename)
    return part(["Content-Disposition: " + disposition, "Content-Type: " + content_type], content)


def closing():
    return b"--" + BOUNDARY.encode("ascii") + b"--\r\n"


def multipart_request(body, boundary=BOUNDARY, content_type=None, **kwargs):
    content_type = content_type or 'multipart/form-data; boundary="%s"' % boundary
    return WSGIRequest(make_environ("/upload", method="POST", body=body, content_type=content_type, **kwargs))


@pytest.fixture
def small_memory_limit(monkeypatch, tmpdir):
    monkeypatch.setattr(settings, "FILE_UPLOAD_MAX_MEMORY_SIZE", 1000)
    monkeypatch.setattr(settings, "FILE_UPLOAD_TEMP_DIR", str(tmpdir))
    return tmpdir


def test_fields_and_two_files(small_memory_limit):
    big = os.urandom(5000) + b"\r\n--" + b"almost a boundary\r\n" + os.urandom(200000)
    body = (b"preamble is ignored\r\n" + field("title", "Hello world") + field("tags", "a") + field("tags", "b")
            + upload("small", "notes.txt", "small file content", "text/plain; charset=utf-8")
            + upload("big", "photo.jpg", big, "image/jpeg") + closing() + b"epilogue")
    request = multipart_request(body)
    assert request.POST["title"] == "Hello world"
    assert request.POST.getlist("tags") == ["a", "b"]
    with pytest.raises(AttributeError):
        request.POST["title"] = "changed"

    small = request.FILES["small"]
    assert isinstance(small, InMemoryUploadedFile)
    assert small.name == "notes.txt"
    assert small.size == len("small file content")
    assert small.content_type == "text/plain"
    assert small.charset == "utf-8"
    assert small.read() == b"small file content"
    assert list(small.chunks()) == [b"small file content"]
    assert not small.multiple_chunks()

    photo = request.FILES["big"]
    assert isinstance(photo, TemporaryUploadedFile)
    assert photo.name == "photo.jpg"
    assert photo.size == len(big)
    assert photo.content_type == "image/jpeg"
    path = photo.temporary_file_path()
    assert os.path.dirname(path) == str(small_memory_limit)
    assert b"".join(photo.chunks()) == big
    assert photo.multiple_chunks()
    assert max(len(chunk) for chunk in photo.chunks(chunk_size=70000)) == 70000
    request.close()
    assert not os.path.exists(path)


def test_body_split_in_small_reads_crossing_the_boundary():
    class TrickleStream(object):
        def __init__(self, data):
            self.data = data

        def read(self, size=-1):
            data, self.data = self.data[:7], self.data[7:]
            return data

    body = field("a", "x" * 100) + upload("f", "a.bin", b"\r\n-" * 50) + closing()
    environ = make_environ("/", method="POST", content_type="multipart/form-data; boundary=" + BOUNDARY,
                           content_length=str(len(body)))
    environ["wsgi.input"] = TrickleStream(body)
    request = WSGIRequest(environ)
    assert request.POST["a"] == "x" * 100
    assert request.FILES["f"].read() == b"\r\n-" * 50


def test_unicode_field_names_values_and_filenames():
    body = (field("prénom", "Zoë") + upload("doc", "résumé.pdf", b"%PDF")
            + upload("doc", "", b"", disposition="form-data; name=\"doc\"; filename=\"x.txt\"; "
                                                   "filename*=UTF-8''%E2%82%AC%20rates.txt")
            + closing())
    request = multipart_request(body)
    assert request.POST["prénom"] == "Zoë"
    names = [f.name for f in request.FILES.getlist("doc")]
    assert names == ["résumé.pdf", "€ rates.txt"]


def test_per_part_charset_and_request_encoding():
    body = field("latin", "café".encode("latin-1"), ["Content-Type: text/plain; charset=iso-8859-1"]) + closing()
    assert multipart_request(body).POST["latin"] == "café"
    body = field("v", "été".encode("latin-1")) + closing()
    request = multipart_request(body, content_type="multipart/form-data; boundary=%s; charset=latin-1" % BOUNDARY)
    assert request.POST["v"] == "été"


def test_invalid_utf8_field_is_a_bad_request():
    request = multipart_request(field("name", b"\xff\xfe") + closing())
    with pytest.raises(BadRequest) as info:
        request.POST
    assert "name" in str(info.value)


def test_paths_in_filenames_are_stripped_and_empty_file_inputs_skipped():
    body = (upload("a", "C:\\Users\\me\\secret.txt", b"1") + upload("b", "../../etc/passwd", b"2")
            + upload("c", "", b"") + closing())
    request = multipart_request(body)
    assert request.FILES["a"].name == "secret.txt"
    assert request.FILES["b"].name == "passwd"
    assert "c" not in request.FILES


def test_parts_without_name_are_ignored_and_empty_values_kept():
    body = (part(["Content-Disposition: form-data"], "orphan") + part([], "no headers")
            + field("empty", "") + closing())
    request = multipart_request(body)
    assert request.POST.dict() == {"empty": ""}


def test_no_parts_and_empty_body():
    assert multipart_request(closing()).POST == {}
    empty = multipart_request(b"")
    assert empty.POST == {}
    assert empty.FILES == {}


def test_file_without_content_type_is_octet_stream():
    body = part(['Content-Disposition: form-data; name="f"; filename="blob"'], b"\x00\x01") + closing()
    upload_file = multipart_request(body).FILES["f"]
    assert upload_file.content_type == "application/octet-stream"
    assert upload_file.read() == b"\x00\x01"


@pytest.mark.parametrize("content_type", [
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=" + "x" * 71,
    'multipart/form-data; boundary="bad\x01char"',
    "multipart/form-data; boundary=ends-with-space ",
])
def test_missing_or_invalid_boundary(content_type):
    request = multipart_request(field("a", "1") + closing(), content_type=content_type)
    with pytest.raises(SuspiciousMultipartForm) as info:
        request.POST
    assert "boundary" in str(info.value)


@pytest.mark.parametrize("body, message", [
    (field("a", "1"), "closing boundary"),
    (field("a", "1")[:-10], "ended inside the part headers"),
    (field("a", "1")[:-3], "closing boundary"),
    (b"--" + BOUNDARY.encode("ascii") + b"\r\nContent-Disposition: form-data; name=\"a\"\r\n", "part headers"),
    (b"--" + BOUNDARY.encode("ascii") + b"\r\nno colon here\r\n\r\nvalue\r\n" + closing(), "Malformed header"),
    (b"--" + BOUNDARY.encode("ascii") + b"garbage\r\n" + closing(), "Unexpected data"),
    (b"no boundary at all", "closing boundary"),
    (b"--" + BOUNDARY.encode("ascii"), "boundary line"),
])
def test_broken_bodies_are_suspicious(body, message):
    request = multipart_request(body)
    with pytest.raises(MultiPartParserError) as info:
        request.POST
    assert message in str(info.value)
    assert isinstance(info.value, SuspiciousMultipartForm)
    assert request.POST == {}
    assert request.FILES == {}


def test_huge_part_headers_are_rejected():
    body = b"--" + BOUNDARY.encode("ascii") + b"\r\nX-Long: " + b"a" * 100000 + b"\r\n\r\nv\r\n" + closing()
    with pytest.raises(MultiPartParserError) as info:
        multipart_request(body).POST
    assert "too long" in str(info.value)


def test_truncated_upload_removes_temporary_file(small_memory_limit):
    body = upload("f", "big.bin", b"z" * 5000)[:-50]
    with pytest.raises(MultiPartParserError):
        multipart_request(body).FILES
    assert small_memory_limit.listdir() == []


def test_field_data_limit(monkeypatch):
    monkeypatch.setattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", 100)
    # Files do not count toward DATA_UPLOAD_MAX_MEMORY_SIZE...
    ok = multipart_request(field("a", "x" * 50) + upload("f", "f.bin", b"y" * 1000) + closing())
    assert ok.FILES["f"].size == 1000
    # ...but form fields do.
    with pytest.raises(RequestDataTooBig):
        multipart_request(field("a", "x" * 60) + field("b", "x" * 60) + closing()).POST


def test_whole_body_limit(monkeypatch):
    monkeypatch.setattr(settings, "FILE_UPLOAD_MAX_SIZE", 500)
    with pytest.raises(RequestDataTooBig) as info:
        multipart_request(upload("f", "f.bin", b"y" * 1000) + closing()).FILES
    assert "FILE_UPLOAD_MAX_SIZE" in str(info.value)
    environ = make_environ("/", method="POST", body=upload("f", "f.bin", b"y" * 1000) + closing(),
                           content_type="multipart/form-data; boundary=" + BOUNDARY, content_length=None,
                           headers={"HTTP_TRANSFER_ENCODING": "chunked"})
    with pytest.raises(RequestDataTooBig):
        WSGIRequest(environ).POST


def test_field_and_file_counts(monkeypatch):
    monkeypatch.setattr(settings, "DATA_UPLOAD_MAX_NUMBER_FIELDS", 2)
    monkeypatch.setattr(settings, "DATA_UPLOAD_MAX_NUMBER_FILES", 1)
    with pytest.raises(TooManyFieldsSent):
        multipart_request(field("a", "1") + field("b", "2") + field("c", "3") + closing()).POST
    with pytest.raises(TooManyFilesSent):
        multipart_request(upload("f", "1.txt", b"1") + upload("f", "2.txt", b"2") + closing()).FILES


def test_body_after_multipart_parsing_is_an_error_but_body_first_works():
    body = field("a", "1") + closing()
    request = multipart_request(body)
    request.POST
    from pyframework.http import RawPostDataException
    with pytest.raises(RawPostDataException):
        request.body
    request = multipart_request(body)
    assert request.body == body
    assert request.POST["a"] == "1"
