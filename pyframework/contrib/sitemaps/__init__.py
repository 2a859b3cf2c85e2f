"""``pyframework.contrib.sitemaps``: sitemap.xml files (sitemaps.org 0.9) built from ``Sitemap`` classes.

A ``Sitemap`` lists ``items()`` and says for each its ``location`` (default:
``item.get_absolute_url()``), ``lastmod``, ``changefreq`` and ``priority``, each either an
attribute or a method taking the item. Pages of ``limit`` URLs are served by
``views.sitemap`` (``?p=2``...); ``views.index`` lists every section and page.
"""
from __future__ import absolute_import, unicode_literals

import datetime

from pyframework.apps import apps as app_registry  # not "apps": the package has an apps module
from pyframework.conf import settings
from pyframework.core import paginator
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils import translation


class Sitemap(object):
    """One section of a sitemap. Override ``items()`` and whichever of ``location``, ``lastmod``,
    ``changefreq`` and ``priority`` apply.

    ``limit`` is the number of URLs per page (50,000, the protocol's maximum), ``protocol``
    forces ``"http"``/``"https"`` (default: the request's). With ``i18n = True`` every item is
    listed once per language of ``languages`` (default: ``LANGUAGES``), its location computed
    with that language active; ``alternates = True`` adds the ``xhtml:link`` alternates and
    ``x_default = True`` an ``x-default`` one (the ``LANGUAGE_CODE`` URL without its prefix).
    """

    limit = 50000
    protocol = None
    i18n = False
    languages = None
    alternates = False
    x_default = False

    def items(self):
        return []

    def location(self, item):
        return item.get_absolute_url()

    def _attribute(self, name, item, default=None):
        """``name`` for ``item``: the method's result, the plain attribute, or ``default``."""
        value = getattr(self, name, default)
        if callable(value):
            if self.i18n:
                item = item[0]
            return value(item)
        return value

    def _languages(self):
        if self.languages is not None:
            return list(self.languages)
        return [code for code, _name in settings.LANGUAGES]

    def get_languages_for_item(self, item):
        """The languages ``item`` is listed in (all of ``languages`` by default)."""
        return self._languages()

    def _items(self):
        if not self.i18n:
            return self.items()
        return [(item, code) for item in self.items() for code in self.get_languages_for_item(item)]

    def _location(self, item, language=None):
        if not self.i18n:
            return self._attribute("location", item)
        with translation.override(language or item[1]):
            return self._attribute("location", item)

    @property
    def paginator(self):
        return paginator.Paginator(self._items(), self.limit)

    def get_protocol(self, protocol=None):
        return self.protocol or protocol or "https"

    def get_domain(self, site=None):
        """The domain of ``site``, else of the current ``Site`` (the sites app must be installed then)."""
        if site is None and app_registry.is_installed("pyframework.contrib.sites"):
            from pyframework.contrib.sites.models import Site

            try:
                site = Site.objects.get_current()
            except Site.DoesNotExist:
                pass
        if site is None:
            raise ImproperlyConfigured(
                "To use sitemaps, either enable the sites framework or pass a Site/RequestSite "
                "object in your view.")
        return site.domain

    def get_urls(self, page=1, site=None, protocol=None):
        """The URL entries (dicts) of page ``page``; raises ``PageNotAnInteger``/``EmptyPage``."""
        return self._urls(page, self.get_protocol(protocol), self.get_domain(site))

    def get_latest_lastmod(self):
        """The newest ``lastmod`` of all items (None when any item has none, or there is no lastmod)."""
        lastmod = getattr(self, "lastmod", None)
        if not callable(lastmod):
            return lastmod
        values = [lastmod(item) for item in self.items()]
        if not values or any(value is None for value in values):
            return None
        try:
            return max(values)
        except TypeError:  # dates mixed with datetimes, naive with aware
            return None

    def _urls(self, page, protocol, domain):
        prefix = "%s://%s" % (protocol, domain)
        entries = []
        newest = None
        every_item_dated = True
        for item in self.paginator.page(page).object_list:
            lastmod = self._attribute("lastmod", item)
            if lastmod is None:
                every_item_dated = False
            elif every_item_dated and (newest is None or lastmod > newest):
                newest = lastmod
            priority = self._attribute("priority", item)
            entry = {
                "item": item,
                "location": prefix + self._location(item),
                "lastmod": lastmod,
                "changefreq": self._attribute("changefreq", item),
                "priority": "" if priority is None else "%s" % (priority,),
                "alternates": [],
            }
            if self.i18n and self.alternates:
                entry["alternates"] = self._alternates(item, prefix)
            entries.append(entry)
        if every_item_dated and newest is not None:
            self.latest_lastmod = newest  # the view's Last-Modified header
        return entries

    def _alternates(self, item, prefix):
        languages = self.get_languages_for_item(item[0])
        alternates = [{"location": prefix + self._location(item, code), "lang_code": code} for code in languages]
        if self.x_default and settings.LANGUAGE_CODE in languages:
            code = settings.LANGUAGE_CODE
            location = (prefix + self._location(item, code)).replace("/%s/" % code, "/", 1)
            alternates.append({"location": location, "lang_code": "x-default"})
        return alternates


class GenericSitemap(Sitemap):
    """A sitemap of a queryset: ``GenericSitemap({"queryset": qs, "date_field": "updated"}, priority=0.6)``."""

    priority = None
    changefreq = None

    def __init__(self, info_dict, priority=None, changefreq=None, protocol=None):
        self.queryset = info_dict["queryset"]
        self.date_field = info_dict.get("date_field")
        self.priority = self.priority or priority
        self.changefreq = self.changefreq or changefreq
        self.protocol = self.protocol or protocol

    def items(self):
        return self.queryset.filter()  # a fresh queryset on every request

    def lastmod(self, item):
        if self.date_field is None:
            return None
        return getattr(item, self.date_field)

    def get_latest_lastmod(self):
        """The newest ``date_field`` value, read with one query."""
        if self.date_field is None:
            return None
        return (self.queryset.order_by("-" + self.date_field)
                .values_list(self.date_field, flat=True).first())


def as_datetime(value):
    """``value`` (a date or datetime) as an aware datetime, naive values read as UTC."""
    from pyframework.utils import timezone

    if not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.utc)
    return value
