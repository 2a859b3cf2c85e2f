"""The admin, auth, contenttypes and messages apps and the test app, installed and migrated."""
from __future__ import unicode_literals

import datetime
import re
from contextlib import contextmanager

from project_settings_support import restore_admin_site, sync_admin_site
from pyframework.apps import apps
from pyframework.test import Client, override_settings
from pyframework.utils import timezone

APPS = ["pyframework.contrib.admin", "pyframework.contrib.auth", "pyframework.contrib.contenttypes",
        "pyframework.contrib.messages", "adminapp"]
SETTINGS = dict(
    INSTALLED_APPS=APPS,
    ROOT_URLCONF="admin_urls",
    MIDDLEWARE=[
        "pyframework.contrib.sessions.middleware.SessionMiddleware",
        "pyframework.middleware.csrf.CsrfViewMiddleware",
        "pyframework.contrib.auth.middleware.AuthenticationMiddleware",
        "pyframework.contrib.messages.middleware.MessageMiddleware",
        "pyframework.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    TEMPLATES=[{
        "BACKEND": "pyframework.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": [
            "pyframework.template.context_processors.request",
            "pyframework.contrib.auth.context_processors.auth",
            "pyframework.contrib.messages.context_processors.messages",
        ]},
    }],
    SESSION_ENGINE="pyframework.contrib.sessions.backends.signed_cookies",
    PASSWORD_HASHERS=["admin_support.OneRoundHasher"],
    STATIC_URL="/static/",
)
PASSWORD = "admin-secret-42"


def _one_round_hasher():
    from pyframework.contrib.auth.hashers import PBKDF2PasswordHasher

    class OneRoundHasher(PBKDF2PasswordHasher):
        iterations = 1

    return OneRoundHasher


OneRoundHasher = _one_round_hasher()


@contextmanager
def admin_apps(**overrides):
    """The apps installed for a whole module (template engines and URLconf are built once)."""
    saved = apps.get_app_configs()
    restore_admin_site()
    settings = dict(SETTINGS)
    settings.update(overrides)
    with override_settings(**settings):
        apps.clear()
        apps.populate(list(settings["INSTALLED_APPS"]))
        # The test apps' admin modules registered their models on the default site once (at
        # import, which may be collection time): the site holds the installed apps' models only.
        sync_admin_site()
        try:
            yield
        finally:
            apps.clear()
            apps.populate(saved)
            sync_admin_site()


def create_admin_tables(create_tables):
    """The tables of every installed model, created directly (much faster than migrating, on Jython most)."""
    from adminapp import models
    from pyframework.contrib.admin.models import LogEntry
    from pyframework.contrib.auth.models import Group, Permission, User
    from pyframework.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    create_tables(ContentType, Permission, Group, User, LogEntry, models.Author, models.Tag, models.Article,
                  models.Comment, models.Pin)


def grant(user, *codenames):
    """Give ``user`` the permissions ``"app_label.codename"`` (rows created as migrate would)."""
    from pyframework.contrib.auth.models import Permission
    from pyframework.contrib.contenttypes.models import ContentType

    for perm in codenames:
        app_label, codename = perm.split(".")
        model_name = codename.split("_", 1)[1]
        ct = ContentType.objects.get_for_model(apps.get_model(app_label, model_name))
        permission, _ = Permission.objects.get_or_create(content_type=ct, codename=codename,
                                                         defaults={"name": codename})
        user.user_permissions.add(permission)


def csrf_token(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode("utf-8"))
    assert match, "no CSRF token in the page"
    return match.group(1)


def logged_in_client(username, password=PASSWORD):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/admin/login/")
    response = client.post("/admin/login/", {"username": username, "password": password,
                                            "csrfmiddlewaretoken": csrf_token(page), "next": "/admin/"})
    assert response.status_code == 302, response.content
    return client


def post(client, url, data):
    """POST ``data`` with the CSRF token of the page at ``url``."""
    page = client.get(url)
    data = dict(data, csrfmiddlewaretoken=csrf_token(page))
    return client.post(url, data)


def make_articles(count=3, author_name="Ann"):
    from adminapp.models import Article, Author

    author = Author.objects.create(name=author_name, email="%s@example.com" % author_name.lower())
    now = timezone.now()
    return [Article.objects.create(title="Article %d" % i, slug="article-%d" % i, author=author,
                                   pub_date=now - datetime.timedelta(days=30 * i), rating=i * 3,
                                   status="live" if i % 2 else "draft")
            for i in range(count)]
