"""views.static.serve: files of a folder for development, never outside it."""
from __future__ import unicode_literals

import os
import shutil
import tempfile

import pytest

from pyframework.core.exceptions import SuspiciousFileOperation
from pyframework.http import Http404
from pyframework.test import RequestFactory
from pyframework.utils import version
from pyframework.views.static import serve


@pytest.fixture
def root():
    folder = tempfile.mkdtemp()
    os.makedirs(os.path.join(folder, "css"))
    with open(os.path.join(folder, "css", "site.css"), "wb") as handle:
        handle.write(b"body { color: red }")
    with open(os.path.join(folder, "<b>.txt"), "wb") as handle:
        handle.write(b"x")
    yield folder
    shutil.rmtree(folder)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_file_with_type_and_modification_date(root):
    request = RequestFactory().get("/media/css/site.css")
    response = serve(request, "css/site.css", document_root=root)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css"
    assert body(response) == b"body { color: red }"
    again = RequestFactory().get("/media/css/site.css", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert serve(again, "css/site.css", document_root=root).status_code == 304


def test_missing_files_folders_and_escapes(root):
    request = RequestFactory().get("/")
    with pytest.raises(Http404):
        serve(request, "nothing.txt", document_root=root)
    with pytest.raises(Http404) as info:
        serve(request, "css", document_root=root)
    assert "Directory indexes are not allowed here." in str(info.value)
    listing = serve(request, "", document_root=root, show_indexes=True)
    assert b'<a href="css/">css/</a>' in listing.content and b"&lt;b&gt;.txt" in listing.content
    # Paths that leave the root are refused (the handler answers 400 Bad Request).
    with pytest.raises(SuspiciousFileOperation):
        serve(request, "../../etc/passwd", document_root=root)
    with pytest.raises(SuspiciousFileOperation):
        serve(request, "css/../../x", document_root=os.path.join(root, "css"))


def test_version_helpers():
    assert version.get_version((5, 2, 0, "final", 0)) == "5.2"
    assert version.get_version((5, 2, 1, "rc", 2)) == "5.2.1rc2"
    assert version.get_version((1, 0, 0, "alpha", 1)) == "1.0a1"
    assert version.get_docs_version((5, 2, 3)) == "5.2"
    assert version.get_version_tuple("3.11.4rc1") == (3, 11, 4)
    assert version.get_complete_version()[:2] == __import__("pyframework").VERSION[:2]
