"""contrib.flatpages: the FlatPage model, the flatpage view and URLconf, FlatpageFallbackMiddleware."""
from __future__ import unicode_literals

import os

import pytest

from project_settings_support import installed_apps
from pyframework.contrib.flatpages.models import FlatPage
from pyframework.contrib.sites.models import Site
from pyframework.core.management import call_command
from pyframework.test import Client, override_settings

HERE = os.path.dirname(os.path.abspath(__file__))
APPS = ["pyframework.contrib.contenttypes", "pyframework.contrib.auth", "pyframework.contrib.sessions",
        "pyframework.contrib.sites", "pyframework.contrib.flatpages"]
MIDDLEWARE = ["pyframework.contrib.sessions.middleware.SessionMiddleware",
              "pyframework.middleware.csrf.CsrfViewMiddleware",
              "pyframework.contrib.auth.middleware.AuthenticationMiddleware"]
FALLBACK = MIDDLEWARE + ["pyframework.contrib.flatpages.middleware.FlatpageFallbackMiddleware"]
SETTINGS = dict(
    SITE_ID=1, ROOT_URLCONF="flatpages_test_urls", APPEND_SLASH=True, MIDDLEWARE=MIDDLEWARE,
    SESSION_ENGINE="pyframework.contrib.sessions.backends.signed_cookies", LOGIN_URL="/accounts/login/",
    TEMPLATES=[{"BACKEND": "pyframework.template.backends.jinja2.Jinja2", "APP_DIRS": True,
                "DIRS": [os.path.join(HERE, "templates")]}],
)


@pytest.fixture
def site(db):
    with installed_apps(APPS, **SETTINGS):
        call_command("migrate", verbosity=0)
        Site.objects.clear_cache()
        try:
            yield Site.objects.get(pk=1)
        finally:
            Site.objects.clear_cache()
            for app in ("flatpages", "auth", "sessions", "sites"):
                call_command("migrate", app, "zero", verbosity=0)


def _page(site, url, **fields):
    fields.setdefault("title", "About us")
    fields.setdefault("content", "<p>We are <em>here</em>.</p>")
    page = FlatPage.objects.create(url=url, **fields)
    page.sites.add(site)
    return page


def test_view_renders_the_default_template_with_trusted_html(site):
    page = _page(site, "/about/")
    response = Client().get("/pages/about/")
    assert response.status_code == 200
    html = response.content.decode("utf-8")
    assert "<title>About us</title>" in html and "<p>We are <em>here</em>.</p>" in html
    assert page.get_absolute_url() == "/pages/about/"
    assert str(page) == "/about/ -- About us"


def test_custom_template_and_missing_pages(site):
    _page(site, "/custom/", template_name="flatpages/custom.html")
    _page(site, "/broken/", template_name="flatpages/no-such-template.html")
    client = Client()
    assert client.get("/pages/custom/").content.decode("utf-8") == \
        "CUSTOM About us|<p>We are <em>here</em>.</p>|/custom/"
    assert "<h1>About us</h1>" in client.get("/pages/broken/").content.decode("utf-8")  # falls back
    assert client.get("/pages/nothing/").status_code == 404


def test_append_slash_redirects_to_the_slashed_page(site):
    _page(site, "/about/")
    response = Client().get("/pages/about")
    assert response.status_code == 301 and response["Location"] == "/pages/about/"


def test_pages_belong_to_their_sites(site):
    other = Site.objects.create(domain="other.example.com", name="Other")
    _page(other, "/other-only/")
    assert Client().get("/pages/other-only/").status_code == 404


def test_registration_required_sends_anonymous_users_to_the_login(site):
    from pyframework.contrib.auth.models import User

    _page(site, "/private/", registration_required=True)
    client = Client()
    response = client.get("/pages/private/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/pages/private/"
    User.objects.create_user("alice", "alice@example.com", "wonderland-42-teapot")
    assert client.login(username="alice", password="wonderland-42-teapot")
    assert client.get("/pages/private/").status_code == 200


def test_fallback_middleware_serves_pages_on_404_only(site):
    _page(site, "/legal/", title="Legal notice")
    with override_settings(MIDDLEWARE=FALLBACK):
        client = Client()
        response = client.get("/legal/")
        assert response.status_code == 200 and "<h1>Legal notice</h1>" in response.content.decode("utf-8")
        assert client.get("/legal").status_code == 301
        assert client.get("/nothing/").status_code == 404


def test_flatpage_form_checks_the_url(site):
    from pyframework.contrib.flatpages.forms import FlatpageForm

    data = {"title": "A page", "content": "x", "sites": [site.pk]}
    assert FlatpageForm(data=dict(data, url="/new-page/")).is_valid()
    for bad in ("/a space/", "/a%b/", "/a?b/"):
        assert "url" in FlatpageForm(data=dict(data, url=bad)).errors
    assert FlatpageForm(data=dict(data, url="no-slash/")).errors["url"] == ["URL is missing a leading slash."]
    with override_settings(MIDDLEWARE=["pyframework.middleware.common.CommonMiddleware"]):
        form = FlatpageForm(data=dict(data, url="/no-trailing"))
        assert form.errors["url"] == ["URL is missing a trailing slash."]
    assert FlatpageForm(data=dict(data, url="/no-trailing")).is_valid()  # CommonMiddleware not installed
    FlatpageForm(data=dict(data, url="/taken/")).save()
    form = FlatpageForm(data=dict(data, url="/taken/"))
    assert form.errors["__all__"] == ["Flatpage with url /taken/ already exists for site example.com"]
    existing = FlatPage.objects.get(url="/taken/")
    assert FlatpageForm(data=dict(data, url="/taken/", title="Renamed"), instance=existing).is_valid()


def test_flatpage_sitemap_lists_public_pages_of_the_current_site(site):
    from pyframework.contrib.flatpages.sitemaps import FlatPageSitemap

    _page(site, "/public/")
    _page(site, "/members/", registration_required=True)
    assert [page.url for page in FlatPageSitemap().items()] == ["/public/"]
