"""``manage.py runserver`` in a subprocess: serves the project and its static files, reloads on change."""
from __future__ import unicode_literals

import io
import os
import signal
import subprocess
import sys
import time

import pytest

from pyframework.core.management import call_command

from http_probe import exchange, free_port, get

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Upper bound for the server to come up or reload; tests poll and move on as soon as it answers.
PATIENCE = 60.0

pytestmark = pytest.mark.cpython_only(reason="starts runserver in a subprocess")


def fetch(port, path):
    """(status, body) of a GET, or None while nothing listens."""
    answer = get(port, path)
    return None if answer is None else (answer[0], answer[2])


def wait_for(port, path, expected_status):
    deadline = time.time() + PATIENCE
    result = None
    while time.time() < deadline:
        result = fetch(port, path)
        if result is not None and result[0] == expected_status:
            return result
        time.sleep(0.2)
    raise AssertionError("GET %s never answered %d (last: %r)" % (path, expected_status, result))


UPLOAD_VIEW = (
    "\nfrom pyframework.http import HttpResponse\n"
    "from pyframework.views.decorators.csrf import csrf_exempt\n"
    "@csrf_exempt\n"
    "def upload(request):\n"
    "    document = request.FILES['document']\n"
    "    return HttpResponse(document.read(), content_type='application/octet-stream')\n"
    "urlpatterns.append(path('upload/', upload))\n")


@pytest.fixture
def served_project(tmpdir):
    for served in _serve(tmpdir):
        yield served


@pytest.fixture
def upload_project(tmpdir):
    for served in _serve(tmpdir, extra_urls=UPLOAD_VIEW):
        yield served


def _serve(tmpdir, extra_urls=""):
    """A new project run by ``manage.py runserver`` (its urls.py extended by ``extra_urls``)."""
    call_command("startproject", "liveproj", str(tmpdir), stdout=io.StringIO())
    if extra_urls:
        urls = tmpdir.join("liveproj", "urls.py")
        urls.write(urls.read() + extra_urls)
    port = free_port()
    log = tmpdir.join("runserver.log")
    environ = dict(os.environ, PYTHONPATH=ROOT, PYTHONUNBUFFERED="1")
    environ.pop("PYFRAMEWORK_SETTINGS_MODULE", None)
    with open(str(log), "wb") as output:
        process = subprocess.Popen([sys.executable, "manage.py", "runserver", "127.0.0.1:%d" % port],
                                   cwd=str(tmpdir), env=environ, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        yield tmpdir, port, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()


def test_runserver_serves_pages_and_static_files_and_reloads(served_project):
    directory, port, log = served_project
    status, body = wait_for(port, "/", 200)
    assert b"It worked!" in body
    assert "Starting development server at http://127.0.0.1:%d/" % port in log.read()
    assert "System check identified no issues." in log.read()
    status, css = wait_for(port, "/static/site.css", 200)
    assert css == directory.join("static", "site.css").read_binary()
    assert fetch(port, "/reloaded/")[0] == 404

    urls = directory.join("liveproj", "urls.py")
    urls.write(urls.read() + (
        "\nfrom pyframework.http import HttpResponse\n"
        "urlpatterns.append(path('reloaded/', lambda request: HttpResponse('new code')))\n"))
    status, body = wait_for(port, "/reloaded/", 200)
    assert body == b"new code"
    assert "urls.py changed, reloading." in log.read()


def test_runserver_accepts_a_multipart_upload(upload_project):
    """The dev server answered every multipart/form-data request with 400 "Malformed request headers"."""
    directory, port, log = upload_project
    wait_for(port, "/", 200)
    payload = bytes(bytearray(range(256))) * 4
    boundary = b"----runserverBoundary"
    body = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="document"; filename="a.bin"\r\n'
            b"Content-Type: application/octet-stream\r\n\r\n" + payload + b"\r\n--" + boundary + b"--\r\n")
    head = (b"POST /upload/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            b"Content-Type: multipart/form-data; boundary=" + boundary + b"\r\nContent-Length: %d\r\n\r\n" % len(body))
    status, _, answer = exchange(port, head + body)
    assert (status, answer) == (200, payload), log.read()
