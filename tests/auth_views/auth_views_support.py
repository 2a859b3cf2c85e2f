"""The auth and sessions apps installed and migrated on the test database, with the auth views' URLs."""
from __future__ import unicode_literals

import re
from contextlib import contextmanager

from pyframework.apps import apps
from pyframework.core.management import call_command
from pyframework.test import override_settings

APPS = ["pyframework.contrib.contenttypes", "pyframework.contrib.auth", "pyframework.contrib.sessions"]
SETTINGS = dict(
    INSTALLED_APPS=APPS,
    ROOT_URLCONF="auth_views_urls",
    MIDDLEWARE=[
        "pyframework.contrib.sessions.middleware.SessionMiddleware",
        "pyframework.middleware.csrf.CsrfViewMiddleware",
        "pyframework.contrib.auth.middleware.AuthenticationMiddleware",
    ],
    TEMPLATES=[{
        "BACKEND": "pyframework.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["pyframework.template.context_processors.request",
                                           "pyframework.contrib.auth.context_processors.auth"]},
    }],
    SESSION_ENGINE="pyframework.contrib.sessions.backends.db",
    EMAIL_BACKEND="pyframework.core.mail.backends.locmem.EmailBackend",
    DEFAULT_FROM_EMAIL="site@example.com",
    LOGIN_URL="login",
    LOGIN_REDIRECT_URL="/accounts/profile/",
    # One PBKDF2 round: these tests are about pages, not key stretching.
    PASSWORD_HASHERS=["auth_views_support.OneRoundHasher"],
)


def _one_round_hasher():
    from pyframework.contrib.auth.hashers import PBKDF2PasswordHasher

    class OneRoundHasher(PBKDF2PasswordHasher):
        iterations = 1

    return OneRoundHasher


OneRoundHasher = _one_round_hasher()


@contextmanager
def auth_site(**overrides):
    """The apps installed and migrated for the block; unmigrated in order afterwards (foreign keys on H2)."""
    saved = apps.get_app_configs()
    settings = dict(SETTINGS)
    settings.update(overrides)
    with override_settings(**settings):
        apps.clear()
        apps.populate(list(settings["INSTALLED_APPS"]))
        try:
            call_command("migrate", verbosity=0)
            try:
                yield
            finally:
                call_command("migrate", "auth", "zero", verbosity=0)
                call_command("migrate", "sessions", "zero", verbosity=0)
        finally:
            apps.clear()
            apps.populate(saved)


def csrf_token_from(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode("utf-8"))
    assert match, "no CSRF token in the page"
    return match.group(1)


def session_key(client):
    morsel = client.cookies.get("sessionid")
    return morsel.value if morsel is not None else None
