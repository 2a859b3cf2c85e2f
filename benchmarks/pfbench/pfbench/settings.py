"""Settings of the benchmark project: one file for the WAR (embedded H2) and for gunicorn (sqlite3).

PFBENCH_SQLITE_PATH   the sqlite3 file on CPython (default: db.sqlite3 next to manage.py)
PFBENCH_H2_PATH       the H2 file prefix on Jython (default: under java.io.tmpdir)

The apps and middleware match the Django contender's, so both do the same work per request.
The admin (the ``admin-changelist`` scenario) needs auth, sessions and messages; without a
session cookie, as in the other scenarios, their middleware runs no query.
"""
from __future__ import unicode_literals

import os
import sys

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DEBUG = False
SECRET_KEY = "benchmark-only-key-served-on-127.0.0.1-never-deployed-0123456789abcdef"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "catalog",
    "pyframework.contrib.admin",
    "pyframework.contrib.auth",
    "pyframework.contrib.contenttypes",
    "pyframework.contrib.sessions",
    "pyframework.contrib.messages",
    "pyframework.contrib.staticfiles",
]

MIDDLEWARE = [
    "pyframework.middleware.security.SecurityMiddleware",
    "pyframework.contrib.sessions.middleware.SessionMiddleware",
    "pyframework.middleware.common.CommonMiddleware",
    "pyframework.middleware.csrf.CsrfViewMiddleware",
    "pyframework.contrib.auth.middleware.AuthenticationMiddleware",
    "pyframework.contrib.messages.middleware.MessageMiddleware",
    "pyframework.middleware.clickjacking.XFrameOptionsMiddleware",
    # Benchmark instrumentation: the admin's SQL statements, counted in a response header.
    "catalog.middleware.AdminQueryCountMiddleware",
]

ROOT_URLCONF = "pfbench.urls"
WSGI_APPLICATION = "pfbench.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "pyframework.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "pyframework.template.context_processors.request",
                "pyframework.contrib.auth.context_processors.auth",
                "pyframework.contrib.messages.context_processors.messages",
            ],
        },
    },
]

STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(BASE_DIR, "build", "static")

TIME_ZONE = "UTC"
USE_TZ = True


def _h2_url():
    from java.lang import System

    path = os.environ.get("PFBENCH_H2_PATH") or os.path.join(
        System.getProperty("java.io.tmpdir"), "pfbench-database", "pfbench")
    # DB_CLOSE_DELAY=-1: the database stays open between requests (H2 would otherwise close and
    # reopen the file whenever its last connection closes); the WAR's shutdown closes it.
    # LOCK_TIMEOUT: concurrent form posts wait for each other's INSERT instead of failing after 1 s.
    # MAX_MEMORY_ROWS: H2 2.3 plans the admin's page query (products JOIN suppliers ORDER BY id LIMIT 100)
    # as a scan of the suppliers and a sort of all 100,000 joined rows; with Tomcat's -Xmx1g the sort
    # would spill to disk, where H2 2.3.232 fails reading it back (NullPointerException in
    # JdbcResultSet.get). Keeping the sort in memory measures the plan instead (benchmarks/README.md).
    return "jdbc:h2:file:%s;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;MAX_MEMORY_ROWS=250000" % path.replace(os.sep, "/")


if sys.platform.startswith("java"):
    DATABASES = {"default": {"ENGINE": "pyframework.db.backends.jdbc", "DRIVER": "org.h2.Driver",
                             "URL": _h2_url(), "USER": "sa", "PASSWORD": "",
                             # One connection per Tomcat thread for the life of the application,
                             # as the raw servlet does; the bridge's destroy() closes them.
                             "CONN_MAX_AGE": None}}
    # Nobody can run migrate against an H2 file inside the server: the WAR migrates and seeds itself.
    MIGRATE_ON_STARTUP = True
else:
    DATABASES = {"default": {"ENGINE": "pyframework.db.backends.sqlite3",
                             "NAME": os.environ.get("PFBENCH_SQLITE_PATH") or os.path.join(BASE_DIR, "db.sqlite3"),
                             # The same persistent connections as the Django contender (djbench).
                             "CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True}}
