# -*- coding: utf-8 -*-
"""The example project served unchanged by production WSGI servers on CPython (gunicorn, waitress)."""
from __future__ import unicode_literals

import os
import subprocess
import sys
import time

import pytest

from http_probe import exchange, free_port, get

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "mysite")
PATIENCE = 60.0  # upper bound for start-up; polling moves on as soon as the server answers

pytestmark = pytest.mark.cpython_only(reason="starts CPython WSGI servers in subprocesses")


SERVERS = {
    "gunicorn": lambda port: [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "4",
                              "--bind", "127.0.0.1:%d" % port, "mysite.wsgi:application"],
    "waitress": lambda port: [sys.executable, "-m", "waitress", "--listen", "127.0.0.1:%d" % port,
                              "mysite.wsgi:application"],
}


@pytest.fixture(params=sorted(SERVERS), scope="module")
def server_port(request):
    port = free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([ROOT, EXAMPLE]))
    env.pop("PYFRAMEWORK_SETTINGS_MODULE", None)  # mysite/wsgi.py names its own settings
    process = subprocess.Popen(SERVERS[request.param](port), cwd=EXAMPLE, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + PATIENCE
        while get(port, "/") is None:
            if process.poll() is not None or time.time() > deadline:
                output = process.stdout.read().decode("utf-8", "replace")
                pytest.fail("%s did not start serving the example:\n%s" % (request.param, output[-3000:]))
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_pages_render(server_port):
    status, head, body = get(server_port, "/hello/%3Cb%3Eworld/")
    assert status == 200
    assert "text/html; charset=utf-8" in head
    assert b"Hello, &lt;b&gt;world!" in body


# The example checks CSRF tokens: send a secret in the cookie and the same
# value as the token, as a script copying the cookie would.
CSRF_SECRET = b"s3cr3t" * 5 + b"ab"
CSRF_COOKIE = b"Cookie: csrftoken=" + CSRF_SECRET + b"\r\n"


def test_form_post_and_upload(server_port):
    form = b"message=gr%C3%BC%C3%9Fe&csrfmiddlewaretoken=" + CSRF_SECRET
    status, _, body = exchange(server_port, b"POST /echo/ HTTP/1.0\r\nHost: localhost\r\n" + CSRF_COOKIE +
                               b"Content-Type: application/x-www-form-urlencoded\r\n"
                               b"Content-Length: " + str(len(form)).encode("ascii") + b"\r\n\r\n" + form)
    assert status == 200
    assert "You said: grüße".encode("utf-8") in body

    payload = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrfmiddlewaretoken\"\r\n\r\n" + CSRF_SECRET + \
              b"\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n" \
              b"Content-Type: application/octet-stream\r\n\r\n" + b"\x00\x01\x02" * 1000 + b"\r\n--XyZ--\r\n"
    status, _, body = exchange(server_port, b"POST /upload/ HTTP/1.0\r\nHost: localhost\r\n" + CSRF_COOKIE +
                               b"Content-Type: multipart/form-data; boundary=XyZ\r\n"
                               b"Content-Length: " + str(len(payload)).encode("ascii") + b"\r\n\r\n" + payload)
    assert status == 200
    assert b'"size": 3000' in body


def test_bad_input_is_a_4xx(server_port):
    assert get(server_port, "/?q=%ZZ")[0] == 400
    assert get(server_port, "/hello/%FF/")[0] == 400
    assert get(server_port, "/no-such-page/")[0] == 404
