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

from http_probe import free_port, get

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


@pytest.fixture
def served_project(tmpdir):
    call_command("startproject", "liveproj", str(tmpdir), stdout=io.StringIO())
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
