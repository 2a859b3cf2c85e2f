# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import datetime
import decimal

import pytest

from pyframework.utils.compat import text_type
from pyframework.utils.encoding import (
    escape_uri_path, filepath_to_uri, force_bytes, force_str, force_text, iri_to_uri, repercent_broken_unicode,
    uri_to_iri,
)
from pyframework.utils.functional import lazy


def test_force_text():
    assert force_text(b"caf\xc3\xa9") == "café"
    assert force_text(b"caf\xe9", "latin-1") == "café"
    assert force_text(12) == "12"
    assert isinstance(force_text(12), text_type)
    assert force_text(None) == "None"
    assert force_text(None, strings_only=True) is None
    day = datetime.date(2024, 1, 2)
    assert force_text(day, strings_only=True) is day
    assert force_text(bytearray(b"ab")) == "ab"
    assert force_str is force_text
    with pytest.raises(UnicodeDecodeError):
        force_text(b"\xff")
    assert force_text(b"\xff", errors="replace") == "\ufffd"


def test_force_text_of_exception_with_non_ascii_message():
    assert force_text(ValueError("café")) == "café"


def test_force_bytes():
    assert force_bytes("café") == b"caf\xc3\xa9"
    assert force_bytes("café", "latin-1") == b"caf\xe9"
    assert force_bytes(b"caf\xc3\xa9", "latin-1") == b"caf\xe9"
    assert force_bytes(memoryview(b"ab")) == b"ab"
    assert force_bytes(5) == b"5"
    assert force_bytes(decimal.Decimal("1.5")) == b"1.5"
    assert force_bytes(None, strings_only=True) is None


def test_lazy_values_are_forced():
    lazy_text = lazy(lambda: "später", text_type)()
    assert force_text(lazy_text) == "später"
    assert force_bytes(lazy_text) == "später".encode("utf-8")


@pytest.mark.parametrize("iri, uri", [
    ("/blog/for/Jürgen Münster/", "/blog/for/J%C3%BCrgen%20M%C3%BCnster/"),
    ("/search/?q=caf%C3%A9&x=1#top", "/search/?q=caf%C3%A9&x=1#top"),
    ("red%09rosé#red", "red%09ros%C3%A9#red"),
    ("/~user/(a)*!'", "/~user/(a)*!'"),
    ("http://example.com/♥", "http://example.com/%E2%99%A5"),
])
def test_iri_to_uri(iri, uri):
    assert iri_to_uri(iri) == uri
    assert iri_to_uri(uri) == uri


def test_iri_to_uri_none_and_lazy():
    assert iri_to_uri(None) is None
    assert iri_to_uri(lazy(lambda: "/é", text_type)()) == "/%C3%A9"


@pytest.mark.parametrize("uri, iri", [
    ("/%E2%99%A5%E2%99%A5/", "/♥♥/"),
    ("/%41%5a%6B/", "/AZk/"),
    ("/%2F%25%3F?q=%26", "/%2F%25%3F?q=%26"),
    ("/%20x%09%7F", "/%20x%09%7F"),
    ("/%FFok/%E2%99", "/%FFok/%E2%99"),
    ("/%zz", "/%zz"),
])
def test_uri_to_iri(uri, iri):
    assert uri_to_iri(uri) == iri
    assert uri_to_iri(None) is None


def test_escape_uri_path_and_filepath_to_uri():
    assert escape_uri_path("/;some/=awful/?path/:with/@lots/&of/+awful/chars") == \
        "/%3Bsome/%3Dawful/%3Fpath/:with/@lots/&of/+awful/chars"
    assert escape_uri_path("/ä ö/") == "/%C3%A4%20%C3%B6/"
    assert filepath_to_uri("upload\\chicago.png") == "upload/chicago.png"
    assert filepath_to_uri("upload\\ä.png") == "upload/%C3%A4.png"


def test_repercent_broken_unicode():
    assert repercent_broken_unicode(b"/caf\xc3\xa9/\xff\xfe/ok") == "/café/%FF%FE/ok"
    assert repercent_broken_unicode(b"plain") == "plain"
