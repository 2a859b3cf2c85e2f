"""The settings Django's tests/runtests.py gives its tests (test_sqlite.py plus what
setup_collect_tests() and setup_run_tests() set), with the ``django`` prefix rewritten.

Two adaptations, both so that one missing piece fails only the tests that use it:
- a contrib app pyframework does not have yet is left out of INSTALLED_APPS (it is listed in
  ``MISSING_APPS``; its tests fail when they import it) instead of failing the setup of every
  module;
- the module under test (PYFRAMEWORK_DJANGO_SUITE_MODULE, set by driver.py) is appended to
  INSTALLED_APPS, as runtests.py does for each label.
"""
import importlib
import os
import tempfile

TESTS_DIR = os.getcwd()  # driver.py runs in the rewritten copy of Django's tests/
TMPDIR = os.environ.get("TMPDIR") or tempfile.gettempdir()

DATABASES = {
    "default": {
        "ENGINE": "pyframework.db.backends.sqlite3",
    },
    "other": {
        "ENGINE": "pyframework.db.backends.sqlite3",
    },
}

SECRET_KEY = "django_tests_secret_key"

PASSWORD_HASHERS = [
    "pyframework.contrib.auth.hashers.MD5PasswordHasher",
]

DEFAULT_AUTO_FIELD = "pyframework.db.models.AutoField"

USE_TZ = False

ALWAYS_INSTALLED_APPS = [
    "pyframework.contrib.contenttypes",
    "pyframework.contrib.auth",
    "pyframework.contrib.sites",
    "pyframework.contrib.sessions",
    "pyframework.contrib.messages",
    "pyframework.contrib.admin.apps.SimpleAdminConfig",
    "pyframework.contrib.staticfiles",
]

CONTRIB_TESTS_TO_APPS = {
    "deprecation": ["pyframework.contrib.flatpages", "pyframework.contrib.redirects"],
    "flatpages_tests": ["pyframework.contrib.flatpages"],
    "redirects_tests": ["pyframework.contrib.redirects"],
}


def _importable(entry):
    """True if the app module (or the module of an AppConfig path) exists in pyframework."""
    candidates = [entry, entry.rpartition(".")[0]]
    for name in candidates:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return name == entry or hasattr(module, entry.rpartition(".")[2])
    return False


_module = os.environ.get("PYFRAMEWORK_DJANGO_SUITE_MODULE")
_wanted = ALWAYS_INSTALLED_APPS + CONTRIB_TESTS_TO_APPS.get(_module, [])
INSTALLED_APPS = [app for app in _wanted if _importable(app)]
MISSING_APPS = [app for app in _wanted if app not in INSTALLED_APPS]
if _module:
    INSTALLED_APPS.append(_module)

ROOT_URLCONF = "urls"
STATIC_URL = "static/"
STATIC_ROOT = os.path.join(TMPDIR, "static")
TEMPLATES = [
    {
        "BACKEND": "pyframework.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(TESTS_DIR, "templates")],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "pyframework.template.context_processors.request",
                "pyframework.contrib.auth.context_processors.auth",
                "pyframework.contrib.messages.context_processors.messages",
            ],
        },
    }
]
LANGUAGE_CODE = "en"
SITE_ID = 1
MIDDLEWARE = [
    "pyframework.contrib.sessions.middleware.SessionMiddleware",
    "pyframework.middleware.common.CommonMiddleware",
    "pyframework.middleware.csrf.CsrfViewMiddleware",
    "pyframework.contrib.auth.middleware.AuthenticationMiddleware",
    "pyframework.contrib.messages.middleware.MessageMiddleware",
]
MIGRATION_MODULES = {
    # As in runtests.py: the test models depend on these apps, whose tables are created
    # without migrations.
    "auth": None,
    "contenttypes": None,
    "sessions": None,
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "loggers": {"pyframework": {"level": "ERROR"}},
}
SILENCED_SYSTEM_CHECKS = [
    "fields.W342",  # ForeignKey(unique=True) -> OneToOneField
]
