"""contrib.sites: the default site after migrate, get_current() and its cache, RequestSite, the middleware."""
from __future__ import unicode_literals

import pytest

from project_settings_support import installed_apps
from pyframework.contrib.sites.models import Site
from pyframework.contrib.sites.requests import RequestSite
from pyframework.contrib.sites.shortcuts import get_current_site
from pyframework.core import checks, mail
from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.core.management import call_command
from pyframework.db import connection
from pyframework.test import Client, RequestFactory, override_settings

APPS = ["pyframework.contrib.contenttypes", "pyframework.contrib.auth", "pyframework.contrib.sessions",
        "pyframework.contrib.sites"]

JINJA2 = [{"BACKEND": "pyframework.template.backends.jinja2.Jinja2", "APP_DIRS": True}]


@pytest.fixture
def sites_db(db):
    with installed_apps(APPS, SITE_ID=1):
        call_command("migrate", verbosity=0)
        Site.objects.clear_cache()
        try:
            yield db
        finally:
            Site.objects.clear_cache()
            for app in ("auth", "sessions", "sites"):
                call_command("migrate", app, "zero", verbosity=0)


@pytest.mark.usefixtures("sites_db")
def test_migrate_creates_the_default_site_once_and_the_sequence_moves_on():
    assert list(Site.objects.values_list("pk", "domain", "name")) == [(1, "example.com", "example.com")]
    call_command("migrate", verbosity=0)
    assert Site.objects.count() == 1
    other = Site.objects.create(domain="other.example.com", name="Other")  # no clash with the explicit pk 1
    assert other.pk != 1
    assert [s.domain for s in Site.objects.all()] == ["example.com", "other.example.com"]


@pytest.mark.usefixtures("sites_db")
def test_get_current_reads_site_id_once_then_the_cache(assert_num_queries):
    with assert_num_queries(1):
        site = Site.objects.get_current()
    assert (site.pk, site.domain) == (1, "example.com")
    with assert_num_queries(0):
        assert Site.objects.get_current() is site
    site.name = "Renamed"
    site.save()  # saving drops the cached row
    assert Site.objects.get_current().name == "Renamed"
    assert str(Site.objects.get_current()) == "example.com"


@pytest.mark.usefixtures("sites_db")
def test_get_current_by_request_host_with_and_without_port():
    Site.objects.create(domain="shop.example.com", name="Shop")
    rf = RequestFactory()
    with override_settings(SITE_ID=None):
        assert Site.objects.get_current(rf.get("/", HTTP_HOST="shop.example.com")).name == "Shop"
        assert Site.objects.get_current(rf.get("/", HTTP_HOST="shop.example.com:8080")).name == "Shop"
        with pytest.raises(Site.DoesNotExist):
            Site.objects.get_current(rf.get("/", HTTP_HOST="nowhere.example.com"))
        with pytest.raises(ImproperlyConfigured) as excinfo:
            Site.objects.get_current()
        assert "SITE_ID" in str(excinfo.value)


@pytest.mark.usefixtures("sites_db")
def test_domain_change_does_not_leave_the_old_domain_cached():
    rf = RequestFactory()
    with override_settings(SITE_ID=None):
        site = Site.objects.get_current(rf.get("/", HTTP_HOST="example.com"))
        site.domain = "www.example.com"
        site.save()
        with pytest.raises(Site.DoesNotExist):
            Site.objects.get_current(rf.get("/", HTTP_HOST="example.com"))
        assert Site.objects.get_current(rf.get("/", HTTP_HOST="www.example.com")).pk == site.pk


@pytest.mark.usefixtures("sites_db")
def test_domain_validator_and_natural_key():
    with pytest.raises(ValidationError):
        Site(domain="bad domain", name="x").full_clean()
    assert Site.objects.get_by_natural_key("example.com").natural_key() == ("example.com",)


def test_request_site_when_the_app_is_not_installed():
    with installed_apps([]):
        site = get_current_site(RequestFactory().get("/", HTTP_HOST="intra.example.com:8000"))
    assert isinstance(site, RequestSite)
    assert (site.domain, site.name, str(site)) == ("intra.example.com:8000",) * 3
    with pytest.raises(NotImplementedError):
        site.save()


@pytest.mark.usefixtures("sites_db")
def test_current_site_middleware_sets_request_site():
    Site.objects.filter(pk=1).update(name="Intranet")
    with override_settings(ROOT_URLCONF="sites_test_urls",
                           MIDDLEWARE=["pyframework.contrib.sites.middleware.CurrentSiteMiddleware"]):
        response = Client().get("/site/")
    assert response.content.decode("utf-8") == "example.com|Intranet"


@pytest.mark.usefixtures("sites_db")
def test_password_reset_mail_uses_the_current_site():
    from pyframework.contrib.auth.models import User

    Site.objects.filter(pk=1).update(domain="intranet.example.com", name="The Intranet")
    User.objects.create_user("alice", "alice@example.com", "wonderland-42-teapot")
    mail.outbox = None
    with override_settings(ROOT_URLCONF="sites_test_urls", MIDDLEWARE=[], TEMPLATES=JINJA2,
                           EMAIL_BACKEND="pyframework.core.mail.backends.locmem.EmailBackend",
                           PASSWORD_HASHERS=["pyframework.contrib.auth.hashers.MD5PasswordHasher"]):
        response = Client().post("/accounts/password_reset/", {"email": "alice@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "http://intranet.example.com/accounts/reset/" in mail.outbox[0].body
    assert "The Intranet" in mail.outbox[0].subject + mail.outbox[0].body
    mail.outbox = None


def test_site_id_must_be_an_integer():
    with installed_apps(["pyframework.contrib.sites"], SITE_ID="1"):
        errors = [e for e in checks.run_checks() if e.id == "sites.E101"]
    assert len(errors) == 1
    with installed_apps(["pyframework.contrib.sites"], SITE_ID=1):
        assert not [e for e in checks.run_checks() if e.id == "sites.E101"]


@pytest.mark.usefixtures("sites_db")
def test_no_default_site_when_the_migration_state_has_no_site_model():
    from pyframework.apps import apps
    from pyframework.apps.registry import Apps
    from pyframework.contrib.sites.management import create_default_site

    # Plain SQL: the delete collector would also visit Redirect/FlatPage, imported by other test
    # modules but not installed here (no tables).
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM %s" % connection.ops.quote_name(Site._meta.db_table))
    assert not Site.objects.exists()
    create_default_site(apps.get_app_config("sites"), verbosity=0, apps=Apps([]))
    assert not Site.objects.exists()
    create_default_site(apps.get_app_config("sites"), verbosity=0)
    assert Site.objects.count() == 1
