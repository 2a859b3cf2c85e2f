# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import datetime

import pytest

from pyframework.utils.datastructures import MultiValueDict
from pyframework.utils.http import (
    base36_to_int, content_disposition_header, escape_leading_slashes, http_date, int_to_base36,
    is_same_domain, parse_etags, parse_header_parameters, parse_http_date, parse_http_date_safe,
    quote_etag, url_has_allowed_host_and_scheme, urlencode, urlsafe_base64_decode, urlsafe_base64_encode,
)

NOV_6_1994 = 784111777


def test_http_date():
    assert http_date(NOV_6_1994) == "Sun, 06 Nov 1994 08:49:37 GMT"
    assert http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT"
    assert http_date().endswith(" GMT")


@pytest.mark.parametrize("value", [
    "Sun, 06 Nov 1994 08:49:37 GMT",
    "Sunday, 06-Nov-94 08:49:37 GMT",
    "Sun Nov  6 08:49:37 1994",
])
def test_parse_http_date_formats(value):
    assert parse_http_date(value) == NOV_6_1994


def test_parse_http_date_two_digit_year_in_the_future_is_last_century():
    next_year = (datetime.datetime.utcnow().year + 60) % 100
    parsed = parse_http_date("Monday, 10-Nov-%02d 00:00:00 GMT" % next_year)
    assert datetime.datetime.utcfromtimestamp(parsed).year < datetime.datetime.utcnow().year


@pytest.mark.parametrize("value", ["", "yesterday", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT"])
def test_parse_http_date_invalid(value):
    with pytest.raises(ValueError):
        parse_http_date(value)
    assert parse_http_date_safe(value) is None


def test_urlencode():
    assert urlencode([("a", "1"), ("b", "x y&z")]) == "a=1&b=x+y%26z"
    assert urlencode({"q": "café"}) == "q=caf%C3%A9"
    assert urlencode({"a": ["1", "2"]}, doseq=True) == "a=1&a=2"
    assert urlencode({"a": (1, 2)}) == "a=%281%2C+2%29"
    assert urlencode(MultiValueDict({"a": ["1", "2"]}), doseq=True) == "a=1&a=2"
    assert urlencode({"n": 3}) == "n=3"
    with pytest.raises(TypeError) as info:
        urlencode({"a": None})
    assert "None" in str(info.value)
    with pytest.raises(TypeError):
        urlencode({"a": ["1", None]}, doseq=True)


@pytest.mark.parametrize("url, allowed", [
    ("/next/", True),
    ("next/", True),
    ("https://testserver/next", True),
    ("//testserver/next", True),
    ("http://evil.com/", False),
    ("//evil.com", False),
    ("///evil.com", False),
    ("\\\\evil.com", False),
    ("/\\evil.com", False),
    ("javascript:alert(1)", False),
    ("http:///evil.com", False),
    ("\x08//evil.com", False),
    ("", False),
    (None, False),
    ("ftp://testserver/", False),
    ("/" + "a" * 2047, True),
    ("/" + "a" * 2048, False),  # longer than MAX_URL_LENGTH
])
def test_url_has_allowed_host_and_scheme(url, allowed):
    assert url_has_allowed_host_and_scheme(url, {"testserver"}) is allowed


def test_url_has_allowed_host_and_scheme_https_only():
    assert not url_has_allowed_host_and_scheme("http://testserver/", "testserver", require_https=True)
    assert url_has_allowed_host_and_scheme("https://testserver/", "testserver", require_https=True)
    assert not url_has_allowed_host_and_scheme("https://testserver/", None)


def test_etags():
    assert quote_etag("abc") == '"abc"'
    assert quote_etag('"abc"') == '"abc"'
    assert quote_etag('W/"abc"') == 'W/"abc"'
    assert parse_etags('"a", W/"b" ,"c"') == ['"a"', 'W/"b"', '"c"']
    assert parse_etags("*") == ["*"]
    assert parse_etags("garbage") == []


@pytest.mark.parametrize("host, pattern, expected", [
    ("example.com", "example.com", True),
    ("EXAMPLE.com", "example.COM", True),
    ("www.example.com", ".example.com", True),
    ("example.com", ".example.com", True),
    ("notexample.com", ".example.com", False),
    ("example.com.evil", ".example.com", False),
    ("anything", "*", True),
    ("example.com", "", False),
])
def test_is_same_domain(host, pattern, expected):
    assert is_same_domain(host, pattern) is expected


def test_parse_header_parameters():
    assert parse_header_parameters("text/HTML; Charset=UTF-8") == ("text/html", {"charset": "UTF-8"})
    assert parse_header_parameters("text/plain") == ("text/plain", {})
    value, params = parse_header_parameters('form-data; name="a;b"; filename="C:\\\\x\\\\\\"q\\".txt"')
    assert value == "form-data"
    assert params == {"name": "a;b", "filename": 'C:\\x\\"q".txt'}
    _, params = parse_header_parameters("attachment; filename=plain.txt; filename*=UTF-8''%E2%82%AC%20rates.txt")
    assert params["filename"] == "€ rates.txt"
    _, params = parse_header_parameters("attachment; filename*=iso-8859-1'en'%E9t%E9.txt")
    assert params["filename"] == "été.txt"
    _, params = parse_header_parameters("attachment; filename*0*=UTF-8''%E2%82; filename*1*=%AC; filename*2=.txt")
    assert params["filename"] == "€.txt"
    _, params = parse_header_parameters("attachment; filename*=nonsense''abc")
    assert params["filename"] == "abc"


def test_content_disposition_header():
    assert content_disposition_header(False, "") is None
    assert content_disposition_header(True, "") == "attachment"
    assert content_disposition_header(True, "a.txt") == 'attachment; filename="a.txt"'
    assert content_disposition_header(False, "é.txt") == "inline; filename*=utf-8''%C3%A9.txt"


def test_base64_and_base36():
    for data in (b"", b"a", b"ab", b"abc", b"\xff\xfe\x00"):
        assert urlsafe_base64_decode(urlsafe_base64_encode(data)) == data
    assert "=" not in urlsafe_base64_encode(b"a")
    with pytest.raises(ValueError):
        urlsafe_base64_decode("a")
    assert int_to_base36(0) == "0"
    assert int_to_base36(35) == "z"
    assert base36_to_int(int_to_base36(2 ** 40)) == 2 ** 40
    with pytest.raises(ValueError):
        int_to_base36(-1)
    with pytest.raises(ValueError):
        base36_to_int("z" * 14)


def test_escape_leading_slashes():
    assert escape_leading_slashes("//evil.com/x") == "/%2Fevil.com/x"
    assert escape_leading_slashes("/ok") == "/ok"
