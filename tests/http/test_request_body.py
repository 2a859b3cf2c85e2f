# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import io
import socket

import pytest

from http_test_environ import make_environ
from pyframework.conf import settings
from pyframework.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from pyframework.http import RawPostDataException, UnreadablePostError
from pyframework.http.request import WSGIRequest
from pyframework.utils.compat import JYTHON

FORM = "application/x-www-form-urlencoded"


def post(body, content_type=FORM, **kwargs):
    return WSGIRequest(make_environ("/submit", method="POST", body=body, content_type=content_type, **kwargs))


class FailingStream(object):
    """A wsgi.input whose read fails like a dropped or timed-out connection."""

    def __init__(self, exc, good=b""):
        self.exc = exc
        self.good = good

    def read(self, size=-1):
        if self.good:
            data, self.good = self.good, b""
            return data
        raise self.exc


class CountingStream(io.BytesIO):
    def __init__(self, data):
        io.BytesIO.__init__(self, data)
        self.requested = 0

    def read(self, size=-1):
        data = io.BytesIO.read(self, size)
        self.requested += len(data)
        return data


def test_urlencoded_form():
    request = post(b"name=J%C3%BCrgen+M&tags=a&tags=b&empty=")
    assert request.POST["name"] == "Jürgen M"
    assert request.POST.getlist("tags") == ["a", "b"]
    assert request.POST["empty"] == ""
    assert request.FILES == {}
    with pytest.raises(AttributeError):
        request.POST["x"] = "1"
    assert request.body == b"name=J%C3%BCrgen+M&tags=a&tags=b&empty="


def test_urlencoded_form_with_charset():
    request = post(b"v=%E9", content_type=FORM + "; charset=latin-1")
    assert request.POST["v"] == "é"


@pytest.mark.parametrize("body, problem", [
    (b"a=%E9", "utf-8"),
    (b"a=%", "percent-encoding"),
    (b"a=\xff", "utf-8"),
])
def test_invalid_form_data_is_a_bad_request(body, problem):
    request = post(body)
    with pytest.raises(BadRequest) as info:
        request.POST
    assert problem in str(info.value)
    assert "form data" in str(info.value)
    # Error pages can still look at the (empty) data.
    assert request.POST == {}


def test_post_is_only_parsed_for_post_requests():
    environ = make_environ("/", method="PUT", body=b"a=1", content_type=FORM)
    request = WSGIRequest(environ)
    assert request.POST == {}
    assert request.body == b"a=1"
    assert post(b"a=1", content_type="text/plain").POST == {}


def test_body_is_cached_and_stream_still_readable():
    request = post(b"line one\nline two\n", content_type="text/plain")
    assert request.body == b"line one\nline two\n"
    assert request.body is request.body
    assert request.readline() == b"line one\n"
    assert request.read() == b"line two\n"


def test_file_like_reading():
    request = post(b"a\nbb\nccc", content_type="text/plain")
    assert list(request) == [b"a\n", b"bb\n", b"ccc"]
    request = post(b"a\nbb\n", content_type="text/plain")
    assert request.readlines() == [b"a\n", b"bb\n"]
    request = post(b"abcdef", content_type="text/plain")
    assert request.read(2) == b"ab"
    assert request.readline(2) == b"cd"
    assert request.read() == b"ef"
    assert request.read() == b""


def test_body_after_reading_the_stream_is_an_error():
    request = post(b"abc", content_type="text/plain")
    request.read(1)
    with pytest.raises(RawPostDataException) as info:
        request.body
    assert "after reading" in str(info.value)


def test_never_reads_past_content_length():
    stream = CountingStream(b"a=1NEXT-REQUEST-ON-THE-SOCKET")
    request = WSGIRequest(make_environ("/", method="POST", content_type=FORM, content_length="3", stream=stream))
    assert request.POST["a"] == "1"
    assert stream.requested == 3


def test_stream_returning_more_than_asked_is_cut_at_content_length():
    class Greedy(object):
        def read(self, size=-1):
            return b"a=1&b=2EXTRA-BYTES"

    request = WSGIRequest(make_environ("/", method="POST", content_type=FORM, content_length="7", stream=Greedy()))
    assert request.body == b"a=1&b=2"
    assert request.POST.dict() == {"a": "1", "b": "2"}


@pytest.mark.parametrize("content_length", [None, ""])
def test_missing_content_length_means_no_body(content_length):
    environ = make_environ("/", method="POST", content_type=FORM, content_length=content_length,
                           stream=CountingStream(b"a=1"))
    request = WSGIRequest(environ)
    assert request.body == b""
    assert request.POST == {}


@pytest.mark.parametrize("content_length", ["abc", "-1", "1.5", "1e3", "0x10"])
def test_invalid_content_length_is_a_bad_request(content_length):
    with pytest.raises(BadRequest) as info:
        WSGIRequest(make_environ("/", method="POST", body=b"x", content_length=content_length))
    assert "Content-Length" in str(info.value)


def test_body_shorter_than_content_length():
    request = WSGIRequest(make_environ("/", method="POST", body=b"a=1", content_type=FORM, content_length="100"))
    with pytest.raises(UnreadablePostError) as info:
        request.POST
    message = str(info.value)
    assert "shorter than its Content-Length" in message
    assert "3 of 100" in message
    assert isinstance(info.value, BadRequest)
    assert isinstance(info.value, IOError)


@pytest.mark.parametrize("exc", [socket.timeout("timed out"), IOError("connection reset"), OSError("gone"),
                                 RuntimeError("container stream closed")])
def test_read_errors_become_unreadable_post_error(exc):
    request = WSGIRequest(make_environ("/", method="POST", content_type=FORM, content_length="10",
                                       stream=FailingStream(exc, good=b"a=1")))
    with pytest.raises(UnreadablePostError) as info:
        request.body
    assert "Error reading the request body" in str(info.value)
    assert str(exc) in str(info.value)


def test_chunked_body_is_read_to_the_end_of_the_stream():
    environ = make_environ("/", method="POST", body=b"a=1&b=2", content_type=FORM, content_length=None,
                           headers={"HTTP_TRANSFER_ENCODING": "chunked"})
    assert WSGIRequest(environ).POST.dict() == {"a": "1", "b": "2"}
    environ = make_environ("/", method="POST", body=b"x", content_type="text/plain", content_length=None)
    environ["wsgi.input_terminated"] = True
    assert WSGIRequest(environ).body == b"x"


def test_body_larger_than_data_upload_max_memory_size(monkeypatch):
    monkeypatch.setattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", 10)
    assert post(b"a=12345678").POST["a"] == "12345678"
    request = post(b"a=123456789")
    with pytest.raises(RequestDataTooBig) as info:
        request.POST
    assert "DATA_UPLOAD_MAX_MEMORY_SIZE" in str(info.value)
    with pytest.raises(RequestDataTooBig):
        post(b"x" * 11, content_type="application/json").body


def test_chunked_body_larger_than_the_limit(monkeypatch):
    monkeypatch.setattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", 10)
    environ = make_environ("/", method="POST", body=b"x" * 50, content_type="text/plain", content_length=None,
                           headers={"HTTP_TRANSFER_ENCODING": "chunked"})
    with pytest.raises(RequestDataTooBig):
        WSGIRequest(environ).body


def test_no_memory_limit(monkeypatch):
    monkeypatch.setattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", None)
    assert post(b"x" * 100000, content_type="text/plain").body == b"x" * 100000


def test_too_many_form_fields(monkeypatch):
    monkeypatch.setattr(settings, "DATA_UPLOAD_MAX_NUMBER_FIELDS", 2)
    with pytest.raises(TooManyFieldsSent):
        post(b"a=1&b=2&c=3").POST


def test_json_helper():
    request = post('{"name": "Zoë", "n": [1, 2]}'.encode("utf-8"), content_type="application/json")
    assert request.json() == {"name": "Zoë", "n": [1, 2]}


@pytest.mark.parametrize("body, message", [
    (b"", "empty"),
    (b"  ", "empty"),
    (b"{bad json", "not valid JSON"),
    (b"{\"a\": \"\xff\"}", "not valid UTF-8"),
])
def test_json_helper_errors(body, message):
    request = post(body, content_type="application/json")
    with pytest.raises(BadRequest) as info:
        request.json()
    assert message in str(info.value)


@pytest.mark.parametrize("depth", [101, 1000, 5000, 100000])
@pytest.mark.parametrize("opener, closer", [("[", "]"), ('{"a":', "}")])
def test_json_helper_bounds_nesting_depth(depth, opener, closer):
    """A small body nested deeply is a 400 with a clear message, not a RecursionError (or a Java
    StackOverflowError on Jython): the depth is checked before the recursive decoder runs."""
    request = post((opener * depth + "1" + closer * depth).encode("ascii"), content_type="application/json")
    with pytest.raises(BadRequest) as info:
        request.json()
    assert "nest deeper than 100 levels" in str(info.value)


def test_json_helper_accepts_nesting_up_to_the_limit():
    nested = "[" * 100 + "1" + "]" * 100
    value = post(nested.encode("ascii"), content_type="application/json").json()
    for _ in range(100):
        value = value[0]
    assert value == 1
    # Brackets inside strings are text, not nesting.
    body = '{"s": "%s", "t": "\\"[[["}' % ("[" * 500)
    assert post(body.encode("ascii"), content_type="application/json").json()["s"] == "[" * 500


def test_json_helper_unbalanced_brackets_are_invalid_json():
    request = post(b"]" * 500 + b"[" * 50, content_type="application/json")
    with pytest.raises(BadRequest) as info:
        request.json()
    assert "not valid JSON" in str(info.value)


def test_close_without_files_is_harmless():
    request = post(b"a=1")
    request.close()
    request.POST
    request.close()


def test_environ_without_wsgi_input_has_an_empty_body():
    environ = make_environ("/", method="POST", content_type=FORM, content_length="5")
    del environ["wsgi.input"]
    with pytest.raises(UnreadablePostError):
        WSGIRequest(environ).POST
    environ = make_environ("/", content_length=None)
    del environ["wsgi.input"]
    assert WSGIRequest(environ).body == b""


@pytest.mark.skipif(not JYTHON, reason="Java exceptions exist on Jython only")
def test_java_exception_from_servlet_input_stream_becomes_unreadable_post_error():
    from java.io import IOException

    class ServletInput(object):
        def read(self, size=-1):
            raise IOException("Connection reset by peer")

    request = WSGIRequest(make_environ("/", method="POST", content_type=FORM, content_length="10",
                                       stream=ServletInput()))
    with pytest.raises(UnreadablePostError) as info:
        request.POST
    assert "Connection reset by peer" in str(info.value)


def test_setting_encoding_re_decodes_post():
    request = post(b"city=M%FCnchen")
    with pytest.raises(BadRequest):
        request.POST
    request.encoding = "latin-1"
    assert request.POST["city"] == "München"
    assert request.POST.encoding == "latin-1"
