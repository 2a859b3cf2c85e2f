"""A tiny HTTP client for the deployment tests: standard library only.

``fetch`` covers well-formed requests (no redirects are followed, so a 302
can be inspected). ``exchange`` writes raw bytes on a socket, for requests a
polite client refuses to send: lying Content-Length, oversized bodies.
"""
from __future__ import absolute_import, division, unicode_literals

import json
import re
import select
import socket

from pyframework.utils.compat import PY2, text_type, urlencode, urlsplit

if PY2:  # pragma: no cover - Jython
    import httplib as http_client
else:
    import http.client as http_client


class Response(object):
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-cased name -> value
        self.body = body        # bytes

    @property
    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.text)

    def header(self, name):
        return self.headers.get(name.lower(), "")

    def __repr__(self):
        return "<Response %d %r %r>" % (self.status, self.headers, self.body[:300])


def fetch(url, method="GET", body=None, headers=None, timeout=30):
    """Send one request on a fresh connection and read the whole answer."""
    parts = urlsplit(url)
    connection = http_client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    target = parts.path + ("?" + parts.query if parts.query else "")
    try:
        connection.request(str(method), str(target), body, dict(headers or {}))
        answer = connection.getresponse()
        body_bytes = answer.read()
        received = {}
        for name, value in answer.getheaders():
            # A repeated header shows up as one comma-joined value, so a test
            # notices when the container adds its own copy next to the app's.
            name = name.lower()
            received[name] = received[name] + ", " + value if name in received else value
        return Response(answer.status, received, body_bytes)
    finally:
        connection.close()


def multipart_body(fields, files, boundary):
    """Encode ``fields`` {name: text} and ``files`` {name: (filename, bytes)}."""
    dash = b"--" + boundary.encode("ascii")
    chunks = []
    for name, value in sorted(fields.items()):
        chunks.extend([dash, ('Content-Disposition: form-data; name="%s"' % name).encode("utf-8"),
                       b"", value.encode("utf-8")])
    for name, (filename, content) in sorted(files.items()):
        disposition = 'Content-Disposition: form-data; name="%s"; filename="%s"' % (name, filename)
        chunks.extend([dash, disposition.encode("utf-8"),
                       b"Content-Type: application/octet-stream", b"", content])
    chunks.extend([dash + b"--", b""])
    return b"\r\n".join(chunks)


def parse_status(raw):
    """Status code of a raw HTTP/1.x answer; 0 if none arrived."""
    first_line = raw.split(b"\r\n", 1)[0].split(b" ")
    if len(first_line) < 2 or not first_line[0].startswith(b"HTTP/"):
        return 0
    return int(first_line[1])


def exchange(base_url, head, body=b"", chunk_size=65536, timeout=30):
    """Write ``head`` and ``body`` raw, return (status, raw answer bytes).

    The body goes out in chunks, and sending stops as soon as the server
    starts answering: a server that refuses a huge body answers early and
    may close the connection before reading the rest.
    """
    parts = urlsplit(base_url)
    connection = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
    received = []
    try:
        try:
            connection.sendall(head)
            for start in range(0, len(body), chunk_size):
                readable = select.select([connection], [], [], 0)[0]
                if readable:
                    break
                connection.sendall(body[start:start + chunk_size])
        except socket.error:
            pass  # the server hung up mid-body; its answer may be readable
        while True:
            try:
                data = connection.recv(65536)
            except socket.error:
                break
            if not data:
                break
            received.append(data)
            if b"\r\n\r\n" in b"".join(received) and not _expects_more(b"".join(received)):
                break
    finally:
        connection.close()
    raw = b"".join(received)
    return parse_status(raw), raw


def _expects_more(raw):
    """True while a Content-Length-framed answer is still incomplete."""
    head, _, body = raw.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) < int(value.strip())
    return False


# --- forms, as a browser submits them ---------------------------------------

FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}


def fetch_ok(url, *args, **options):
    """``fetch`` that insists on 200 OK and returns the response."""
    response = fetch(url, *args, **options)
    assert response.status == 200, response
    return response


def csrf_credentials(server, page):
    """Load the form ``page`` as a browser does: (Cookie header value, hidden token)."""
    form = fetch_ok(server + page)
    cookie = re.search(r"csrftoken=([A-Za-z0-9]+)", form.header("Set-Cookie"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', form.text)
    assert cookie and token, form
    return "csrftoken=%s" % cookie.group(1), token.group(1)


def post_form(server, page, fields):
    """POST ``fields`` (urlencoded) from the form on ``page``, with its CSRF cookie and token."""
    cookie, token = csrf_credentials(server, page)
    fields = dict(fields, csrfmiddlewaretoken=token)
    body = urlencode(sorted((name, value.encode("utf-8") if isinstance(value, text_type) else value)
                            for name, value in fields.items())).encode("ascii")
    return fetch(server + page, "POST", body, dict(FORM_HEADERS, Cookie=cookie))
