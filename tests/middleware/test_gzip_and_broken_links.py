"""GZipMiddleware, BrokenLinkEmailsMiddleware and mail_admins / mail_managers."""
from __future__ import unicode_literals

import gzip
import io
import re

import pytest

from pyframework.core import mail
from pyframework.http import HttpResponse, StreamingHttpResponse
from pyframework.middleware.common import BrokenLinkEmailsMiddleware
from pyframework.middleware.gzip import GZipMiddleware
from pyframework.test import RequestFactory, override_settings
from pyframework.utils.text import compress_sequence, compress_string

LOCMEM = "pyframework.core.mail.backends.locmem.EmailBackend"
TEXT = b"The quick brown fox jumps over the lazy dog. " * 20


def gunzip(data):
    return gzip.GzipFile(fileobj=io.BytesIO(data)).read()


@pytest.fixture
def outbox():
    mail.outbox = None
    with override_settings(EMAIL_BACKEND=LOCMEM, MANAGERS=[("Mo", "mo@example.com")],
                           ADMINS=[("Al", "al@example.com")], SERVER_EMAIL="server@example.com",
                           EMAIL_SUBJECT_PREFIX="[site] ", DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        yield lambda: mail.outbox or []
    mail.outbox = None


def test_compress_string_and_sequence_round_trip():
    assert gunzip(compress_string(TEXT)) == TEXT
    padded = [compress_string(TEXT, max_random_bytes=100) for _ in range(20)]
    assert all(gunzip(data) == TEXT for data in padded)
    assert len(set(len(data) for data in padded)) > 1  # the random header padding varies
    assert gunzip(b"".join(compress_sequence([TEXT[:100], TEXT[100:]]))) == TEXT


def test_gzip_middleware_compresses_what_is_worth_it():
    def respond(accept, response):
        request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept)
        return GZipMiddleware(lambda r: response)(request)

    response = HttpResponse(TEXT)
    response["ETag"] = '"abc"'
    response = respond("gzip, deflate", response)
    assert response["Content-Encoding"] == "gzip" and gunzip(response.content) == TEXT
    assert response["Content-Length"] == str(len(response.content))
    assert response["ETag"] == 'W/"abc"' and "Accept-Encoding" in response["Vary"]
    assert not respond("identity", HttpResponse(TEXT)).has_header("Content-Encoding")
    assert not respond("gzip", HttpResponse(b"short")).has_header("Content-Encoding")
    streamed = respond("gzip", StreamingHttpResponse(iter([TEXT, TEXT])))
    assert streamed["Content-Encoding"] == "gzip"
    assert gunzip(b"".join(streamed.streaming_content)) == TEXT + TEXT


def test_mail_admins_and_managers(outbox):
    mail.mail_admins("boom", "trace", html_message="<p>trace</p>")
    mail.mail_managers("hello", "body")
    sent = outbox()
    assert [(m.subject, m.to, m.from_email) for m in sent] == [
        ("[site] boom", ["al@example.com"], "server@example.com"),
        ("[site] hello", ["mo@example.com"], "server@example.com")]
    assert sent[0].alternatives[0][1] == "text/html"
    with override_settings(MANAGERS=["not-a-pair@example.com"]):
        with pytest.raises(ValueError):
            mail.mail_managers("x", "y")


def test_broken_links_from_a_page_are_reported(outbox):
    def visit(path, referer=None, status=404):
        extra = {"HTTP_REFERER": referer} if referer else {}
        request = RequestFactory().get(path, HTTP_USER_AGENT="Tester", **extra)
        BrokenLinkEmailsMiddleware(lambda r: HttpResponse(status=status))(request)

    visit("/missing/", "http://testserver/page/")
    visit("/gone/", "http://elsewhere.example/links")
    visit("/missing/")  # typed in: no Referer
    visit("/found/", "http://testserver/page/", status=200)
    visit("/loop/", "http://testserver/loop/")  # a page pointing at itself
    visit("/bot/", "http://elsewhere.example/?q=1")
    with override_settings(IGNORABLE_404_URLS=[re.compile(r"^/favicon")]):
        visit("/favicon.ico", "http://testserver/")
    sent = outbox()
    assert [m.subject for m in sent] == ["[site] Broken INTERNAL link on testserver",
                                         "[site] Broken link on testserver"]
    assert "Referrer: http://testserver/page/\nRequested URL: /missing/\nUser agent: Tester" in sent[0].body
