"""Driving the example project through the test client: its database, forms, users and sessions."""
from __future__ import unicode_literals

import contextlib
import os
import re
import sys

from pyframework.conf import global_settings
from pyframework.contrib.auth.hashers import PBKDF2PasswordHasher
from pyframework.core.management import call_command
from pyframework.utils.compat import native_str, urlencode
from project_settings_support import project_settings

MYSITE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          "examples", "mysite")
FORM = "application/x-www-form-urlencoded"
PASSWORD = "plum-orchard-42-lantern"
# The example project's apps with migrations, dependent apps first.
MIGRATED_APPS = ("admin", "blog", "sessions", "auth", "contenttypes")


class QuickPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """The project's hasher with few rounds: these tests are about pages, not key stretching."""
    iterations = 1000


@contextlib.contextmanager
def mysite_on_path():
    sys.path.insert(0, MYSITE_DIR)
    try:
        yield MYSITE_DIR
    finally:
        sys.path.remove(MYSITE_DIR)


@contextlib.contextmanager
def migrated_mysite(db):
    """The example project's settings on the test database ``db``, every app migrated."""
    hasher = "%s.%s" % (__name__, QuickPBKDF2PasswordHasher.__name__)
    # The suite's settings pick another session engine; the project relies on the framework's default.
    with project_settings("mysite.settings", ALLOWED_HOSTS=["testserver"],
                          DATABASES={"default": dict(db.settings_dict)}, MIGRATE_ON_STARTUP=False,
                          PASSWORD_HASHERS=[hasher], SESSION_ENGINE=global_settings.SESSION_ENGINE):
        call_command("migrate", verbosity=0)
        try:
            yield
        finally:
            # Unapplied app by app: leftover tables that reference each other cannot all be dropped.
            for app_label in MIGRATED_APPS:
                call_command("migrate", app_label, "zero", verbosity=0)


def text(response):
    return response.content.decode("utf-8")


def submit(client, path, **fields):
    """POST ``fields`` url-encoded, as a browser submits a form."""
    body = urlencode(sorted((name, value.encode("utf-8")) for name, value in fields.items()))
    return client.post(path, body, content_type=FORM)


def form_errors(response):
    """{field name: first message} of the errors the project's form templates show."""
    return dict(re.findall(r'<p class="error" data-field="(\w+)">([^<]+)</p>', text(response)))


def csrf_token(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(response))
    assert match, text(response)
    return match.group(1)


def create_user(username, password=PASSWORD, email=""):
    from pyframework.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username, email, password)


def log_in(client, username, password=PASSWORD, **extra_fields):
    return submit(client, "/accounts/login/", username=username, password=password, **extra_fields)


def session_key(client):
    cookie = client.cookies.get("sessionid")
    return cookie.value if cookie is not None else None


def set_cookie(client, name, value):
    """Put a cookie in the client's jar, as a browser (or an attacker) would send it."""
    # The standard library's cookie jar only takes native strings on Python 2.
    client.cookies[native_str(name)] = native_str(value)
