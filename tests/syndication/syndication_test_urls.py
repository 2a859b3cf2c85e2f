# -*- coding: utf-8 -*-
"""Feeds of the syndication tests: RSS and Atom of the same entries, a per-object feed."""
from __future__ import unicode_literals

import datetime

from pyframework.contrib.syndication.views import Feed
from pyframework.core.exceptions import ObjectDoesNotExist
from pyframework.urls import path
from pyframework.utils import feedgenerator, timezone

UTC = timezone.utc


class Entry(object):
    def __init__(self, pk, title, published, updated=None):
        self.pk, self.title, self.published, self.updated = pk, title, published, updated

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return "/entries/%d/" % self.pk


ENTRIES = [
    Entry(1, "First & <best>", datetime.datetime(2026, 1, 5, 10, 0, tzinfo=UTC)),
    Entry(2, "Zweiter Eintrag – äöü", datetime.datetime(2026, 2, 7, 8, 30, tzinfo=UTC),
          updated=datetime.datetime(2026, 2, 9, 12, 0, tzinfo=UTC)),
]


class EntriesRss(Feed):
    title = "My entries"
    link = "/entries/"
    description = "All my entries"
    author_name = "Alice"
    categories = ("python", "jvm")
    feed_copyright = "Copyright (c) 2026, Alice"
    ttl = 600

    def items(self):
        return ENTRIES

    def item_description(self, item):
        return "<p>About %s</p>" % item.title

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_author_name(self, item):
        return "Alice"

    def item_author_email(self):
        return "alice@example.com"

    item_categories = ("news",)

    def item_enclosure_url(self, item):
        return "https://cdn.example.com/media/%d.mp3" % item.pk

    item_enclosure_length = 1234
    item_enclosure_mime_type = "audio/mpeg"


class EntriesAtom(EntriesRss):
    feed_type = feedgenerator.Atom1Feed
    subtitle = EntriesRss.description


class NaiveDates(EntriesRss):
    def item_pubdate(self, item):
        return item.published.replace(tzinfo=None)  # read in TIME_ZONE


class NoDates(Feed):
    title = link = description = "/x/"

    def items(self):
        return ENTRIES


class OneEntry(Feed):
    """A per-object feed: get_object() picks the entry, the hooks take it as ``obj``."""

    description = "one entry"

    def get_object(self, request, pk):
        for entry in ENTRIES:
            if entry.pk == int(pk):
                return entry
        raise ObjectDoesNotExist("no entry %s" % pk)

    def title(self, obj):
        return "Entry %s" % obj.title

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return [obj]


class Templated(EntriesRss):
    title_template = "syndication_tests/title.html"
    description_template = "syndication_tests/description.html"


urlpatterns = [
    path("feeds/rss/", EntriesRss()),
    path("feeds/atom/", EntriesAtom()),
    path("feeds/naive/", NaiveDates()),
    path("feeds/nodates/", NoDates()),
    path("feeds/entry/<int:pk>/", OneEntry()),
    path("feeds/templated/", Templated()),
]
