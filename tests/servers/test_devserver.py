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
