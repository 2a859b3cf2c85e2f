"""Settings of the example project, driven by the environment so one WAR fits every server.

PYFRAMEWORK_DEBUG=1            turn DEBUG on (never in production)
PYFRAMEWORK_SECRET_KEY=...     the secret key (required for real deployments)
PYFRAMEWORK_ALLOWED_HOSTS=a,b  comma-separated host names (default: localhost,127.0.0.1)
"""
from __future__ import unicode_literals

import os

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
