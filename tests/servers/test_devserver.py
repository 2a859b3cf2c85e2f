"""The development server end to end on 127.0.0.1, including clients that send garbage or stall."""
from __future__ import unicode_literals

import socket
import threading

import pytest

from pyframework.core.servers import basehttp
from pyframework.test.utils import override_settings

# Short, so a stalled client is answered quickly; the tests wait for the answer, not for a duration.
CONNECTION_TIMEOUT = 1.0
CLIENT_TIMEOUT = 30.0

pytestmark = pytest.mark.cpython_only(reason="serves over real sockets with the CPython dev server")


@pytest.fixture(scope="module")
def server():
    from pyframework.core.handlers.wsgi import WSGIHandler

    with override_settings(ROOT_URLCONF="devserver_urls", DATA_UPLOAD_MAX_MEMORY_SIZE=1000, MIDDLEWARE=[]):
        httpd = basehttp.make_server("127.0.0.1", 0, WSGIHandler(), connection_timeout=CONNECTION_TIMEOUT)
        thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1})
        thread.daemon = True
        thread.start()
        try:
            yield httpd.server_address
        finally:
            httpd.shutdown()
            httpd.server_close()
            thread.join(CLIENT_TIMEOUT)


def exchange(address, raw, close_write=True):
    """Send raw bytes, read the whole answer; return (status code, headers text, body)."""
    connection = socket.create_connection(address, timeout=CLIENT_TIMEOUT)
    try:
        connection.sendall(raw)
        if close_write:
            connection.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        connection.close()
    answer = b"".join(chunks)
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n")[0].decode("latin-1")
    return int(status_line.split()[1]), head.decode("latin-1"), body


def get(address, target):
    return exchange(address, ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" % target).encode("latin-1"))


def test_get_is_served(server):
    status, head, body = get(server, "/?q=hello")
    assert status == 200
    assert body == b"ok hello"
    assert "Connection: close" in head


def test_headers_with_underscores_are_dropped(server):
    raw = (b"GET /forwarded/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX_Forwarded_For: 6.6.6.6\r\n"
           b"X-Forwarded-For: 10.0.0.1\r\nX-Forwarded-For: 10.0.0.2\r\n\r\n")
    assert exchange(server, raw)[2] == b"10.0.0.1,10.0.0.2"


def test_post_form_is_served(server):
    body = b"message=hi+there"
    raw = (b"POST /echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
           b"Content-Length: %d\r\n\r\n" % len(body)) + body
    status, _, answer = exchange(server, raw)
    assert (status, answer) == (200, b"got hi there")


@pytest.mark.parametrize("raw", [
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/1.1 extra words\r\n\r\n",
    b"GET / NOTHTTP/1.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nthis line has no colon\r\n\r\n",
])
def test_malformed_request_line_or_headers_is_400(server, raw):
    status, _, _ = exchange(server, raw)
    assert status == 400


def test_chunked_body_asks_for_a_length(server):
    raw = b"POST /echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
    status, _, _ = exchange(server, raw)
    assert status == 411


def test_lying_content_length_is_400_and_server_keeps_serving(server):
    raw = (b"POST /echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
           b"Content-Length: 100\r\n\r\nmessage=hi")
    # Keep the connection open: the server must give up on its own after its timeout.
    status, _, _ = exchange(server, raw, close_write=False)
    assert status == 400
    assert get(server, "/")[0] == 200


def test_oversized_body_is_413(server):
    body = b"message=" + b"x" * 5000
    raw = (b"POST /echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
           b"Content-Length: %d\r\n\r\n" % len(body)) + body
    status, _, _ = exchange(server, raw)
    assert status == 413


def test_bad_percent_encoding_in_query_is_400(server):
    assert get(server, "/?q=%zz")[0] == 400


def test_invalid_utf8_in_path_is_400(server):
    assert get(server, "/%ff%fe/")[0] == 400


def test_silent_client_gets_408(server):
    connection = socket.create_connection(server, timeout=CLIENT_TIMEOUT)
    try:
        connection.sendall(b"GET / HTT")
        answer = connection.recv(65536)
    finally:
        connection.close()
    assert answer.startswith(b"HTTP/1.0 408") or answer.startswith(b"HTTP/1.1 408")


def _multipart(boundary, parts):
    """A multipart/form-data body from (name, filename or None, bytes) parts."""
    chunks = []
    for name, filename, data in parts:
        disposition = 'form-data; name="%s"' % name
        if filename is not None:
            disposition += '; filename="%s"' % filename
        chunks.append(b"--" + boundary + b"\r\nContent-Disposition: " + disposition.encode("ascii")
                      + (b"\r\nContent-Type: application/octet-stream" if filename is not None else b"")
                      + b"\r\n\r\n" + data + b"\r\n")
    return b"".join(chunks) + b"--" + boundary + b"--\r\n"


def test_multipart_upload_is_served(server):
    """A file upload through the dev server reaches the view, byte for byte (it was a 400)."""
    payload = bytes(bytearray(range(256))) * 8 + b"\r\n--not-the-boundary\r\n"
    boundary = b"----pyframeworkBoundary7MA4YWxkTrZu0gW"
    body = _multipart(boundary, [("title", None, b"report"), ("document", "data.bin", payload)])
    raw = (b"POST /upload/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
           + boundary + b"\r\nContent-Length: %d\r\n\r\n" % len(body)) + body
    status, _, answer = exchange(server, raw)
    assert status == 200
    assert answer == payload + b"|data.bin|report"


@pytest.mark.parametrize("header_block", [
    b"Host: 127.0.0.1\r\nno colon here\r\n",
    b" continued\r\nHost: 127.0.0.1\r\n",
])
def test_real_header_defects_are_still_refused(server, header_block):
    status, head, _ = exchange(server, b"GET / HTTP/1.1\r\n" + header_block + b"\r\n")
    assert status == 400
    assert "Malformed request headers" in head


@pytest.mark.parametrize("host_header", [
    b"Host: evil.com\r\n",
    b"Host: \r\n",
    b"Host: 127.0.0.1.evil.com\r\n",
    b"Host: exa\xffmple.com\r\n",
    b"Host: bad_name!.example.com\r\n",
])
def test_disallowed_hosts_get_400_on_every_page(server, host_header):
    """ALLOWED_HOSTS is checked on every request, also for a view that never calls get_host()."""
    status, _, body = exchange(server, b"GET /?q=hello HTTP/1.1\r\n" + host_header + b"\r\n")
    assert status == 400
    assert b"ok hello" not in body


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "www.example.com", "example.com"])
def test_allowed_hosts_are_served(server, host):
    raw = ("GET /?q=hello HTTP/1.1\r\nHost: %s\r\n\r\n" % host).encode("ascii")
    assert exchange(server, raw)[::2] == (200, b"ok hello")


def test_debug_with_empty_allowed_hosts_serves_only_local_names(server):
    with override_settings(DEBUG=True, ALLOWED_HOSTS=[]):
        for host, expected in (("localhost", 200), ("sub.localhost", 200), ("127.0.0.1:8000", 200),
                               ("[::1]", 200), ("evil.com", 400), ("10.0.0.1", 400)):
            raw = ("GET /?q=hello HTTP/1.1\r\nHost: %s\r\n\r\n" % host).encode("ascii")
            assert (host, exchange(server, raw)[0]) == (host, expected)
    with override_settings(ALLOWED_HOSTS=["*"]):
        assert exchange(server, b"GET / HTTP/1.1\r\nHost: anything.example.org\r\n\r\n")[0] == 200
