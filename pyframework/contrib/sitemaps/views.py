"""The sitemap views: ``index`` (a sitemap index of every section and page) and ``sitemap``.

Both answer a bad ``?p=`` (not a number, or past the last page) with 404, and send
``Last-Modified`` when every listed item has a ``lastmod``.
"""
from __future__ import absolute_import, unicode_literals

import calendar
import functools

from pyframework.contrib.sitemaps import as_datetime
from pyframework.contrib.sites.shortcuts import get_current_site
from pyframework.core.paginator import EmptyPage, PageNotAnInteger
from pyframework.http import Http404
from pyframework.template.response import TemplateResponse
from pyframework.urls import reverse
from pyframework.utils.http import http_date


class SitemapIndexItem(object):
    """One ``<sitemap>`` of the index: ``location`` and ``last_mod``."""

    def __init__(self, location, last_mod=None):
        self.location = location
        self.last_mod = last_mod


def x_robots_tag(view):
    """Search engines index the pages a sitemap lists, not the sitemap itself."""
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, noodp, noarchive"
        return response
    return wrapper


def _newer(current, value):
    value = as_datetime(value)
    return value if current is None or value > current else current


def _last_modified_headers(lastmod):
    if lastmod is None:
        return None
    return {"Last-Modified": http_date(calendar.timegm(lastmod.utctimetuple()))}


def _instance(sitemap):
    return sitemap() if callable(sitemap) else sitemap  # a Sitemap class or an instance


@x_robots_tag
def index(request, sitemaps, template_name="sitemap_index.xml", content_type="application/xml",
          sitemap_url_name="pyframework.contrib.sitemaps.views.sitemap"):
    """The index of ``sitemaps`` (``{section: Sitemap}``): one entry per section and page."""
    site = get_current_site(request)
    entries = []
    newest = None
    all_dated = True
    for section, sitemap in sitemaps.items():
        sitemap = _instance(sitemap)
        protocol = sitemap.protocol or request.scheme
        location = "%s://%s%s" % (protocol, site.domain, reverse(sitemap_url_name, kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        if lastmod is None:
            all_dated = False
        elif all_dated:
            newest = _newer(newest, lastmod)
        entries.append(SitemapIndexItem(location, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            entries.append(SitemapIndexItem("%s?p=%d" % (location, page), lastmod))
    headers = _last_modified_headers(newest if all_dated else None)
    return TemplateResponse(request, template_name, {"sitemaps": entries}, content_type=content_type,
                            headers=headers)


@x_robots_tag
def sitemap(request, sitemaps, section=None, template_name="sitemap.xml", content_type="application/xml"):
    """Page ``?p=`` (default 1) of one ``section`` of ``sitemaps``, or of all of them."""
    if section is not None:
        if section not in sitemaps:
            raise Http404("No sitemap available for section: %r" % (section,))
        selected = [sitemaps[section]]
    else:
        selected = list(sitemaps.values())
    page = request.GET.get("p", 1)
    site = get_current_site(request)
    urls = []
    newest = None
    all_dated = True
    for sitemap in selected:
        sitemap = _instance(sitemap)
        try:
            urls.extend(sitemap.get_urls(page=page, site=site, protocol=request.scheme))
        except EmptyPage:
            raise Http404("Page %s empty" % (page,))
        except PageNotAnInteger:
            raise Http404("No page '%s'" % (page,))
        lastmod = getattr(sitemap, "latest_lastmod", None)
        if lastmod is None:
            all_dated = False
        elif all_dated:
            newest = _newer(newest, lastmod)
    headers = _last_modified_headers(newest if all_dated else None)
    return TemplateResponse(request, template_name, {"urlset": urls}, content_type=content_type,
                            headers=headers)
