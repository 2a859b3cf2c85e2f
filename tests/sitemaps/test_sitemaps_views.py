"""contrib.sitemaps: the index and section views, paging, lastmod and Last-Modified, i18n alternates."""
from __future__ import unicode_literals

import datetime
import xml.etree.ElementTree as ET

import pytest

from project_settings_support import installed_apps
from pyframework.contrib.sitemaps import Sitemap
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.management import call_command
from pyframework.test import Client
from pyframework.utils import timezone

from sitemaps_test_models import Article

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SETTINGS = dict(
    ROOT_URLCONF="sitemaps_test_urls",
    TEMPLATES=[{"BACKEND": "pyframework.template.backends.jinja2.Jinja2", "APP_DIRS": True}],
    LANGUAGES=[("en", "English"), ("de", "German")], LANGUAGE_CODE="en",
)


@pytest.fixture
def site():
    with installed_apps(["pyframework.contrib.sitemaps"], **SETTINGS):
        yield Client()


def _xml(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/xml")
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    return ET.fromstring(response.content)


def _urls(root):
    return [(url.findtext("sm:loc", namespaces=NS), url.findtext("sm:lastmod", namespaces=NS),
             url.findtext("sm:changefreq", namespaces=NS), url.findtext("sm:priority", namespaces=NS))
            for url in root.findall("sm:url", NS)]


def test_index_lists_each_section_and_each_extra_page(site, db, create_tables):
    create_tables(Article)
    root = _xml(site.get("/sitemap.xml"))
    locations = [s.findtext("sm:loc", namespaces=NS) for s in root.findall("sm:sitemap", NS)]
    assert locations == ["http://testserver/sitemap-static.xml", "http://testserver/sitemap-paged.xml",
                         "http://testserver/sitemap-paged.xml?p=2", "http://testserver/sitemap-articles.xml"]


def test_section_lists_its_items_with_changefreq_and_priority(site):
    root = _xml(site.get("/sitemap-static.xml"))
    assert _urls(root) == [("http://testserver/page/page-%s/" % c, None, "never", "0.5") for c in "abc"]
    assert site.get("/sitemap-static.xml").get("Last-Modified") is None  # no lastmod at all


def test_pages_and_bad_page_numbers_are_404_not_500(site):
    assert [u[0] for u in _urls(_xml(site.get("/sitemap-paged.xml")))] == [
        "http://testserver/page/page-a/", "http://testserver/page/page-b/"]
    assert [u[0] for u in _urls(_xml(site.get("/sitemap-paged.xml", {"p": "2"})))] == [
        "http://testserver/page/page-c/"]
    for bad in ("3", "0", "abc", "-1", "1.5"):
        assert site.get("/sitemap-paged.xml", {"p": bad}).status_code == 404
    assert site.get("/sitemap-nosuchsection.xml").status_code == 404


def test_lastmod_and_last_modified_header(site):
    response = site.get("/dated-sitemap.xml")
    assert [u[1] for u in _urls(_xml(response))] == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert response["Last-Modified"] == "Tue, 03 Mar 2026 00:00:00 GMT"
    index = site.get("/dated-index.xml")
    assert _xml(index).findtext("sm:sitemap/sm:lastmod", namespaces=NS) == "2026-03-03"
    assert index["Last-Modified"] == "Tue, 03 Mar 2026 00:00:00 GMT"


def test_generic_sitemap_of_a_queryset(site, db, create_tables):
    create_tables(Article)
    first = Article.objects.create(title="one", updated=datetime.datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc))
    second = Article.objects.create(title="two", updated=datetime.datetime(2026, 2, 7, 8, 30, tzinfo=timezone.utc))
    response = site.get("/sitemap-articles.xml")
    assert _urls(_xml(response)) == [
        ("http://testserver/article/%d/" % first.pk, "2026-01-05T10:00:00+00:00", "daily", "0.8"),
        ("http://testserver/article/%d/" % second.pk, "2026-02-07T08:30:00+00:00", "daily", "0.8")]
    assert response["Last-Modified"] == "Sat, 07 Feb 2026 08:30:00 GMT"


def test_all_sections_in_one_sitemap(site, db, create_tables):
    create_tables(Article)
    assert len(_urls(_xml(site.get("/all-sitemap.xml")))) == 5  # static 3 + paged page 1 (2)


def test_i18n_sitemap_lists_each_language_with_alternates(site):
    root = _xml(site.get("/i18n-sitemap.xml"))
    assert [u[0] for u in _urls(root)] == ["http://testserver/en/page-a/", "http://testserver/de/page-a/"]
    alternates = [(link.get("hreflang"), link.get("href"))
                  for link in root.findall("sm:url", NS)[0].findall("xhtml:link", NS)]
    assert alternates == [("en", "http://testserver/en/page-a/"), ("de", "http://testserver/de/page-a/"),
                          ("x-default", "http://testserver/page-a/")]


def test_protocol_attribute_wins(site):
    assert _urls(_xml(site.get("/https-sitemap.xml")))[0][0] == "https://testserver/page/page-a/"


def test_domain_comes_from_the_sites_app_when_installed(db):
    from pyframework.contrib.sites.models import Site

    apps_list = ["pyframework.contrib.sites", "pyframework.contrib.sitemaps"]
    with installed_apps(apps_list, SITE_ID=1, **SETTINGS):
        call_command("migrate", verbosity=0)
        Site.objects.clear_cache()
        try:
            Site.objects.filter(pk=1).update(domain="www.example.com")
            root = _xml(Client().get("/sitemap-static.xml"))
            assert _urls(root)[0][0] == "http://www.example.com/page/page-a/"
            assert Sitemap().get_domain() == "www.example.com"
        finally:
            Site.objects.clear_cache()
            call_command("migrate", "sites", "zero", verbosity=0)


def test_get_domain_without_sites_or_site_is_a_configuration_error():
    with installed_apps([]):
        with pytest.raises(ImproperlyConfigured):
            Sitemap().get_domain()
