"""contrib.redirects: the Redirect model and RedirectFallbackMiddleware on every test database."""
from __future__ import unicode_literals

import pytest

from project_settings_support import installed_apps
from pyframework.contrib.redirects.middleware import RedirectFallbackMiddleware
from pyframework.contrib.redirects.models import Redirect
from pyframework.contrib.sites.models import Site
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.management import call_command
from pyframework.db import IntegrityError, transaction
from pyframework.test import Client

APPS = ["pyframework.contrib.sites", "pyframework.contrib.redirects"]
SETTINGS = dict(SITE_ID=1, ROOT_URLCONF="redirects_test_urls", APPEND_SLASH=True,
                MIDDLEWARE=["pyframework.contrib.redirects.middleware.RedirectFallbackMiddleware"])


@pytest.fixture
def site(db):
    with installed_apps(APPS, **SETTINGS):
        call_command("migrate", verbosity=0)
        Site.objects.clear_cache()
        try:
            yield Site.objects.get(pk=1)
        finally:
            Site.objects.clear_cache()
            call_command("migrate", "redirects", "zero", verbosity=0)
            call_command("migrate", "sites", "zero", verbosity=0)


def test_a_404_with_a_redirect_becomes_a_301(site):
    Redirect.objects.create(site=site, old_path="/old/", new_path="/real/")
    Redirect.objects.create(site=site, old_path="/search/?q=x", new_path="https://other.example.com/q/x")
    client = Client()
    response = client.get("/old/")
    assert response.status_code == 301 and response["Location"] == "/real/"
    response = client.get("/search/", {"q": "x"})  # the query string is part of old_path
    assert response.status_code == 301 and response["Location"] == "https://other.example.com/q/x"
    assert client.get("/search/", {"q": "y"}).status_code == 404
    assert client.get("/nothing/").status_code == 404


def test_append_slash_finds_the_slashed_redirect(site):
    Redirect.objects.create(site=site, old_path="/old/", new_path="/real/")
    response = Client().get("/old")
    assert response.status_code == 301 and response["Location"] == "/real/"


def test_empty_new_path_is_gone(site):
    Redirect.objects.create(site=site, old_path="/removed/", new_path="")
    assert Client().get("/removed/").status_code == 410


def test_existing_pages_are_not_looked_up(site, assert_num_queries):
    Redirect.objects.create(site=site, old_path="/real/", new_path="/elsewhere/")
    client = Client()
    with assert_num_queries(0):
        response = client.get("/real/")
    assert response.status_code == 200 and response.content == b"a real page"


def test_redirects_belong_to_their_site(site):
    other = Site.objects.create(domain="other.example.com", name="Other")
    Redirect.objects.create(site=other, old_path="/old/", new_path="/real/")
    assert Client().get("/old/").status_code == 404  # SITE_ID is 1
    assert str(Redirect.objects.get()) == "/old/ ---> /real/"
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            Redirect.objects.create(site=other, old_path="/old/", new_path="/again/")


def test_the_middleware_needs_the_sites_app():
    with installed_apps(["pyframework.contrib.redirects"]):
        with pytest.raises(ImproperlyConfigured) as excinfo:
            RedirectFallbackMiddleware(lambda request: None)
    assert "pyframework.contrib.sites" in str(excinfo.value)
