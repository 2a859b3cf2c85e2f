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
PYFRAMEWORK_MIGRATE_ON_STARTUP=1|0              bring the schema up to date when the WSGI application
                                                starts (default: on for the embedded H2 only)
"""
from __future__ import unicode_literals

import os
import sys

from pyframework.core.exceptions import ImproperlyConfigured

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DEBUG = os.environ.get("PYFRAMEWORK_DEBUG") == "1"

# DEVELOPMENT FALLBACK ONLY: anyone can read this key in the source. Set
# PYFRAMEWORK_SECRET_KEY wherever the site is reachable by others.
SECRET_KEY = os.environ.get("PYFRAMEWORK_SECRET_KEY") or (
    "pyframework-insecure-development-only-key-mysite-do-not-deploy-0123456789")

ALLOWED_HOSTS = [host.strip() for host in os.environ.get("PYFRAMEWORK_ALLOWED_HOSTS", "").split(",")
                 if host.strip()] or ["localhost", "127.0.0.1"]

INSTALLED_APPS = [
    "pyframework.contrib.staticfiles",
    "demo",
    "blog",
]

MIDDLEWARE = [
    "pyframework.middleware.security.SecurityMiddleware",
    "pyframework.middleware.common.CommonMiddleware",
    # Every POST form carries {{ csrf_input }}; the token's secret is in the csrftoken cookie.
    "pyframework.middleware.csrf.CsrfViewMiddleware",
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
            ],
        },
    },
]

STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(BASE_DIR, "build", "static")

# Uploads up to this size stay in memory; the demo upload view hashes them either way.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440

TIME_ZONE = "UTC"
USE_TZ = True


def embedded_h2_url():
    """An H2 file database in the JVM's temporary directory: writable wherever a WAR is deployed.

    LOCK_TIMEOUT: a request inserting a row with the same unique value as another
    request's open transaction waits for it (then gets an IntegrityError, which
    get_or_create() handles) instead of failing after H2's default of one second.
    """
    from java.lang import System

    folder = os.path.join(System.getProperty("java.io.tmpdir"), "mysite-database")
    return "jdbc:h2:file:%s;LOCK_TIMEOUT=10000" % os.path.join(folder, "mysite").replace(os.sep, "/")


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
        jdbc.update(URL=embedded_h2_url(), DRIVER="org.h2.Driver", USER="sa", PASSWORD="")
        return jdbc, True
    return {"ENGINE": "pyframework.db.backends.sqlite3", "NAME": os.path.join(BASE_DIR, "db.sqlite3")}, False


_default_database, _migrate_embedded_database = database_settings(os.environ)
DATABASES = {"default": _default_database}
MIGRATE_ON_STARTUP = os.environ.get("PYFRAMEWORK_MIGRATE_ON_STARTUP", "1" if _migrate_embedded_database else "0") == "1"
