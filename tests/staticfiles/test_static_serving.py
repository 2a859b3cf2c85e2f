"""Static files in development: finders, the serve view and StaticFilesHandler."""
from __future__ import unicode_literals

import os
from email.utils import formatdate
from wsgiref.validate import validator

import pytest

from pyframework.contrib.staticfiles import finders
from pyframework.contrib.staticfiles.handlers import StaticFilesHandler, with_static_files
from pyframework.contrib.staticfiles.utils import safe_join
from pyframework.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from pyframework.test import RequestFactory, override_settings


def passthrough_app(environ, start_response):
    start_response(str("200 OK"), [(str("Content-Type"), str("text/plain"))])
    return [b"application"]


@pytest.fixture
def static_dirs(tmpdir):
    main = tmpdir.mkdir("static")
    main.mkdir("css").join("site.css").write("body { color: red; }")
    main.join("app.js").write("var x = 1;")
    extra = tmpdir.mkdir("vendor")
    extra.join("lib.js").write("var lib;")
    extra.join("app.js").write("shadowed")
    tmpdir.join("secret.txt").write("top secret")
    with override_settings(DEBUG=True, STATICFILES_DIRS=[str(main), ("vendor", str(extra)), str(extra)]):
        yield tmpdir


def fetch(path, **environ):
    """GET ``path`` through StaticFilesHandler (validated); return (status code, headers, body)."""
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)
        return lambda data: None

    app = validator(StaticFilesHandler(passthrough_app))
    result = app(RequestFactory()._base_environ(PATH_INFO=path, **environ), start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()
    return int(seen["status"].split()[0]), seen["headers"], body


def test_serves_a_file_with_content_type_and_last_modified(static_dirs):
    status, headers, body = fetch("/static/css/site.css")
    assert status == 200
    assert body == b"body { color: red; }"
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Content-Length"] == str(len(body))
    mtime = os.stat(str(static_dirs.join("static", "css", "site.css"))).st_mtime
    assert headers["Last-Modified"] == formatdate(mtime, usegmt=True)


def test_first_directory_wins_and_prefixes_apply(static_dirs):
    assert fetch("/static/app.js")[2] == b"var x = 1;"
    assert fetch("/static/vendor/lib.js")[2] == b"var lib;"
    assert fetch("/static/lib.js")[2] == b"var lib;"


def test_not_modified_since(static_dirs):
    _, headers, _ = fetch("/static/app.js")
    status, headers_304, body = fetch("/static/app.js", HTTP_IF_MODIFIED_SINCE=headers["Last-Modified"])
    assert status == 304
    assert body == b""
    old = formatdate(0, usegmt=True)
    assert fetch("/static/app.js", HTTP_IF_MODIFIED_SINCE=old)[0] == 200
    assert fetch("/static/app.js", HTTP_IF_MODIFIED_SINCE="garbage")[0] == 200


@pytest.mark.parametrize("path", [
    "/static/../secret.txt",
    "/static/css/../../secret.txt",
    "/static/%2e%2e/secret.txt",
    "/static/..%2fsecret.txt",
    "/static/vendor/../../secret.txt",
    "/static/missing.css",
    "/static/css/",
    "/static/",
])
def test_traversal_and_missing_files_are_404(static_dirs, path):
    status, _, body = fetch(path)
    assert status == 404
    assert b"top secret" not in body


def test_absolute_path_outside_is_404(static_dirs):
    assert fetch("/static/" + str(static_dirs.join("secret.txt")).lstrip("/"))[0] == 404


def test_other_paths_go_to_the_application(static_dirs):
    status, _, body = fetch("/page/")
    assert status == 200
    assert body == b"application"


def test_with_static_files_wraps_only_in_debug():
    with override_settings(DEBUG=True):
        assert isinstance(with_static_files(passthrough_app), StaticFilesHandler)
    with override_settings(DEBUG=False):
        assert with_static_files(passthrough_app) is passthrough_app


def test_static_url_must_end_with_a_slash():
    with override_settings(STATIC_URL="/static"):
        with pytest.raises(ImproperlyConfigured) as info:
            StaticFilesHandler(passthrough_app)
    assert "STATIC_URL" in str(info.value)


def test_static_url_on_another_host_is_not_served_here():
    with override_settings(STATIC_URL="https://cdn.example.com/static/"):
        status, _, body = fetch("/static/app.js")
    assert body == b"application"


def test_serve_view_refuses_when_not_debug(static_dirs):
    from pyframework.contrib.staticfiles.views import serve
    from pyframework.http import Http404

    request = RequestFactory().get("/static/app.js")
    with override_settings(DEBUG=False):
        with pytest.raises(Http404):
            serve(request, "app.js")
    assert serve(request, "app.js").status_code == 200


def test_app_static_directories_are_searched(tmpdir, monkeypatch):
    app_dir = tmpdir.mkdir("myapp")
    app_dir.mkdir("static").join("app-only.txt").write("from the app")
    app_dir.join("outside.txt").write("not static")

    class FakeConfig(object):
        path = str(app_dir)

    monkeypatch.setattr(finders.apps, "get_app_configs", lambda: [FakeConfig()])
    with override_settings(STATICFILES_DIRS=[]):
        assert finders.find("app-only.txt") == str(app_dir.join("static", "app-only.txt"))
        assert finders.find("../outside.txt") is None


def test_find_all(static_dirs):
    found = finders.find("app.js", all=True)
    assert [os.path.basename(os.path.dirname(path)) for path in found] == ["static", "vendor"]


def test_safe_join(tmpdir):
    root = str(tmpdir)
    assert safe_join(root, "a/b.txt") == os.path.join(root, "a", "b.txt")
    for bad in ("../x", "/etc/passwd", "a/../../x", "x\x00y"):
        with pytest.raises(SuspiciousFileOperation):
            safe_join(root, bad)


def test_static_root_inside_staticfiles_dirs_is_a_configuration_error(tmpdir):
    with override_settings(STATIC_ROOT=str(tmpdir), STATICFILES_DIRS=[str(tmpdir)]):
        with pytest.raises(ImproperlyConfigured) as info:
            finders.find("anything")
    assert "STATIC_ROOT" in str(info.value)
