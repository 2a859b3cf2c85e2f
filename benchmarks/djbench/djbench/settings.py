"""The Django contender's settings: the same apps, middleware and database kind as benchmarks/pfbench.

DJBENCH_SQLITE_PATH   the sqlite3 file (default: db.sqlite3 next to manage.py)
"""
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DEBUG = False
SECRET_KEY = "benchmark-only-key-served-on-127.0.0.1-never-deployed-0123456789abcdef"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "shop",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Benchmark instrumentation: the admin's SQL statements, counted in a response header.
    "shop.middleware.AdminQueryCountMiddleware",
]

ROOT_URLCONF = "djbench.urls"
WSGI_APPLICATION = "djbench.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

STATIC_URL = "/static/"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("DJBENCH_SQLITE_PATH") or os.path.join(BASE_DIR, "db.sqlite3"),
        "OPTIONS": {"timeout": 20},
        # Persistent connections, as Django's docs advise for production ("Persistent connections"):
        # a worker reuses its connection for a minute, checked before reuse. pfbench on gunicorn does the same.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_I18N = False
TIME_ZONE = "UTC"
USE_TZ = True
