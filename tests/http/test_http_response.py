# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import datetime
import decimal
import json
import time
import uuid

import pytest

from pyframework.conf import settings
from pyframework.core import signals
from pyframework.core.exceptions import DisallowedRedirect
from pyframework.utils.http import MAX_URL_REDIRECT_LENGTH
from pyframework.http import (
    BadHeaderError, Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, HttpResponseGone,
    HttpResponseNotAllowed, HttpResponseNotFound, HttpResponseNotModified, HttpResponsePermanentRedirect,
    HttpResponseRedirect, HttpResponseServerError, JsonResponse, StreamingHttpResponse, parse_cookie,
)
from pyframework.http.cookie import render_morsel
from pyframework.utils.compat import PY2
from pyframework.utils.http import parse_http_date


def set_cookie_headers(response):
    return [value for name, value in response.wsgi_headers() if name == "Set-Cookie"]


def test_defaults():
    response = HttpResponse()
    assert response.status_code == 200
    assert response.reason_phrase == "OK"
    assert response.content == b""
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.charset == "utf-8"
    assert not response.streaming
    assert issubclass(Http404, Exception)


def test_content_from_text_bytes_and_iterables():
    assert HttpResponse("café").content == "café".encode("utf-8")
    assert HttpResponse(b"\x00\xff").content == b"\x00\xff"
    assert HttpResponse(["a", b"b", 3]).content == b"ab3"
    assert HttpResponse(iter(["x", "y"])).content == b"xy"
    assert HttpResponse(12).content == b"12"
    response = HttpResponse("é", content_type="text/plain; charset=latin-1")
    assert response.charset == "latin-1"
    assert response.content == b"\xe9"
    assert HttpResponse("é", charset="utf-16").content == "é".encode("utf-16")


def test_content_iterable_is_closed():
    class Closing(object):
        closed = False

        def __iter__(self):
            return iter([b"a"])

        def close(self):
            self.closed = True

    source = Closing()
    assert HttpResponse(source).content == b"a"
    assert source.closed


def test_write_iteration_and_setter():
    response = HttpResponse("a")
    response.write("é")
    response.writelines([b"b", "c"])
    assert response.content == "aébc".encode("utf-8")
    assert list(response) == [b"a", "é".encode("utf-8"), b"b", b"c"]
    assert all(isinstance(chunk, bytes) for chunk in response)
    assert response.tell() == len(response.content)
    response.content = "new"
    assert list(response) == [b"new"]
    assert response.text == "new"


def test_status_and_reason():
    assert HttpResponse(status=429).reason_phrase == "Too Many Requests"
    assert HttpResponse(status=308).reason_phrase == "Permanent Redirect"
    assert HttpResponse(status=599).reason_phrase == "Unknown Status Code"
    assert HttpResponse(status=200, reason="Fine").reason_phrase == "Fine"
    response = HttpResponse(status="201")
    assert response.status_code == 201
    with pytest.raises(ValueError):
        HttpResponse(status=99)
    with pytest.raises(TypeError):
        HttpResponse(status="abc")


@pytest.mark.parametrize("cls, status", [
    (HttpResponseBadRequest, 400), (HttpResponseForbidden, 403), (HttpResponseNotFound, 404),
    (HttpResponseGone, 410), (HttpResponseServerError, 500),
])
def test_status_subclasses(cls, status):
    response = cls("body")
    assert response.status_code == status
    assert response.content == b"body"


def test_headers_are_case_insensitive_and_dict_like():
    response = HttpResponse(headers={"X-Custom": "1"})
    assert response["x-custom"] == "1"
    assert response.headers["X-CUSTOM"] == "1"
    assert response.has_header("X-Custom")
    assert "x-custom" in response
    response["Cache-Control"] = "no-cache"
    response.setdefault("cache-control", "max-age=10")
    response.setdefault("Vary", "Cookie")
    assert response["Cache-Control"] == "no-cache"
    assert response["Vary"] == "Cookie"
    del response["x-custom"]
    del response["not-there"]
    assert not response.has_header("X-Custom")
    assert response.get("X-Custom") is None
    assert dict(response.items())["Vary"] == "Cookie"
    response["Content-Length"] = 10
    assert response["Content-Length"] == "10"


def test_content_type_argument_and_header_conflict():
    assert HttpResponse(content_type="application/xml")["Content-Type"] == "application/xml"
    assert HttpResponse(headers={"Content-Type": "text/csv"})["Content-Type"] == "text/csv"
    with pytest.raises(ValueError) as info:
        HttpResponse(content_type="text/plain", headers={"Content-Type": "text/csv"})
    assert "content_type" in str(info.value)


@pytest.mark.parametrize("value", ["a\nb", "a\rb", "a\r\nSet-Cookie: x=1"])
def test_header_values_with_newlines_are_rejected(value):
    response = HttpResponse()
    with pytest.raises(BadHeaderError) as info:
        response["X-Injected"] = value
    assert "newlines" in str(info.value)
    with pytest.raises(BadHeaderError):
        HttpResponse(headers={"X-Injected": value})


@pytest.mark.parametrize("name", ["Bad Name", "X:Y", "Ünicode", "", "X\nY", "X-Trailing\n"])
def test_bad_header_names_are_rejected(name):
    with pytest.raises(BadHeaderError):
        HttpResponse()[name] = "v"


def test_non_latin1_header_values_are_mime_encoded():
    response = HttpResponse()
    response["X-Latin"] = "café"
    response["X-Name"] = "€ rates"
    assert response["X-Latin"] == "café"
    assert response["X-Name"] == "=?utf-8?b?4oKsIHJhdGVz?="
    response["X-Bytes"] = b"raw"
    assert response["X-Bytes"] == "raw"


def test_wsgi_headers_are_native_strings_with_one_set_cookie_each():
    response = HttpResponse(headers={"X-Latin": "café"})
    response.set_cookie("a", "1")
    response.set_cookie("b", "2")
    pairs = response.wsgi_headers()
    for name, value in pairs:
        assert type(name) is str
        assert type(value) is str
    cookies = set_cookie_headers(response)
    assert sorted(cookie.split(";")[0] for cookie in cookies) == ["a=1", "b=2"]
    latin = dict(pairs)["X-Latin"]
    assert latin == ("café".encode("latin-1") if PY2 else "café")
    assert HttpResponse().wsgi_headers() == [("Content-Type", "text/html; charset=utf-8")]
    assert response.serialize_headers().startswith(b"X-Latin: caf\xe9\r\nContent-Type")


def test_set_cookie_attributes():
    response = HttpResponse()
    response.set_cookie("sid", "abc", max_age=3600, path="/app", domain=".example.com", secure=True,
                        httponly=True, samesite="Lax")
    header = set_cookie_headers(response)[0]
    parts = [part.strip() for part in header.split(";")]
    assert parts[0] == "sid=abc"
    assert "Max-Age=3600" in parts
    assert "Path=/app" in parts
    assert "Domain=.example.com" in parts
    assert "Secure" in parts
    assert "HttpOnly" in parts
    assert "SameSite=Lax" in parts
    expires = [part for part in parts if part.lower().startswith("expires=")][0]
    expires_at = parse_http_date(expires.split("=", 1)[1])
    assert 3500 < expires_at - time.time() < 3700
    assert response.cookies["sid"].value == "abc"


def test_set_cookie_expires_forms():
    response = HttpResponse()
    in_one_hour = datetime.datetime.utcnow() + datetime.timedelta(hours=1)
    response.set_cookie("dt", "1", expires=in_one_hour)
    assert 3590 <= int(response.cookies["dt"]["max-age"]) <= 3601
    response.set_cookie("text", "1", expires="Thu, 01 Jan 2037 00:00:00 GMT")
    assert response.cookies["text"]["expires"] == "Thu, 01 Jan 2037 00:00:00 GMT"
    assert response.cookies["text"]["max-age"] == ""
    response.set_cookie("delta", "1", max_age=datetime.timedelta(days=1))
    assert response.cookies["delta"]["max-age"] == 86400
    with pytest.raises(TypeError):
        response.set_cookie("bad", "1", max_age="soon")


def test_samesite_values():
    response = HttpResponse()
    for value in ("Strict", "none", "LAX"):
        response.set_cookie("c", "v", samesite=value)
        assert "SameSite=%s" % value in set_cookie_headers(response)[0]
    with pytest.raises(ValueError) as info:
        response.set_cookie("c", "v", samesite="sometimes")
    assert "samesite must be" in str(info.value)


def test_cookie_values_needing_quotes_round_trip():
    response = HttpResponse()
    response.set_cookie("msg", 'hello; world "quoted"')
    header = set_cookie_headers(response)[0]
    cookie_pair = header.split("; Path")[0]
    assert parse_cookie(cookie_pair)["msg"] == 'hello; world "quoted"'


def test_delete_cookie():
    response = HttpResponse()
    response.delete_cookie("sid", path="/app")
    header = set_cookie_headers(response)[0]
    assert header.startswith("sid=;") or header.startswith('sid="";')
    assert "Max-Age=0" in header
    assert "01 Jan 1970" in header
    assert "Path=/app" in header
    assert "Secure" not in header
    response.delete_cookie("__Host-token")
    assert "Secure" in response.cookies["__Host-token"].OutputString()
    response.delete_cookie("cross", samesite="None")
    assert "SameSite=None" in response.cookies["cross"].OutputString()
    assert "Secure" in response.cookies["cross"].OutputString()


@pytest.mark.parametrize("kwargs", [
    {},
    {"max_age": 0},
    {"max_age": 3600, "secure": True, "httponly": True, "samesite": "Strict"},
    {"expires": "Thu, 01 Jan 2037 00:00:00 GMT", "domain": ".example.com", "path": "/a b"},
    {"path": None},
])
def test_rendered_set_cookie_matches_the_standard_library(kwargs):
    response = HttpResponse()
    response.set_cookie("name", 'va"lue;', **kwargs)
    morsel = response.cookies["name"]
    assert render_morsel(morsel) == morsel.OutputString()
    assert type(render_morsel(morsel)) is str


def test_rendered_set_cookie_with_rare_attributes():
    response = HttpResponse()
    response.set_cookie("c", "v")
    response.cookies["c"]["comment"] = "a comment"
    response.cookies["c"]["version"] = "1"
    assert render_morsel(response.cookies["c"]) == response.cookies["c"].OutputString()
    response.cookies["c"]["expires"] = 60
    assert render_morsel(response.cookies["c"]) == response.cookies["c"].OutputString()


def test_parse_cookie():
    assert parse_cookie("a=1; b=2;c=3") == {"a": "1", "b": "2", "c": "3"}
    assert parse_cookie('q="a\\"b\\\\c"; oct="\\054x"') == {"q": 'a"b\\c', "oct": ",x"}
    assert parse_cookie("novalue; k=; =v") == {"": "v", "k": ""}
    assert parse_cookie("") == {}
    assert parse_cookie("  spaced = out  ") == {"spaced": "out"}


def test_close_calls_closers_and_sends_request_finished():
    calls = []

    def on_finished(sender, **kwargs):
        calls.append(sender)

    signals.request_finished.connect(on_finished)
    try:
        response = HttpResponse()
        response._resource_closers.append(lambda: calls.append("closer"))
        response._resource_closers.append(lambda: 1 / 0)
        response._handler_class = "handler"
        response.close()
    finally:
        signals.request_finished.disconnect(on_finished)
    assert calls == ["closer", "handler"]


def test_redirects():
    response = HttpResponseRedirect("/next/?a=1")
    assert response.status_code == 302
    assert response.url == "/next/?a=1"
    assert response["Location"] == "/next/?a=1"
    assert HttpResponsePermanentRedirect("https://example.com/").status_code == 301
    assert HttpResponseRedirect("/café/").url == "/caf%C3%A9/"
    assert HttpResponseRedirect("mailto-less/relative").url == "mailto-less/relative"
    assert "url='/x'" in repr(HttpResponseRedirect("/x"))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "JAVASCRIPT:alert(1)", "file:///etc"])
def test_unsafe_redirects_are_refused(url):
    with pytest.raises(DisallowedRedirect) as info:
        HttpResponseRedirect(url)
    assert "Unsafe redirect" in str(info.value)


def test_redirect_targets_longer_than_the_limit_are_refused():
    base = "https://example.com/"
    longest = base + "x" * (MAX_URL_REDIRECT_LENGTH - len(base))
    assert HttpResponseRedirect(longest).url == longest
    with pytest.raises(DisallowedRedirect) as info:
        HttpResponsePermanentRedirect(longest + "x")
    assert str(info.value) == "Unsafe redirect exceeding %d characters" % MAX_URL_REDIRECT_LENGTH


def test_not_allowed_and_not_modified():
    response = HttpResponseNotAllowed(["GET", "POST"])
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    not_modified = HttpResponseNotModified()
    assert not_modified.status_code == 304
    assert not not_modified.has_header("Content-Type")
    assert not_modified.content == b""
    with pytest.raises(AttributeError):
        not_modified.content = "body"


def test_json_response():
    data = {
        "when": datetime.datetime(2024, 5, 17, 10, 30, 15, 123456),
        "day": datetime.date(2024, 5, 17),
        "time": datetime.time(8, 5, 3, 250000),
        "price": decimal.Decimal("9.99"),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "span": datetime.timedelta(days=1, hours=2, minutes=3, seconds=4),
        "name": "Zoë",
    }
    response = JsonResponse(data)
    assert response["Content-Type"] == "application/json"
    decoded = json.loads(response.content.decode("utf-8"))
    assert decoded == {
        "when": "2024-05-17T10:30:15.123", "day": "2024-05-17", "time": "08:05:03.250", "price": "9.99",
        "id": "12345678-1234-5678-1234-567812345678", "span": "P1DT02H03M04S", "name": "Zoë",
    }


def test_json_response_safety_and_options():
    with pytest.raises(TypeError) as info:
        JsonResponse([1, 2])
    assert "safe parameter" in str(info.value)
    assert JsonResponse([1, 2], safe=False).content == b"[1, 2]"
    assert JsonResponse({"a": 1}, json_dumps_params={"separators": (",", ":")}).content == b'{"a":1}'
    assert JsonResponse({"a": 1}, status=201).status_code == 201
    with pytest.raises(TypeError):
        JsonResponse({"a": object()})


def test_streaming_response():
    response = StreamingHttpResponse(iter(["a", b"b", "é"]))
    assert response.streaming
    assert list(response) == [b"a", b"b", "é".encode("utf-8")]
    with pytest.raises(AttributeError) as info:
        response.content
    assert "streaming_content" in str(info.value)
    response = StreamingHttpResponse(["x", "y"], content_type="text/plain")
    assert response.getvalue() == b"xy"
    assert response["Content-Type"] == "text/plain"


def test_default_content_type_uses_settings(monkeypatch):
    monkeypatch.setattr(settings, "DEFAULT_CHARSET", "latin-1")
    response = HttpResponse("é")
    assert response["Content-Type"] == "text/html; charset=latin-1"
    assert response.content == b"\xe9"
