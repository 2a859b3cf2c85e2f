# -*- coding: utf-8 -*-
"""The example project's sitemap (/sitemap.xml) and the Atom feed of its blog (/blog/feed/)."""
from __future__ import unicode_literals

import datetime
import xml.etree.ElementTree as ET

import pytest

from pyframework.test import Client
from pyframework.utils import timezone

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def posts(blog):
    ada = blog.Author.objects.create(name="Ada", email="ada@example.com")
    first = blog.Post.objects.create(title="First <post>", body="Hello & welcome", author=ada)
    second = blog.Post.objects.create(title="Zweiter Beitrag", body="Mehr", author=ada)
    # published is auto_now_add: set fixed dates afterwards so the expected values are known.
    blog.Post.objects.filter(pk=first.pk).update(published=datetime.datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc))
    blog.Post.objects.filter(pk=second.pk).update(published=datetime.datetime(2026, 2, 7, 8, 30, tzinfo=timezone.utc))
    return first, second


def test_sitemap_lists_the_blog_and_every_post(posts):
    first, second = posts
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    urls = [(u.findtext(SM + "loc"), u.findtext(SM + "lastmod")) for u in root.findall(SM + "url")]
    assert sorted(urls, key=lambda u: u[0]) == sorted([
        ("http://testserver/blog/", None),
        ("http://testserver/blog/%d/" % first.pk, "2026-01-05T10:00:00+00:00"),
        ("http://testserver/blog/%d/" % second.pk, "2026-02-07T08:30:00+00:00"),
    ], key=lambda u: u[0])
    assert Client().get("/sitemap.xml", {"p": "2"}).status_code == 404


def test_atom_feed_of_the_blog(posts):
    first, second = posts
    response = Client().get("/blog/feed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert response["Last-Modified"] == "Sat, 07 Feb 2026 08:30:00 GMT"
    feed = ET.fromstring(response.content)
    assert feed.findtext(ATOM + "title") == "Latest posts"
    assert [l.get("href") for l in feed.findall(ATOM + "link")] == [
        "http://testserver/blog/", "http://testserver/blog/feed/"]
    entries = feed.findall(ATOM + "entry")
    assert [e.findtext(ATOM + "title") for e in entries] == ["Zweiter Beitrag", "First <post>"]
    assert entries[1].findtext(ATOM + "summary") == "Hello & welcome"
    assert entries[1].findtext(ATOM + "author/" + ATOM + "name") == "Ada"
    assert entries[1].findtext(ATOM + "published") == "2026-01-05T10:00:00+00:00"
    assert entries[1].findtext(ATOM + "id") == "http://testserver/blog/%d/" % first.pk


def test_feed_validates_with_feedparser(posts):
    feedparser = pytest.importorskip("feedparser")  # a CPython test extra
    parsed = feedparser.parse(Client().get("/blog/feed/").content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.title for e in parsed.entries] == ["Zweiter Beitrag", "First <post>"]


def test_feed_in_german_and_linked_from_every_page(posts):
    client = Client()
    feed = ET.fromstring(client.get("/blog/feed/", HTTP_ACCEPT_LANGUAGE="de").content)
    assert feed.findtext(ATOM + "title") == "Neueste Beiträge"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    page = client.get("/blog/").content.decode("utf-8")
    assert 'type="application/atom+xml"' in page and 'href="/blog/feed/"' in page
