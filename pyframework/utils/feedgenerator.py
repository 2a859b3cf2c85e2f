"""Syndication feed writers: ``Rss201rev2Feed`` (RSS 2.0) and ``Atom1Feed`` (Atom 1.0, RFC 4287).

    feed = Atom1Feed(title="Blog", link="https://example.com/blog/", description="Posts",
                     feed_url="https://example.com/blog/feed/")
    feed.add_item(title="Hello", link="https://example.com/blog/1/", description="<p>Hi</p>",
                  pubdate=aware_datetime)
    xml_text = feed.writeString("utf-8")

The API is Django's ``django.utils.feedgenerator``; ``DefaultFeed`` is RSS 2.0.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import io

from pyframework.utils import timezone
from pyframework.utils.compat import text_type
from pyframework.utils.encoding import iri_to_uri
from pyframework.utils.xmlutils import SimplerXMLGenerator

try:
    from urllib.parse import urlparse
except ImportError:  # pragma: no cover - Python 2.7 (Jython)
    from urlparse import urlparse

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _as_datetime(value):
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    return value


def rfc2822_date(date):
    """``Tue, 03 Mar 2026 10:00:00 +0100`` (English names whatever the locale; ``-0000`` if naive)."""
    date = _as_datetime(date)
    offset = date.utcoffset()
    if offset is None:
        zone = "-0000"
    else:
        minutes = int(offset.total_seconds() // 60)
        sign = "-" if minutes < 0 else "+"
        zone = "%s%02d%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)
    return "%s, %02d %s %04d %02d:%02d:%02d %s" % (
        _DAYS[date.weekday()], date.day, _MONTHS[date.month - 1], date.year,
        date.hour, date.minute, date.second, zone)


def rfc3339_date(date):
    """``2026-03-03T10:00:00+01:00``; a naive value is taken as UTC (``Z``)."""
    date = _as_datetime(date)
    return date.isoformat() + ("Z" if date.utcoffset() is None else "")


def get_tag_uri(url, date):
    """A ``tag:`` URI (RFC 4151) for an entry without an id: host, date and path of its link."""
    bits = urlparse(url)
    day = ",%s" % date.strftime("%Y-%m-%d") if date is not None else ""
    return "tag:%s%s:%s/%s" % (bits.hostname, day, bits.path, bits.fragment)


class Enclosure(object):
    """A media file attached to an item: ``url``, ``length`` (bytes, as text) and ``mime_type``."""

    def __init__(self, url, length, mime_type):
        self.length, self.mime_type = length, mime_type
        self.url = iri_to_uri(url)


def _to_text(value):
    return None if value is None else text_type(value)


class SyndicationFeed(object):
    """A feed and its items; subclasses write one format. Item dicts keep Django's keys."""

    content_type = "application/octet-stream"
    mime_type = content_type

    def __init__(self, title, link, description, language=None, author_email=None, author_name=None,
                 author_link=None, subtitle=None, categories=None, feed_url=None, feed_copyright=None,
                 feed_guid=None, ttl=None, stylesheets=None, **kwargs):
        self.feed = {
            "title": _to_text(title), "link": iri_to_uri(link), "description": _to_text(description),
            "language": _to_text(language), "author_email": _to_text(author_email),
            "author_name": _to_text(author_name), "author_link": iri_to_uri(author_link),
            "subtitle": _to_text(subtitle),
            "categories": [text_type(c) for c in categories] if categories else (),
            "feed_url": iri_to_uri(feed_url), "feed_copyright": _to_text(feed_copyright),
            "id": feed_guid or link, "ttl": _to_text(ttl), "stylesheets": stylesheets or [],
        }
        self.feed.update(kwargs)
        self.items = []

    def add_item(self, title, link, description, author_email=None, author_name=None, author_link=None,
                 pubdate=None, comments=None, unique_id=None, unique_id_is_permalink=None, categories=(),
                 item_copyright=None, ttl=None, updateddate=None, enclosures=None, **kwargs):
        """Add an item; ``pubdate``/``updateddate`` are datetimes, the rest text."""
        item = {
            "title": _to_text(title), "link": iri_to_uri(link), "description": _to_text(description),
            "author_email": _to_text(author_email), "author_name": _to_text(author_name),
            "author_link": iri_to_uri(author_link), "pubdate": pubdate, "updateddate": updateddate,
            "comments": _to_text(comments), "unique_id": _to_text(unique_id),
            "unique_id_is_permalink": unique_id_is_permalink, "enclosures": enclosures or (),
            "categories": [text_type(c) for c in categories] if categories else (),
            "item_copyright": _to_text(item_copyright), "ttl": _to_text(ttl),
        }
        item.update(kwargs)
        self.items.append(item)

    def num_items(self):
        return len(self.items)

    def root_attributes(self):
        """Attributes of the root element (hook for subclasses)."""
        return {}

    def add_root_elements(self, handler):
        """Elements of the feed itself (hook)."""

    def item_attributes(self, item):
        """Attributes of each item's element (hook)."""
        return {}

    def add_item_elements(self, handler, item):
        """Elements of one item (hook)."""

    def add_stylesheets(self, handler):
        for stylesheet in self.feed["stylesheets"]:
            handler.ignorableWhitespace('<?xml-stylesheet href="%s" type="text/xsl"?>\n' % iri_to_uri(stylesheet))

    def write(self, outfile, encoding):
        """Write the feed as text to ``outfile`` (a file or an ``HttpResponse``)."""
        raise NotImplementedError("subclasses of SyndicationFeed must provide a write() method")

    def writeString(self, encoding):
        """The feed as text."""
        out = io.StringIO()
        self.write(out, encoding)
        return out.getvalue()

    def latest_post_date(self):
        """The newest ``updateddate``/``pubdate`` of the items, else now (UTC)."""
        dates = [item[key] for item in self.items for key in ("updateddate", "pubdate") if item[key] is not None]
        if dates:
            return max(_as_datetime(d) for d in dates)
        return datetime.datetime.now(timezone.utc)


class RssFeed(SyndicationFeed):
    content_type = "application/rss+xml; charset=utf-8"
    _version = None

    def write(self, outfile, encoding):
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")

    def rss_attributes(self):
        return {"version": self._version, "xmlns:atom": "http://www.w3.org/2005/Atom"}

    def write_items(self, handler):
        for item in self.items:
            handler.startElement("item", self.item_attributes(item))
            self.add_item_elements(handler, item)
            handler.endElement("item")

    def add_root_elements(self, handler):
        feed = self.feed
        handler.addQuickElement("title", feed["title"])
        handler.addQuickElement("link", feed["link"])
        handler.addQuickElement("description", feed["description"])
        if feed["feed_url"] is not None:
            handler.addQuickElement("atom:link", None, {"rel": "self", "href": feed["feed_url"]})
        if feed["language"] is not None:
            handler.addQuickElement("language", feed["language"])
        for category in feed["categories"]:
            handler.addQuickElement("category", category)
        if feed["feed_copyright"] is not None:
            handler.addQuickElement("copyright", feed["feed_copyright"])
        handler.addQuickElement("lastBuildDate", rfc2822_date(self.latest_post_date()))
        if feed["ttl"] is not None:
            handler.addQuickElement("ttl", feed["ttl"])

    def endChannelElement(self, handler):
        handler.endElement("channel")


class RssUserland091Feed(RssFeed):
    _version = "0.91"

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", item["link"])
        if item["description"] is not None:
            handler.addQuickElement("description", item["description"])


class Rss201rev2Feed(RssFeed):
    """RSS 2.0 (https://www.rssboard.org/rss-specification); one enclosure per item at most."""

    _version = "2.0"

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", item["link"])
        if item["description"] is not None:
            handler.addQuickElement("description", item["description"])
        # RSS's <author> is an e-mail address (with the name in parentheses); a name alone goes
        # to Dublin Core's creator, which RSS readers understand.
        if item["author_name"] and item["author_email"]:
            handler.addQuickElement("author", "%s (%s)" % (item["author_email"], item["author_name"]))
        elif item["author_email"]:
            handler.addQuickElement("author", item["author_email"])
        elif item["author_name"]:
            handler.addQuickElement("dc:creator", item["author_name"], {"xmlns:dc": "http://purl.org/dc/elements/1.1/"})
        if item["pubdate"] is not None:
            handler.addQuickElement("pubDate", rfc2822_date(item["pubdate"]))
        if item["comments"] is not None:
            handler.addQuickElement("comments", item["comments"])
        if item["unique_id"] is not None:
            attrs = {}
            if item["unique_id_is_permalink"] is not None:
                attrs["isPermaLink"] = text_type(item["unique_id_is_permalink"]).lower()
            handler.addQuickElement("guid", item["unique_id"], attrs)
        if item["ttl"] is not None:
            handler.addQuickElement("ttl", item["ttl"])
        if item["enclosures"]:
            enclosures = list(item["enclosures"])
            if len(enclosures) > 1:
                raise ValueError("RSS feed items may only have one enclosure, see "
                                 "http://www.rssboard.org/rss-profile#element-channel-item-enclosure")
            enclosure = enclosures[0]
            handler.addQuickElement("enclosure", "", {"url": enclosure.url, "length": enclosure.length,
                                                      "type": enclosure.mime_type})
        for category in item["categories"]:
            handler.addQuickElement("category", category)


class Atom1Feed(SyndicationFeed):
    """Atom 1.0 (RFC 4287). Item descriptions are written as ``<summary type="html">``."""

    content_type = "application/atom+xml; charset=utf-8"
    ns = "http://www.w3.org/2005/Atom"

    def write(self, outfile, encoding):
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        for item in self.items:
            handler.startElement("entry", self.item_attributes(item))
            self.add_item_elements(handler, item)
            handler.endElement("entry")
        handler.endElement("feed")

    def root_attributes(self):
        if self.feed["language"] is not None:
            return {"xmlns": self.ns, "xml:lang": self.feed["language"]}
        return {"xmlns": self.ns}

    def _add_author(self, handler, name, email, link):
        if name is None:
            return
        handler.startElement("author", {})
        handler.addQuickElement("name", name)
        if email is not None:
            handler.addQuickElement("email", email)
        if link is not None:
            handler.addQuickElement("uri", link)
        handler.endElement("author")

    def add_root_elements(self, handler):
        feed = self.feed
        handler.addQuickElement("title", feed["title"])
        handler.addQuickElement("link", "", {"rel": "alternate", "href": feed["link"]})
        if feed["feed_url"] is not None:
            handler.addQuickElement("link", "", {"rel": "self", "href": feed["feed_url"]})
        handler.addQuickElement("id", feed["id"])
        handler.addQuickElement("updated", rfc3339_date(self.latest_post_date()))
        self._add_author(handler, feed["author_name"], feed["author_email"], feed["author_link"])
        if feed["subtitle"] is not None:
            handler.addQuickElement("subtitle", feed["subtitle"])
        for category in feed["categories"]:
            handler.addQuickElement("category", "", {"term": category})
        if feed["feed_copyright"] is not None:
            handler.addQuickElement("rights", feed["feed_copyright"])

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", "", {"href": item["link"], "rel": "alternate"})
        if item["pubdate"] is not None:
            handler.addQuickElement("published", rfc3339_date(item["pubdate"]))
        # <updated> is required in Atom: the last change, else the publication date.
        updated = item["updateddate"] or item["pubdate"]
        if updated is not None:
            handler.addQuickElement("updated", rfc3339_date(updated))
        self._add_author(handler, item["author_name"], item["author_email"], item["author_link"])
        unique_id = item["unique_id"] if item["unique_id"] is not None else get_tag_uri(item["link"], item["pubdate"])
        handler.addQuickElement("id", unique_id)
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "html"})
        for enclosure in item["enclosures"]:
            handler.addQuickElement("link", "", {"rel": "enclosure", "href": enclosure.url,
                                                 "length": enclosure.length, "type": enclosure.mime_type})
        for category in item["categories"]:
            handler.addQuickElement("category", "", {"term": category})
        if item["item_copyright"] is not None:
            handler.addQuickElement("rights", item["item_copyright"])


# The format a Feed uses when its class names none.
DefaultFeed = Rss201rev2Feed
