"""Fixtures of the auth tests: the auth app installed and migrated on the test database."""
from __future__ import unicode_literals

from contextlib import contextmanager

from project_settings_support import installed_apps
from pyframework.core.management import call_command

AUTH_APPS = ["pyframework.contrib.contenttypes", "pyframework.contrib.auth"]
MIDDLEWARE = [
    "pyframework.contrib.sessions.middleware.SessionMiddleware",
    "pyframework.middleware.csrf.CsrfViewMiddleware",
    "pyframework.contrib.auth.middleware.AuthenticationMiddleware",
]
# One round keeps the tests fast; hashers_test checks the real count separately.
FAST_HASHERS = ["auth_testing.OneRoundPBKDF2Hasher"]


@contextmanager
def auth_installed(**settings):
    """The auth app installed and migrated (its post_migrate permissions created)."""
    settings.setdefault("PASSWORD_HASHERS", FAST_HASHERS)
    settings.setdefault("SESSION_ENGINE", "pyframework.contrib.sessions.backends.cache")
    with installed_apps(AUTH_APPS, **settings):
        call_command("migrate", "auth", verbosity=0)
        try:
            yield
        finally:
            # Unapplied in order: the suite's leftover-table cleanup would meet foreign keys on H2.
            call_command("migrate", "auth", "zero", verbosity=0)


def _one_round_hasher():
    from pyframework.contrib.auth.hashers import PBKDF2PasswordHasher

    class OneRoundPBKDF2Hasher(PBKDF2PasswordHasher):
        iterations = 1

    return OneRoundPBKDF2Hasher


OneRoundPBKDF2Hasher = _one_round_hasher()
