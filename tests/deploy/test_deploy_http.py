"""The example WAR, deployed on real containers, answers HTTP as it should.

Every test takes the ``server`` fixture (tests/deploy/conftest.py), so it
runs once on stand-alone Tomcat and once on Payara Micro. URLs are relative
to the context path /mysite.
"""
from __future__ import absolute_import, division, unicode_literals

import hashlib
import random
import re
import threading
import uuid

from deploy_http import FORM_HEADERS, csrf_credentials, exchange, fetch, fetch_ok, multipart_body, post_form
from pyframework.utils.compat import quote, urljoin, urlsplit

# A CSRF secret of the right form: the raw requests below must get past the
# CSRF check to reach the body handling they test.
RAW_CSRF_COOKIE = b"Cookie: csrftoken=" + b"x" * 32


def host_header(server):
    return ("Host: %s" % urlsplit(server).netloc).encode("ascii")


def assert_still_serving(server):
    fetch_ok(server + "/")


# --- pages -----------------------------------------------------------------

def test_home_page_renders_the_template_on_jython(server):
    home = fetch_ok(server + "/")
    content_type = home.header("Content-Type")
    assert content_type.startswith("text/html"), content_type
    assert "charset=utf-8" in content_type.lower().replace(" ", "")
    assert "pyframework demo" in home.text
    # The WAR runs the framework on Jython, not on some CPython behind it.
    assert "Jython" in home.text


def test_blog_is_served_in_german_when_the_browser_asks(server):
    """The WAR carries the compiled catalogs and format modules: Jython reads them from WEB-INF/python."""
    german = fetch_ok(server + "/blog/", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert german.header("Content-Language") == "de"
    assert '<html lang="de">' in german.text
    assert "Beitrag schreiben" in german.text and "Ausgeliefert von pyframework." in german.text
    english = fetch_ok(server + "/blog/")
    assert '<html lang="en">' in english.text and "Write a post" in english.text


def test_sitemap_and_atom_feed_carry_the_context_path(server):
    """The blog's sitemap and Atom feed, rendered on Jython, with absolute links under /mysite/."""
    import xml.etree.ElementTree as ET

    base = urlsplit(server)
    sitemap = fetch_ok(server + "/sitemap.xml")
    assert sitemap.header("Content-Type").startswith("application/xml"), sitemap.header("Content-Type")
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [url.findtext(namespace + "loc") for url in ET.fromstring(sitemap.body).findall(namespace + "url")]
    assert "%s://%s/mysite/blog/" % (base.scheme, base.netloc) in locations, locations
    assert fetch(server + "/sitemap.xml?p=99").status == 404
    feed = fetch_ok(server + "/blog/feed/")
    # Tomcat writes "type;charset=..." without the space the application sent.
    assert feed.header("Content-Type").replace(" ", "").lower() == "application/atom+xml;charset=utf-8"
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(feed.body)
    assert root.findtext(atom + "title") == "Latest posts"
    assert "%s://%s/mysite/blog/" % (base.scheme, base.netloc) in [link.get("href") for link in root.findall(atom + "link")]
    german = fetch_ok(server + "/blog/feed/", headers={"Accept-Language": "de"})
    assert ET.fromstring(german.body).findtext(atom + "title") != "Latest posts"  # translated


def test_home_page_links_a_stylesheet_that_resolves(server):
    home = fetch(server + "/")
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', home.text)
    assert links, home.text
    stylesheet_url = urljoin(server + "/", links[0])
    # The link must carry the context path, or a browser would miss the file.
    assert urlsplit(stylesheet_url).path == "/mysite/static/demo/site.css", links
    assert fetch_ok(stylesheet_url).header("Content-Type").startswith("text/css")


def test_security_headers_are_sent(server):
    home = fetch(server + "/")
    assert home.header("X-Content-Type-Options") == "nosniff"
    assert home.header("X-Frame-Options") == "DENY"


def test_hello_greets_by_name(server):
    hello = fetch_ok(server + "/hello/world/")
    assert "Hello, world!" in hello.text


def test_hello_escapes_markup_in_the_name(server):
    hello = fetch_ok(server + "/hello/%s/" % quote("<script>", safe=""))
    assert "Hello, &lt;script&gt;!" in hello.text
    assert "<script>" not in hello.text


def test_hello_decodes_utf8_in_the_path(server):
    hello = fetch_ok(server + "/hello/%s/" % quote("J\u00fcrgen".encode("utf-8"), safe=""))
    assert "Hello, J\u00fcrgen!" in hello.text


def test_unknown_path_is_404(server):
    missing = fetch(server + "/no/such/page/")
    assert missing.status == 404, missing


def test_api_info_reports_jython(server):
    info = fetch_ok(server + "/api/info/")
    assert info.header("Content-Type").startswith("application/json")
    payload = info.json()
    assert payload["implementation"] == "Jython"
    assert payload["version"].startswith("2.7")
    assert payload["thread"]


# --- forms, uploads, redirects, static files -------------------------------

def test_echo_repeats_a_posted_message_escaped(server):
    message = "Gr\u00fc\u00dfe <b>\u00e0 tous</b> \u2713"
    echoed = post_form(server, "/echo/", {"message": message.encode("utf-8")})
    assert echoed.status == 200, echoed
    assert "You said: Gr\u00fc\u00dfe &lt;b&gt;\u00e0 tous&lt;/b&gt; \u2713" in echoed.text


def test_echo_rejects_a_blank_message(server):
    blank = post_form(server, "/echo/", {"message": "   "})
    assert blank.status == 400, blank
    assert "You said:" not in blank.text


def test_upload_reports_size_and_sha256(server):
    content = bytes(bytearray(random.Random(20).getrandbits(8) for _ in range(300 * 1024)))
    cookie, token = csrf_credentials(server, "/upload/")
    boundary = uuid.uuid4().hex
    body = multipart_body({"note": "binary", "csrfmiddlewaretoken": token}, {"file": ("random.bin", content)},
                          boundary)
    headers = {"Content-Type": "multipart/form-data; boundary=%s" % boundary, "Cookie": cookie}
    uploaded = fetch_ok(server + "/upload/", "POST", body, headers)
    assert uploaded.json() == {
        "name": "random.bin",
        "size": len(content),
        "sha256": hashlib.sha256(content).hexdigest(),
    }


def test_old_home_redirects_within_the_context_path(server):
    moved = fetch(server + "/old-home/")
    assert moved.status == 302, moved
    location = moved.header("Location")
    assert urlsplit(location).path == "/mysite/", location


def test_static_file_is_served_by_the_container(server):
    stylesheet = fetch_ok(server + "/static/demo/site.css")
    assert stylesheet.header("Content-Type").startswith("text/css")
    assert b"{" in stylesheet.body
    # The containers' default servlet answers conditional requests itself.
    last_modified = stylesheet.header("Last-Modified")
    assert last_modified
    unchanged = fetch(server + "/static/demo/site.css", headers={"If-Modified-Since": last_modified})
    assert unchanged.status == 304, unchanged


def test_post_without_csrf_token_is_403(server):
    cookie, _ = csrf_credentials(server, "/echo/")
    refused = fetch(server + "/echo/", "POST", b"message=forged", dict(FORM_HEADERS, Cookie=cookie))
    assert refused.status == 403, refused
    assert "CSRF verification failed" in refused.text
    no_cookie = fetch(server + "/echo/", "POST", b"message=forged", FORM_HEADERS)
    assert no_cookie.status == 403, no_cookie


def test_csrf_tokens_are_masked_per_response(server):
    first = csrf_credentials(server, "/echo/")[1]
    second = csrf_credentials(server, "/echo/")[1]
    assert first != second


# --- concurrency -----------------------------------------------------------

def test_two_requests_run_at_the_same_time(server):
    # Each request waits up to 30 s for the other; both meeting proves the
    # server handled them concurrently.
    url = server + "/rendezvous/deploy-%s/?timeout=30" % uuid.uuid4().hex
    answers = []

    def visit():
        answers.append(fetch(url, timeout=60))

    visitors = [threading.Thread(target=visit) for _ in range(2)]
    for visitor in visitors:
        visitor.start()
    for visitor in visitors:
        visitor.join(90)
    assert len(answers) == 2, answers
    for answer in answers:
        assert answer.status == 200, answer
        assert answer.json() == {"met": True}


def test_a_lone_rendezvous_times_out_with_504(server):
    alone = fetch(server + "/rendezvous/deploy-alone-%s/?timeout=0.5" % uuid.uuid4().hex)
    assert alone.status == 504, alone
    assert alone.json() == {"met": False}


# --- bad input: a clear 4xx, never a 500, and the site keeps working -------

def test_bad_percent_encoding_in_the_query_is_400(server):
    # The handler parses every query string up front, so even the home page,
    # which never reads it, refuses a broken escape and an escape of invalid UTF-8.
    for query in ("q=%ZZ", "q=%E2%82"):
        refused = fetch(server + "/?" + query)
        assert refused.status == 400, (query, refused)
    assert_still_serving(server)


def test_invalid_utf8_in_the_path_is_400(server):
    refused = fetch(server + "/hello/%C3%28%FF/")
    # Tomcat refuses such a URI before the application sees it; either way
    # the answer is 400.
    assert refused.status == 400, refused
    assert_still_serving(server)


def test_oversized_form_body_is_413(server):
    body = b"message=" + b"a" * (3 * 1024 * 1024)
    head = b"\r\n".join([
        b"POST /mysite/echo/ HTTP/1.1", host_header(server),
        b"Content-Type: application/x-www-form-urlencoded", RAW_CSRF_COOKIE,
        ("Content-Length: %d" % len(body)).encode("ascii"),
        b"Connection: close", b"", b""])
    status, raw = exchange(server, head, body)
    assert status == 413, raw[:500]
    assert_still_serving(server)


def test_broken_multipart_is_400(server):
    body = (b"--frontier\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
            b"\r\nno closing boundary follows")
    headers = {"Content-Type": "multipart/form-data; boundary=frontier",
               "Cookie": RAW_CSRF_COOKIE.split(b": ", 1)[1].decode("ascii")}
    refused = fetch(server + "/upload/", "POST", body, headers)
    assert refused.status == 400, refused
    assert_still_serving(server)


def test_body_shorter_than_content_length_is_refused(server):
    head = b"\r\n".join([
        b"POST /mysite/echo/ HTTP/1.1", host_header(server),
        b"Content-Type: application/x-www-form-urlencoded", RAW_CSRF_COOKIE,
        b"Content-Length: 100", b"", b""])
    # Ten bytes of the promised hundred, then silence: the container's read
    # timeout (3 s in these test servers) must end in a refusal, not a 500 or
    # a thread stuck forever. Tomcat answers 408 Request Timeout itself once
    # its read timed out; otherwise the application answers 400.
    status, raw = exchange(server, head + b"message=hi", timeout=60)
    assert status in (400, 408), raw[:500]
    assert_still_serving(server)


def test_site_still_serves_after_all_the_bad_requests(server):
    info = fetch_ok(server + "/api/info/")
    assert_still_serving(server)
