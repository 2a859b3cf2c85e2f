# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import io
import os

import pytest

from pyframework.core.files.base import ContentFile, File
from pyframework.http import FileResponse


@pytest.fixture
def report_file(tmpdir):
    path = tmpdir.join("report.pdf")
    path.write_binary(b"%PDF-" + b"x" * 200000)
    return str(path)


def test_file_response_streams_in_blocks_with_headers(report_file):
    handle = open(report_file, "rb")
    response = FileResponse(handle)
    assert response.streaming
    assert response.file_to_stream is handle
    assert response["Content-Length"] == "200005"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="report.pdf"'
    chunks = list(response)
    assert [len(chunk) for chunk in chunks] == [65536, 65536, 65536, 3397]
    assert b"".join(chunks)[:5] == b"%PDF-"
    response.close()
    assert handle.closed


def test_attachment_with_explicit_filename_and_content_type(report_file):
    response = FileResponse(open(report_file, "rb"), as_attachment=True, filename="Résumé 2024.pdf",
                            content_type="application/x-custom")
    assert response["Content-Type"] == "application/x-custom"
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''R%C3%A9sum%C3%A9%202024.pdf"
    response.close()
    quoted = FileResponse(io.BytesIO(b"a"), as_attachment=True, filename='say "hi".txt')
    assert quoted["Content-Disposition"] == 'attachment; filename="say \\"hi\\".txt"'
    assert quoted["Content-Type"] == "text/plain"


def test_content_length_counts_from_current_position(report_file):
    handle = open(report_file, "rb")
    handle.seek(100000)
    response = FileResponse(handle)
    assert response["Content-Length"] == "100005"
    assert len(b"".join(response)) == 100005
    response.close()


@pytest.mark.parametrize("filename, content_type", [
    ("data.json", "application/json"),
    ("archive.tar.gz", "application/gzip"),
    ("unknown.zzz-unknown", "application/octet-stream"),
    ("noext", "application/octet-stream"),
])
def test_content_type_guessed_from_name(filename, content_type):
    response = FileResponse(io.BytesIO(b"data"), filename=filename)
    assert response["Content-Type"] == content_type
    assert response["Content-Length"] == "4"


def test_unnamed_buffer_has_no_disposition():
    response = FileResponse(io.BytesIO(b"abc"))
    assert not response.has_header("Content-Disposition")
    assert response["Content-Type"] == "application/octet-stream"
    assert b"".join(response) == b"abc"


def test_iterable_content_is_streamed_as_is():
    response = FileResponse([b"a", b"b"])
    assert response.file_to_stream is None
    assert list(response) == [b"a", b"b"]


def test_file_wrapper_basics(tmpdir):
    path = tmpdir.join("lines.txt")
    path.write_binary(b"one\ntwo\nthree")
    with File(open(str(path), "rb")) as wrapped:
        assert wrapped.name == str(path)
        assert wrapped.size == 13
        assert list(wrapped) == [b"one\n", b"two\n", b"three"]
        assert list(wrapped.chunks(chunk_size=5)) == [b"one\nt", b"wo\nth", b"ree"]
        assert wrapped.multiple_chunks(chunk_size=5)
        assert not wrapped.multiple_chunks()
    assert wrapped.closed
    content = ContentFile(b"hello", name="h.txt")
    assert content.size == 5
    assert content.read() == b"hello"
    assert bool(ContentFile(b""))
    assert os.path.basename(str(File(io.BytesIO(b""), name="x/y.txt"))) == "y.txt"


def test_uploaded_file_classes(tmpdir, monkeypatch):
    from pyframework.conf import settings
    from pyframework.core.files.uploadedfile import (
        SimpleUploadedFile, TemporaryUploadedFile, sanitize_upload_name,
    )

    simple = SimpleUploadedFile("../notes.txt", b"hello")
    assert simple.name == "notes.txt"
    assert simple.size == 5
    assert simple.content_type == "text/plain"
    assert simple.read() == b"hello"
    assert list(simple.chunks()) == [b"hello"]
    assert "notes.txt" in repr(simple)

    monkeypatch.setattr(settings, "FILE_UPLOAD_TEMP_DIR", str(tmpdir))
    temporary = TemporaryUploadedFile("big.bin", "application/octet-stream", 0, None)
    temporary.write(b"data")
    path = temporary.temporary_file_path()
    assert os.path.dirname(path) == str(tmpdir)
    assert os.path.exists(path)
    temporary.close()
    temporary.close()
    assert not os.path.exists(path)

    assert sanitize_upload_name("a\x00b.txt") == "ab.txt"
    assert sanitize_upload_name("..") == ""
    long_name = sanitize_upload_name("x" * 300 + ".txt")
    assert len(long_name) == 255
    assert long_name.endswith(".txt")
