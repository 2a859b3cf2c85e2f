"""Settings of the example project, driven by the environment so one WAR fits every server.

PYFRAMEWORK_DEBUG=1            turn DEBUG on (never in production)
PYFRAMEWORK_SECRET_KEY=...     the secret key (required for real deployments)
PYFRAMEWORK_ALLOWED_HOSTS=a,b  comma-separated host names (default: localhost,127.0.0.1)

The database (see database_settings() below):
PYFRAMEWORK_DB_JNDI=java:comp/env/jdbc/mysite   use the container's pooled DataSource, whose SQL
PYFRAMEWORK_DB_DIALECT=postgresql               dialect must be named: h2, postgresql, mysql, sqlite
PYFRAMEWORK_DB_URL=jdbc:postgresql://host/db    connect with JDBC; PYFRAMEWORK_DB_DRIVER,
                                                PYFRAMEWORK_DB_USER, PYFRAMEWORK_DB_PASSWORD
(neither)                                       an embedded database: db.sqlite3 next to manage.py
                                                on CPython, an H2 file under java.io.tmpdir on Jython
PYFRAMEWORK_DB_FILE=/path/to/site.sqlite3       another file for CPython's embedded sqlite3 database
PYFRAMEWORK_MIGRATE_ON_STARTUP=1|0              bring the schema up to date when the WSGI application
                                                starts (default: on for the embedded H2 only)

HTTPS: PYFRAMEWORK_HTTPS=1, PYFRAMEWORK_HSTS_SECONDS, PYFRAMEWORK_PROXY_SSL_HEADER=1 (see https_settings()).
Mail (password resets): PYFRAMEWORK_EMAIL_HOST names an SMTP server (with PYFRAMEWORK_EMAIL_PORT,
PYFRAMEWORK_EMAIL_USER, PYFRAMEWORK_EMAIL_PASSWORD; STARTTLS); without it mails go to the console.
"""
from __future__ import unicode_literals

import os
import sys

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils.translation import gettext_lazy as _

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DEBUG = os.environ.get("PYFRAMEWORK_DEBUG") == "1"

# DEVELOPMENT FALLBACK ONLY: anyone can read this key in the source. Set
# PYFRAMEWORK_SECRET_KEY wherever the site is reachable by others.
SECRET_KEY = os.environ.get("PYFRAMEWORK_SECRET_KEY") or (
    "pyframework-insecure-development-only-key-mysite-do-not-deploy-0123456789")

ALLOWED_HOSTS = [host.strip() for host in os.environ.get("PYFRAMEWORK_ALLOWED_HOSTS", "").split(",")
                 if host.strip()] or ["localhost", "127.0.0.1"]

# The project's apps come first: their templates (accounts' registration/login.html)
# are found before the defaults the auth app ships.
INSTALLED_APPS = [
    "demo",
    "blog",
    "accounts",
    # The admin at /admin/: every app's admin.py is imported at start-up (autodiscover).
    "pyframework.contrib.admin",
    "pyframework.contrib.contenttypes",
    "pyframework.contrib.auth",
    "pyframework.contrib.sessions",
    "pyframework.contrib.messages",
    "pyframework.contrib.staticfiles",
    # /sitemap.xml (the app brings its XML templates); the Atom feed of the blog needs no app.
    # No contrib.sites: links use the request's host (RequestSite), right on every server.
    "pyframework.contrib.sitemaps",
]

MIDDLEWARE = [
    "pyframework.middleware.security.SecurityMiddleware",
    # Sessions live in the database (the default SESSION_ENGINE), so every server
    # running the WAR against the same database knows every signed-in visitor.
    "pyframework.contrib.sessions.middleware.SessionMiddleware",
    # The page language: the set_language cookie, else the browser's Accept-Language, else English.
    "pyframework.middleware.locale.LocaleMiddleware",
    "pyframework.middleware.common.CommonMiddleware",
    # Every POST form carries {{ csrf_input }}; the token's secret is in the csrftoken cookie.
    "pyframework.middleware.csrf.CsrfViewMiddleware",
    "pyframework.contrib.auth.middleware.AuthenticationMiddleware",
    "pyframework.contrib.messages.middleware.MessageMiddleware",
    "pyframework.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "mysite.urls"
WSGI_APPLICATION = "mysite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "pyframework.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "pyframework.template.context_processors.debug",
                "pyframework.template.context_processors.request",
                "pyframework.template.context_processors.static",
                "pyframework.contrib.auth.context_processors.auth",
                "pyframework.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Pages behind login_required send visitors to the auth app's login page.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "accounts:my-posts"
LOGOUT_REDIRECT_URL = "blog:list"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "pyframework.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "pyframework.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "pyframework.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "pyframework.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Password-reset mails: printed on the console unless PYFRAMEWORK_EMAIL_HOST names an SMTP server.
if os.environ.get("PYFRAMEWORK_EMAIL_HOST"):
    EMAIL_BACKEND = "pyframework.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["PYFRAMEWORK_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("PYFRAMEWORK_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("PYFRAMEWORK_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("PYFRAMEWORK_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = True
else:
    EMAIL_BACKEND = "pyframework.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("PYFRAMEWORK_DEFAULT_FROM_EMAIL", "mysite@localhost")

STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(BASE_DIR, "build", "static")

# Uploads up to this size stay in memory; the demo upload view hashes them either way.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440

TIME_ZONE = "UTC"
USE_TZ = True

# English and German; the German catalog is locale/de/LC_MESSAGES/django.po (compiled to .mo by
# manage.py compilemessages, the test set-up and gradle war).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [os.path.join(BASE_DIR, "locale")]
USE_THOUSAND_SEPARATOR = True


def embedded_h2_url():
    """An H2 file database in the JVM's temporary directory: writable wherever a WAR is deployed.

    DB_CLOSE_DELAY=-1: the database stays open while no connection is (the application's
    shutdown closes it), instead of being closed and reopened between requests.
    LOCK_TIMEOUT: a request inserting a row with the same unique value as another
    request's open transaction waits for it (then gets an IntegrityError, which
    get_or_create() handles) instead of failing after H2's default of one second.
    """
    from java.lang import System

    folder = os.path.join(System.getProperty("java.io.tmpdir"), "mysite-database")
    return "jdbc:h2:file:%s;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000" % os.path.join(folder, "mysite").replace(os.sep, "/")


def database_settings(environ):
    """DATABASES["default"] and whether to migrate at start-up, from ``environ``.

    A real database is named by the environment and its schema is migrated from a
    build machine (manage.py migrate) before deploying. Nobody can do that for an
    embedded H2 inside a WAR, so that one migrates itself when the site starts.
    """
    jdbc = {"ENGINE": "pyframework.db.backends.jdbc"}
    if environ.get("PYFRAMEWORK_DB_JNDI"):
        if not environ.get("PYFRAMEWORK_DB_DIALECT"):
            raise ImproperlyConfigured("PYFRAMEWORK_DB_JNDI is set: also set PYFRAMEWORK_DB_DIALECT to the "
                                       "database's kind (h2, postgresql, mysql or sqlite).")
        jdbc.update(JNDI_NAME=environ["PYFRAMEWORK_DB_JNDI"], DIALECT=environ["PYFRAMEWORK_DB_DIALECT"])
        return jdbc, False
    if environ.get("PYFRAMEWORK_DB_URL"):
        jdbc.update(URL=environ["PYFRAMEWORK_DB_URL"], DRIVER=environ.get("PYFRAMEWORK_DB_DRIVER", ""),
                    USER=environ.get("PYFRAMEWORK_DB_USER", ""), PASSWORD=environ.get("PYFRAMEWORK_DB_PASSWORD", ""))
        return jdbc, False
    if sys.platform.startswith("java"):
        # Kept open for the life of the application (CONN_MAX_AGE None, DB_CLOSE_DELAY=-1): opening
        # an H2 file costs far more than a request; the servlet's destroy() shuts it down.
        jdbc.update(URL=embedded_h2_url(), DRIVER="org.h2.Driver", USER="sa", PASSWORD="", CONN_MAX_AGE=None)
        return jdbc, True
    sqlite_file = environ.get("PYFRAMEWORK_DB_FILE") or os.path.join(BASE_DIR, "db.sqlite3")
    return {"ENGINE": "pyframework.db.backends.sqlite3", "NAME": sqlite_file}, False


def https_settings(environ):
    """The settings a site served over HTTPS needs, from ``environ``.

    PYFRAMEWORK_HTTPS=1: cookies travel over HTTPS only, plain-HTTP requests are redirected
    and browsers are told (HSTS) to use HTTPS for PYFRAMEWORK_HSTS_SECONDS (default: one hour;
    raise it once the site works). PYFRAMEWORK_PROXY_SSL_HEADER=1: a proxy in front terminates
    TLS and sets X-Forwarded-Proto; only set it when the proxy overwrites that header.
    """
    values = {}
    if environ.get("PYFRAMEWORK_HTTPS") == "1":
        values.update(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True, SECURE_SSL_REDIRECT=True,
                      SECURE_HSTS_SECONDS=int(environ.get("PYFRAMEWORK_HSTS_SECONDS", "3600")))
    if environ.get("PYFRAMEWORK_PROXY_SSL_HEADER") == "1":
        values["SECURE_PROXY_SSL_HEADER"] = ("HTTP_X_FORWARDED_PROTO", "https")
    return values


globals().update(https_settings(os.environ))

_default_database, _migrate_embedded_database = database_settings(os.environ)
DATABASES = {"default": _default_database}
MIGRATE_ON_STARTUP = os.environ.get("PYFRAMEWORK_MIGRATE_ON_STARTUP", "1" if _migrate_embedded_database else "0") == "1"
