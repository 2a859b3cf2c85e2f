# -*- coding: utf-8 -*-
"""contrib.syndication and utils.feedgenerator: RSS 2.0 and Atom 1.0 documents, read back as XML
(and by feedparser where it is installed), per-object feeds, templates, dates and Last-Modified."""
from __future__ import unicode_literals

import datetime
import io
import os
import xml.etree.ElementTree as ET

import pytest

from project_settings_support import installed_apps
from pyframework.test import Client
from pyframework.utils import feedgenerator, timezone, translation
from pyframework.utils.xmlutils import SimplerXMLGenerator, UnserializableContentError

ATOM = "{http://www.w3.org/2005/Atom}"
HERE = os.path.dirname(os.path.abspath(__file__))
SETTINGS = dict(
    ROOT_URLCONF="syndication_test_urls", TIME_ZONE="Europe/Berlin", USE_TZ=True, LANGUAGE_CODE="en",
    TEMPLATES=[{"BACKEND": "pyframework.template.backends.jinja2.Jinja2",
                "DIRS": [os.path.join(HERE, "templates")]}],
)


@pytest.fixture
def client():
    # The feed's language is the active one; pin it, whatever an earlier test left active.
    with installed_apps(["pyframework.contrib.syndication"], **SETTINGS), translation.override("en"):
        yield Client()


def _get(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == content_type
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n')
    return response, ET.fromstring(response.content)


def test_rss_feed(client):
    response, rss = _get(client, "/feeds/rss/", "application/rss+xml; charset=utf-8")
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "My entries"
    assert channel.findtext("link") == "http://testserver/entries/"
    assert channel.findtext("description") == "All my entries"
    assert channel.find(ATOM + "link").attrib == {"rel": "self", "href": "http://testserver/feeds/rss/"}
    assert channel.findtext("language") == "en"
    assert [c.text for c in channel.findall("category")] == ["python", "jvm"]
    assert channel.findtext("copyright") == "Copyright (c) 2026, Alice"
    assert channel.findtext("ttl") == "600"
    assert channel.findtext("lastBuildDate") == "Mon, 09 Feb 2026 12:00:00 +0000"
    items = channel.findall("item")
    # item_title() escapes by default: readers show titles as HTML.
    assert [i.findtext("title") for i in items] == ["First &amp; &lt;best&gt;", "Zweiter Eintrag – äöü"]
    first = items[0]
    assert first.findtext("link") == "http://testserver/entries/1/"
    assert first.findtext("guid") == "http://testserver/entries/1/"
    assert first.findtext("description") == "<p>About First & <best></p>"
    assert first.findtext("author") == "alice@example.com (Alice)"
    assert first.findtext("pubDate") == "Mon, 05 Jan 2026 10:00:00 +0000"
    assert first.find("enclosure").attrib == {"url": "https://cdn.example.com/media/1.mp3", "length": "1234",
                                              "type": "audio/mpeg"}
    assert [c.text for c in first.findall("category")] == ["news"]
    assert response["Last-Modified"] == "Mon, 09 Feb 2026 12:00:00 GMT"


def test_atom_feed(client):
    response, feed = _get(client, "/feeds/atom/", "application/atom+xml; charset=utf-8")
    assert feed.tag == ATOM + "feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext(ATOM + "title") == "My entries"
    assert feed.findtext(ATOM + "subtitle") == "All my entries"
    links = [(l.get("rel"), l.get("href")) for l in feed.findall(ATOM + "link")]
    assert links == [("alternate", "http://testserver/entries/"), ("self", "http://testserver/feeds/atom/")]
    assert feed.findtext(ATOM + "id") == "http://testserver/entries/"
    assert feed.findtext(ATOM + "updated") == "2026-02-09T12:00:00+00:00"
    assert feed.findtext(ATOM + "author/" + ATOM + "name") == "Alice"
    assert feed.findtext(ATOM + "rights") == "Copyright (c) 2026, Alice"
    entries = feed.findall(ATOM + "entry")
    assert len(entries) == 2
    second = entries[1]
    assert second.findtext(ATOM + "title") == "Zweiter Eintrag – äöü"
    assert second.findtext(ATOM + "published") == "2026-02-07T08:30:00+00:00"
    assert second.findtext(ATOM + "updated") == "2026-02-09T12:00:00+00:00"
    assert second.findtext(ATOM + "id") == "http://testserver/entries/2/"
    assert second.find(ATOM + "summary").get("type") == "html"
    assert second.findtext(ATOM + "author/" + ATOM + "email") == "alice@example.com"
    enclosure = [l for l in second.findall(ATOM + "link") if l.get("rel") == "enclosure"][0]
    assert enclosure.get("href") == "https://cdn.example.com/media/2.mp3"
    assert entries[0].findtext(ATOM + "updated") == "2026-01-05T10:00:00+00:00"  # pubdate when never updated
    assert response["Last-Modified"] == "Mon, 09 Feb 2026 12:00:00 GMT"


def test_feeds_parse_with_feedparser(client):
    feedparser = pytest.importorskip("feedparser")  # a test extra on CPython; Jython's site lacks it
    for url, version in (("/feeds/rss/", "rss20"), ("/feeds/atom/", "atom10")):
        parsed = feedparser.parse(client.get(url).content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == version
        assert parsed.feed.title == "My entries"
        assert [e.title for e in parsed.entries] == ["First &amp; &lt;best&gt;", "Zweiter Eintrag – äöü"]
        assert parsed.entries[0].link == "http://testserver/entries/1/"
        assert parsed.entries[1].published_parsed[:5] == (2026, 2, 7, 8, 30)


def test_naive_dates_are_read_in_time_zone(client):
    _response, rss = _get(client, "/feeds/naive/", "application/rss+xml; charset=utf-8")
    assert rss.find("channel/item").findtext("pubDate") == "Mon, 05 Jan 2026 10:00:00 +0100"


def test_no_item_dates_no_last_modified(client):
    response, rss = _get(client, "/feeds/nodates/", "application/rss+xml; charset=utf-8")
    assert response.get("Last-Modified") is None
    assert rss.find("channel/item").findtext("description") == "First & <best>"
    assert rss.find("channel/item").findtext("title") == "First &amp; &lt;best&gt;"  # item_title escapes


def test_per_object_feed_and_404_for_a_missing_object(client):
    _response, rss = _get(client, "/feeds/entry/2/", "application/rss+xml; charset=utf-8")
    assert rss.findtext("channel/title") == "Entry Zweiter Eintrag – äöü"
    assert rss.findtext("channel/link") == "http://testserver/entries/2/"
    assert len(rss.findall("channel/item")) == 1
    assert client.get("/feeds/entry/99/").status_code == 404


def test_title_and_description_templates(client):
    _response, rss = _get(client, "/feeds/templated/", "application/rss+xml; charset=utf-8")
    item = rss.find("channel/item")
    assert item.findtext("title") == "FIRST &amp; &lt;BEST&gt; on testserver"
    assert item.findtext("description") == "<b>First &amp; &lt;best&gt;</b>"


def test_feedgenerator_directly():
    feed = feedgenerator.Rss201rev2Feed(title="T", link="http://example.com/ä", description="D",
                                        feed_url="http://example.com/feed/")
    feed.add_item(title="I", link="http://example.com/i/", description="x", author_name="Bob",
                  unique_id="urn:1", unique_id_is_permalink=False,
                  pubdate=datetime.datetime(2026, 3, 1, 9, 0))
    text = feed.writeString("utf-8")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.findtext("channel/link") == "http://example.com/%C3%A4"
    item = root.find("channel/item")
    assert item.find("guid").attrib == {"isPermaLink": "false"}
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Bob"
    assert item.findtext("pubDate") == "Sun, 01 Mar 2026 09:00:00 -0000"
    assert feed.num_items() == 1
    feed.add_item(title="J", link="/j/", description="", enclosures=[
        feedgenerator.Enclosure("/a", "1", "audio/mpeg"), feedgenerator.Enclosure("/b", "1", "audio/mpeg")])
    with pytest.raises(ValueError):
        feed.writeString("utf-8")


def test_date_helpers():
    berlin = timezone.get_fixed_timezone(60)
    moment = datetime.datetime(2026, 3, 3, 10, 0, 5, tzinfo=berlin)
    assert feedgenerator.rfc2822_date(moment) == "Tue, 03 Mar 2026 10:00:05 +0100"
    assert feedgenerator.rfc3339_date(moment) == "2026-03-03T10:00:05+01:00"
    assert feedgenerator.rfc3339_date(datetime.date(2026, 3, 3)) == "2026-03-03T00:00:00Z"
    assert feedgenerator.get_tag_uri("http://example.com/x/#y", datetime.date(2026, 3, 3)) == \
        "tag:example.com,2026-03-03:/x//y"


def test_xml_generator_escapes_and_refuses_control_characters():
    out = io.StringIO()
    handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    handler.startElement("a", {"z": 'say "hi"', "b": "1 < 2"})
    handler.addQuickElement("e")
    handler.characters("x & y")
    handler.endElement("a")
    assert out.getvalue() == '<a b="1 &lt; 2" z="say &quot;hi&quot;"><e/>x &amp; y</a>'
    with pytest.raises(UnserializableContentError):
        handler.characters("bell\x07")
