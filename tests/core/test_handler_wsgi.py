"""WSGIHandler at the WSGI level: PEP 3333 compliance, signals, bad input, HEAD, file streaming."""
from __future__ import unicode_literals

from wsgiref.validate import validator

import pytest

from pyframework.core import signals
from pyframework.core.handlers.wsgi import WSGIHandler
from pyframework.core.wsgi import get_wsgi_application
from pyframework.test import Client, RequestFactory, override_settings


@pytest.fixture(autouse=True)
def handler_urlconf():
    with override_settings(ROOT_URLCONF="handler_urls", DEBUG=False, MIDDLEWARE=[]):
        yield


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def call(app, environ):
    """Run one WSGI request; return (status, headers dict, body)."""
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, headers
        return lambda data: None

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()
    return seen["status"], dict(seen["headers"]), body


def test_get_wsgi_application_returns_a_ready_handler():
    application = get_wsgi_application()
    assert isinstance(application, WSGIHandler)
    status, headers, body = call(validator(application), RequestFactory()._base_environ(PATH_INFO="/ok/"))
    assert status == "200 OK"
    assert body == b"ok: GET"
    assert headers["Content-Type"].startswith("text/html")


def test_status_and_headers_are_native_strings():
    status, headers, _ = call(WSGIHandler(), RequestFactory()._base_environ(PATH_INFO="/nowhere/"))
    assert type(status) is str and status.startswith("404 ")
    assert all(type(name) is str and type(value) is str for name, value in headers.items())


def test_signals_are_sent_and_request_finished_waits_for_close():
    events = []

    def started(sender, **kwargs):
        events.append(("started", kwargs["environ"]["PATH_INFO"]))

    def finished(sender, **kwargs):
        events.append(("finished", sender))

    signals.request_started.connect(started, dispatch_uid="test-started")
    signals.request_finished.connect(finished, dispatch_uid="test-finished")
    try:
        handler = WSGIHandler()
        result = handler(RequestFactory()._base_environ(PATH_INFO="/ok/"), lambda status, headers: None)
        assert events == [("started", "/ok/")]
        b"".join(result)
        result.close()
    finally:
        signals.request_started.disconnect(dispatch_uid="test-started")
        signals.request_finished.disconnect(dispatch_uid="test-finished")
    assert events == [("started", "/ok/"), ("finished", WSGIHandler)]


def test_head_response_has_no_body(client):
    response = client.head("/ok/")
    assert response.status_code == 200
    assert response.content == b""
    assert client.get("/ok/").content == b"ok: GET"


def test_script_name_sets_the_script_prefix(client):
    response = client.get("/prefix/", SCRIPT_NAME="/mounted")
    assert response.content == b"/mounted/"
    assert client.get("/prefix/").content == b"/"


def test_file_response_uses_the_servers_file_wrapper():
    wrapped = []

    class FileWrapper(object):
        def __init__(self, filelike, block_size=8192):
            wrapped.append(filelike)
            self.filelike = filelike

        def __iter__(self):
            return iter(lambda: self.filelike.read(4096), b"")

        def close(self):
            self.filelike.close()

    environ = RequestFactory()._base_environ(PATH_INFO="/file/")
    environ["wsgi.file_wrapper"] = FileWrapper
    status, headers, body = call(WSGIHandler(), environ)
    assert status == "200 OK"
    assert len(wrapped) == 1
    assert b"streamed_file" in body


# Bad input: always a 4xx, never a 500.

def test_invalid_utf8_path_is_400(client):
    response = client.get("/ok%FF%FE/")
    assert response.status_code == 400


def test_bad_percent_encoding_in_query_is_400(client):
    response = client.get("/query/", QUERY_STRING="name=%FF%FE")
    assert response.status_code == 400


@pytest.mark.parametrize("query", ["name=%ZZ", "name=%FF%FE"])
def test_malformed_query_is_400_even_for_a_view_that_never_reads_it(client, query):
    response = client.get("/ok/", QUERY_STRING=query)
    assert response.status_code == 400
    assert b"ok: GET" not in response.content


def test_oversized_form_body_is_413(client):
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100):
        response = client.post("/form/", "field=" + "x" * 500,
                               content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert b"Too Large" in response.content


def test_body_shorter_than_content_length_is_400(client):
    response = client.post("/body/", "a=1", content_type="application/x-www-form-urlencoded",
                           CONTENT_LENGTH="100")
    assert response.status_code == 400


def test_broken_multipart_body_is_400(client):
    response = client.post("/form/", b"--nope\r\nthis is not multipart",
                           content_type="multipart/form-data; boundary=xyz")
    assert response.status_code == 400


def test_multipart_without_boundary_is_400(client):
    response = client.post("/form/", b"field=1", content_type="multipart/form-data")
    assert response.status_code == 400


def test_form_fields_are_read(client):
    response = client.post("/form/", {"b": "2", "a": "1"})
    assert response.status_code == 200
    assert response.content == b"a,b"
