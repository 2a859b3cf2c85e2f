# -*- coding: utf-8 -*-
"""LocaleMiddleware, i18n_patterns, set_language and the JavaScript catalog, through the test client."""
from __future__ import unicode_literals

import json
import os

import pytest

from i18n_support import write_catalog
from pyframework.test import Client, override_settings
from pyframework.urls import reverse, translate_url
from pyframework.utils import translation

MIDDLEWARE = [
    "pyframework.contrib.sessions.middleware.SessionMiddleware",
    "pyframework.middleware.locale.LocaleMiddleware",
    "pyframework.middleware.common.CommonMiddleware",
]
LANGUAGES = [("en", "English"), ("de", "German"), ("fr", "French")]


@pytest.fixture(autouse=True)
def setup(tmp_path):
    write_catalog(tmp_path, "de", 'msgid "Hello from JS"\nmsgstr "Hallo aus JS"\n\n'
                                  'msgid "%s item"\nmsgid_plural "%s items"\nmsgstr[0] "%s Eintrag"\n'
                                  'msgstr[1] "%s Einträge"\n', domain="djangojs")
    with override_settings(ROOT_URLCONF="i18n_urls", MIDDLEWARE=MIDDLEWARE, LANGUAGES=LANGUAGES,
                           LANGUAGE_CODE="en", LOCALE_PATHS=[str(tmp_path)]):
        yield
    translation.deactivate()


def test_prefixed_pages_are_served_in_their_language():
    response = Client().get("/de/page/intro/")
    assert response.status_code == 200
    assert response.content.decode("utf-8") == "de|Ja|/de/page/intro/"
    assert response["Content-Language"] == "de"
    assert "Accept-Language" not in response.get("Vary", "")
    assert Client().get("/fr/page/intro/").content.decode("utf-8") == "fr|Oui|/fr/page/intro/"


def test_unprefixed_page_redirects_to_the_language_asked_for():
    response = Client().get("/page/intro/?q=1", headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/page/intro/?q=1"
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]
    assert Client().get("/page/intro").status_code == 302  # APPEND_SLASH too: /en/page/intro/
    assert Client().get("/page/intro")["Location"] == "/en/page/intro/"


def test_cookie_wins_over_accept_language():
    client = Client()
    client.cookies[str("pyframework_language")] = str("de")  # native strings for Python 2's Cookie
    response = client.get("/page/intro/", headers={"Accept-Language": "fr"})
    assert response["Location"] == "/de/page/intro/"


def test_unknown_language_prefix_is_a_404():
    assert Client().get("/xx/page/intro/").status_code == 404
    assert Client().get("/es/page/intro/").status_code == 404  # not in LANGUAGES


def test_pages_outside_i18n_patterns_use_the_request_language():
    response = Client().get("/plain/", headers={"Accept-Language": "de-DE"})
    assert response.content.decode("utf-8").startswith("de|Ja|/de/page/x/")
    assert "Accept-Language" in response["Vary"]
    assert Client().get("/plain/", headers={"Accept-Language": "!!bogus"}).content.startswith(b"en|Yes|")


@override_settings(ROOT_URLCONF="i18n_unprefixed_urls")
def test_prefix_default_language_false():
    assert Client().get("/page/a/").content.decode("utf-8") == "en|Yes|/page/a/"
    assert Client().get("/de/page/a/").content.decode("utf-8") == "de|Ja|/de/page/a/"
    # The default language is never taken from Accept-Language for unprefixed URLs.
    assert Client().get("/page/a/", headers={"Accept-Language": "de"}).content.startswith(b"en|")
    assert Client().get("/en/page/a/").status_code == 404


def test_reverse_and_translate_url_follow_the_active_language():
    with translation.override("de"):
        assert reverse("page", kwargs={"slug": "s"}) == "/de/page/s/"
        assert translate_url("/de/page/s/?x=1#top", "fr") == "/fr/page/s/?x=1#top"
    with translation.override("fr"):
        assert reverse("page", kwargs={"slug": "s"}) == "/fr/page/s/"
    assert translate_url("/nowhere/", "de") == "/nowhere/"


def test_set_language_sets_the_cookie_and_translates_next():
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/en/page/s/"})
    assert response.status_code == 302
    assert response["Location"] == "/de/page/s/"
    assert client.cookies["pyframework_language"].value == "de"
    assert client.get("/plain/").content.startswith(b"de|")


def test_set_language_refuses_foreign_next_and_unknown_languages():
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "de", "next": "https://evil.example.net/"},
                           headers={"Accept": "text/html"})
    assert response["Location"] == "/"
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/plain/"})
    assert "pyframework_language" not in response.cookies
    response = client.post("/i18n/setlang/", {"language": "de"}, headers={"Accept": "application/json"})
    assert response.status_code == 204
    assert response.cookies["pyframework_language"].value == "de"


def test_set_language_get_changes_nothing():
    response = Client().get("/i18n/setlang/?language=de&next=/plain/")
    assert response.status_code == 302
    assert "pyframework_language" not in response.cookies


def test_javascript_catalog():
    response = Client().get("/jsi18n/", headers={"Accept-Language": "de"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    text = response.content.decode("utf-8")
    catalog = json.loads(text.split("django.catalog = ", 1)[1].split(";\n", 1)[0])
    assert catalog["Hello from JS"] == "Hallo aus JS"
    assert catalog["%s item"] == ["%s Eintrag", "%s Einträge"]
    formats = json.loads(text.split("django.formats = ", 1)[1].split(";\n", 1)[0])
    assert formats["DECIMAL_SEPARATOR"] == ","
    assert "(n != 1)" in text
    english = Client().get("/jsi18n/").content.decode("utf-8")
    assert "Hallo" not in english


@pytest.mark.cpython_only("runs the catalog's JavaScript with node when it is installed")
def test_javascript_catalog_runs(tmp_path):
    import shutil
    import subprocess

    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("node is not installed")
    script = Client().get("/jsi18n/", headers={"Accept-Language": "de"}).content.decode("utf-8")
    script += ("\nconsole.log(gettext('Hello from JS') + '|' + interpolate(ngettext('%s item', '%s items', 3), [3])"
               " + '|' + ngettext('%s item', '%s items', 1) + '|' + gettext('Untranslated'));")
    path = os.path.join(str(tmp_path), "catalog.js")
    with open(path, "w") as handle:
        handle.write(script)
    output = subprocess.check_output([node, path]).decode("utf-8").strip()
    assert output == "Hallo aus JS|3 Einträge|%s Eintrag|Untranslated"
