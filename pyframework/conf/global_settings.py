"""Default value of every setting. A project's settings module overrides any of them."""
from __future__ import unicode_literals

DEBUG = False

# Host names this site may serve; checked against the Host header of each request.
# When DEBUG is True and this is empty, localhost variants are allowed.
ALLOWED_HOSTS = []

# Required when DEBUG is False: signing sessions, CSRF tokens and passwords depends on it.
SECRET_KEY = ""

INSTALLED_APPS = []
ROOT_URLCONF = None
WSGI_APPLICATION = None

# Jinja2 is the only template engine. OPTIONS go to jinja2.Environment, plus
# "context_processors": dotted paths of callables(request) -> dict.
TEMPLATES = []

MIDDLEWARE = []

DEFAULT_CHARSET = "utf-8"
DEFAULT_CONTENT_TYPE = "text/html"

APPEND_SLASH = True
PREPEND_WWW = False

# Static files: served by the dev server (DEBUG) and by the servlet container in a WAR.
STATIC_URL = "/static/"
STATIC_ROOT = None
STATICFILES_DIRS = []

MEDIA_URL = "/media/"
MEDIA_ROOT = ""

# Request body limits. Bodies of non-file data larger than this give a 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2621440  # 2.5 MB
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 100
# Uploaded files up to this size stay in memory; bigger ones spool to a temp file.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440
# Hard cap on one multipart body (files included); None means no cap.
FILE_UPLOAD_MAX_SIZE = 100 * 1024 * 1024
FILE_UPLOAD_TEMP_DIR = None

# SecurityMiddleware
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False
SECURE_SSL_REDIRECT = False
SECURE_SSL_HOST = None
SECURE_REDIRECT_EXEMPT = []
SECURE_PROXY_SSL_HEADER = None
X_FRAME_OPTIONS = "DENY"

USE_X_FORWARDED_HOST = False
USE_X_FORWARDED_PORT = False

# Views called for errors: dotted paths, set in the ROOT_URLCONF as handler404 etc. too.
DEFAULT_EXCEPTION_REPORTER = None

# Cookies
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"

TIME_ZONE = "UTC"
USE_TZ = True
LANGUAGE_CODE = "en-us"

LOGGING = {}

DATABASES = {}
