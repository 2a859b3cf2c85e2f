"""URLs of the sitemap tests: an index, its sections, and pages the sitemaps list."""
from __future__ import unicode_literals

import datetime
from collections import OrderedDict

from pyframework.contrib.sitemaps import GenericSitemap, Sitemap
from pyframework.contrib.sitemaps import views
from pyframework.http import HttpResponse
from pyframework.urls import path, reverse
from pyframework.utils import timezone

from sitemaps_test_models import Article


class StaticSitemap(Sitemap):
    changefreq = "never"
    priority = 0.5

    def items(self):
        return ["page-a", "page-b", "page-c"]

    def location(self, item):
        return reverse("page", args=[item])


class PagedSitemap(StaticSitemap):
    limit = 2


class DatedSitemap(StaticSitemap):
    def lastmod(self, item):
        return datetime.date(2026, 3, "abc".index(item[-1]) + 1)


class HttpsSitemap(StaticSitemap):
    protocol = "https"


class I18nSitemap(StaticSitemap):
    i18n = True
    alternates = True
    x_default = True
    languages = ["en", "de"]

    def items(self):
        return ["page-a"]

    def location(self, item):
        from pyframework.utils.translation import get_language

        return "/%s/%s/" % (get_language(), item)


articles = GenericSitemap({"queryset": Article.objects.order_by("pk"), "date_field": "updated"},
                          priority=0.8, changefreq="daily")

# Ordered: the index lists sections in the mapping's order (plain dicts have none on Python 2).
SITEMAPS = OrderedDict([("static", StaticSitemap), ("paged", PagedSitemap()), ("articles", articles)])
DATED = {"dated": DatedSitemap}


def page(request, slug):
    return HttpResponse(slug)


urlpatterns = [
    path("page/<slug:slug>/", page, name="page"),
    path("sitemap.xml", views.index, {"sitemaps": SITEMAPS}),
    path("sitemap-<section>.xml", views.sitemap, {"sitemaps": SITEMAPS},
         name="pyframework.contrib.sitemaps.views.sitemap"),
    path("all-sitemap.xml", views.sitemap, {"sitemaps": SITEMAPS}),
    path("dated-sitemap.xml", views.sitemap, {"sitemaps": DATED}),
    path("dated-index.xml", views.index, {"sitemaps": DATED}),
    path("i18n-sitemap.xml", views.sitemap, {"sitemaps": {"i18n": I18nSitemap}}),
    path("https-sitemap.xml", views.sitemap, {"sitemaps": {"s": HttpsSitemap}}),
]
