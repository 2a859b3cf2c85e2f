"""Default value of every setting. A project's settings module overrides any of them."""
from __future__ import absolute_import, unicode_literals

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
# File storages by alias (pyframework.core.files.storage.storages); FileField uses "default".
STORAGES = {
    "default": {"BACKEND": "pyframework.core.files.storage.FileSystemStorage"},
}
# Modes given to uploaded files and the folders made for them (None: the process umask decides).
FILE_UPLOAD_PERMISSIONS = 0o644
FILE_UPLOAD_DIRECTORY_PERMISSIONS = None

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

# --- Internationalization (pyframework.utils.translation) and localization -------------------


def gettext_noop(message):
    # Marks the names for makemessages; settings cannot import the translation machinery.
    return message


# The language of a request that asks for none of LANGUAGES; must be one of them
# (or have its base language there: "en-us" is served by "en").
LANGUAGE_CODE = "en-us"
# The languages a site may be shown in: (code, name) pairs, names translated when displayed.
LANGUAGES = [
    ("ar", gettext_noop("Arabic")),
    ("bg", gettext_noop("Bulgarian")),
    ("ca", gettext_noop("Catalan")),
    ("cs", gettext_noop("Czech")),
    ("da", gettext_noop("Danish")),
    ("de", gettext_noop("German")),
    ("el", gettext_noop("Greek")),
    ("en", gettext_noop("English")),
    ("en-au", gettext_noop("Australian English")),
    ("en-gb", gettext_noop("British English")),
    ("es", gettext_noop("Spanish")),
    ("es-ar", gettext_noop("Argentinian Spanish")),
    ("es-mx", gettext_noop("Mexican Spanish")),
    ("et", gettext_noop("Estonian")),
    ("fa", gettext_noop("Persian")),
    ("fi", gettext_noop("Finnish")),
    ("fr", gettext_noop("French")),
    ("ga", gettext_noop("Irish")),
    ("he", gettext_noop("Hebrew")),
    ("hi", gettext_noop("Hindi")),
    ("hr", gettext_noop("Croatian")),
    ("hu", gettext_noop("Hungarian")),
    ("id", gettext_noop("Indonesian")),
    ("is", gettext_noop("Icelandic")),
    ("it", gettext_noop("Italian")),
    ("ja", gettext_noop("Japanese")),
    ("ko", gettext_noop("Korean")),
    ("lt", gettext_noop("Lithuanian")),
    ("lv", gettext_noop("Latvian")),
    ("nb", gettext_noop("Norwegian Bokmal")),
    ("nl", gettext_noop("Dutch")),
    ("nn", gettext_noop("Norwegian Nynorsk")),
    ("pl", gettext_noop("Polish")),
    ("pt", gettext_noop("Portuguese")),
    ("pt-br", gettext_noop("Brazilian Portuguese")),
    ("ro", gettext_noop("Romanian")),
    ("ru", gettext_noop("Russian")),
    ("sk", gettext_noop("Slovak")),
    ("sl", gettext_noop("Slovenian")),
    ("sr", gettext_noop("Serbian")),
    ("sv", gettext_noop("Swedish")),
    ("th", gettext_noop("Thai")),
    ("tr", gettext_noop("Turkish")),
    ("uk", gettext_noop("Ukrainian")),
    ("vi", gettext_noop("Vietnamese")),
    ("zh-hans", gettext_noop("Simplified Chinese")),
    ("zh-hant", gettext_noop("Traditional Chinese")),
]
LANGUAGES_BIDI = ["he", "ar", "fa", "ur"]
# False: every message is shown as written and LocaleMiddleware does nothing.
USE_I18N = True
# Directories of locale/<lang>/LC_MESSAGES/django.mo catalogs; they win over the apps' catalogs.
LOCALE_PATHS = []
# The cookie the set_language view writes and LocaleMiddleware reads.
LANGUAGE_COOKIE_NAME = "pyframework_language"
LANGUAGE_COOKIE_AGE = None
LANGUAGE_COOKIE_DOMAIN = None
LANGUAGE_COOKIE_PATH = "/"
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_HTTPONLY = False
LANGUAGE_COOKIE_SAMESITE = None

# Formats used when the active language has no format module entry (pyframework.utils.formats).
# A package of <lang>/formats.py modules consulted before the framework's own (conf/locale).
FORMAT_MODULE_PATH = None
DATE_FORMAT = "N j, Y"
DATETIME_FORMAT = "N j, Y, P"
TIME_FORMAT = "P"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
SHORT_DATE_FORMAT = "m/d/Y"
SHORT_DATETIME_FORMAT = "m/d/Y P"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%b %d %Y", "%b %d, %Y",
                      "%d %b %Y", "%d %b, %Y", "%B %d %Y", "%B %d, %Y", "%d %B %Y", "%d %B, %Y"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M",
                          "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S.%f", "%m/%d/%Y %H:%M",
                          "%m/%d/%y %H:%M:%S", "%m/%d/%y %H:%M:%S.%f", "%m/%d/%y %H:%M"]
FIRST_DAY_OF_WEEK = 0  # Sunday
DECIMAL_SEPARATOR = "."
USE_THOUSAND_SEPARATOR = False
# Digits per group (3: thousands); 0 means no grouping.
NUMBER_GROUPING = 0
THOUSAND_SEPARATOR = ","

# A logging.config.dictConfig dictionary applied on top of pyframework.utils.log.DEFAULT_LOGGING
# (server errors with tracebacks to stderr, i.e. the servlet container's log).
LOGGING = {}

DATABASES = {}

# ---------------------------------------------------------------------------
# Signing, sessions, CSRF protection and messages
# ---------------------------------------------------------------------------

# Old secret keys still accepted when checking signatures, so SECRET_KEY can be
# rotated without invalidating every session and signed cookie at once.
SECRET_KEY_FALLBACKS = []
# Class used by pyframework.core.signing.get_cookie_signer().
SIGNING_BACKEND = "pyframework.core.signing.TimestampSigner"

# Where session data lives. The default, the database, is shared by every process
# and WAR instance using it and lets the server revoke a session; it needs
# "pyframework.contrib.sessions" in INSTALLED_APPS and `migrate`. Alternatives:
# "...backends.signed_cookies" (nothing stored server-side), "...backends.cache"
# (CACHES[SESSION_CACHE_ALIAS]; with the default per-process cache not shared between
# WAR instances) and "...backends.cached_db" (the database, read through that cache).
SESSION_ENGINE = "pyframework.contrib.sessions.backends.db"
SESSION_SERIALIZER = "pyframework.contrib.sessions.serializers.JSONSerializer"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 7 * 2  # two weeks, in seconds
SESSION_COOKIE_DOMAIN = None
SESSION_COOKIE_PATH = "/"
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = False
# The folder of the file session backend (...sessions.backends.file); None: the system's temp folder.
SESSION_FILE_PATH = None
# The cache the "cache" and "cached_db" session engines use (an alias of CACHES).
SESSION_CACHE_ALIAS = "default"

# The cache framework (pyframework.core.cache): one per-process memory cache by default.
CACHES = {
    "default": {
        "BACKEND": "pyframework.core.cache.backends.locmem.LocMemCache",
    },
}
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_KEY_PREFIX = ""
CACHE_MIDDLEWARE_SECONDS = 600

CSRF_COOKIE_AGE = 60 * 60 * 24 * 7 * 52  # a year
CSRF_COOKIE_DOMAIN = None
CSRF_COOKIE_PATH = "/"
CSRF_COOKIE_SECURE = False
# Off by default: JavaScript must be able to read the cookie to send the X-CSRFToken header.
CSRF_COOKIE_HTTPONLY = False
CSRF_COOKIE_SAMESITE = "Lax"
# The request header (as a META key) carrying the token for AJAX requests.
CSRF_HEADER_NAME = "HTTP_X_CSRFTOKEN"
# Origins ("https://example.com", "https://*.example.com") trusted for unsafe requests.
CSRF_TRUSTED_ORIGINS = []
# Keep the CSRF secret in the session instead of a cookie (needs SessionMiddleware first).
CSRF_USE_SESSIONS = False
CSRF_FAILURE_VIEW = "pyframework.views.csrf.csrf_failure"

MESSAGE_STORAGE = "pyframework.contrib.messages.storage.fallback.FallbackStorage"
# Messages below this level are dropped (pyframework.contrib.messages.constants.INFO).
MESSAGE_LEVEL = 20
# Extra or replacement CSS class names for message levels: {level: "tag"}.
MESSAGE_TAGS = {}

# --- Authentication (pyframework.contrib.auth) -------------------------------------------------

# The user model, as "app_label.ModelName".
AUTH_USER_MODEL = "auth.User"

AUTHENTICATION_BACKENDS = ["pyframework.contrib.auth.backends.ModelBackend"]

# The first hasher makes new hashes; the others still verify (and upgrade) older ones.
PASSWORD_HASHERS = [
    "pyframework.contrib.auth.hashers.PBKDF2PasswordHasher",
    "pyframework.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

# Password strength rules, e.g. {"NAME": "pyframework.contrib.auth.password_validation."
# "MinimumLengthValidator", "OPTIONS": {"min_length": 10}}. Empty: anything goes.
AUTH_PASSWORD_VALIDATORS = []

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/accounts/profile/"
LOGOUT_REDIRECT_URL = None

# Seconds a password-reset link stays valid (three days).
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# --- Email (pyframework.core.mail) -----------------------------------------------------------

# Where mail goes: ...backends.smtp (an SMTP server), .console (standard output),
# .filebased (files in EMAIL_FILE_PATH), .locmem (pyframework.core.mail.outbox, for tests).
EMAIL_BACKEND = "pyframework.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "localhost"
EMAIL_PORT = 25
EMAIL_HOST_USER = ""
EMAIL_HOST_PASSWORD = ""
# STARTTLS after connecting (usually port 587), or TLS from the first byte (usually 465): not both.
EMAIL_USE_TLS = False
EMAIL_USE_SSL = False
# Seconds before a silent SMTP server is given up on; None waits as long as the OS does.
EMAIL_TIMEOUT = None
EMAIL_FILE_PATH = None
# The sender of mails that name none (password resets among them).
DEFAULT_FROM_EMAIL = "webmaster@localhost"
# Who gets error reports (mail_admins) and broken-link reports (mail_managers): [(name, email)].
ADMINS = []
MANAGERS = []
# The sender and subject prefix of those messages.
SERVER_EMAIL = "root@localhost"
EMAIL_SUBJECT_PREFIX = "[pyframework] "
# Compiled regular expressions of URLs whose 404s BrokenLinkEmailsMiddleware does not report.
IGNORABLE_404_URLS = []

# Tests: the runner class of `manage.py test`, folders searched for fixtures besides each
# app's fixtures/, and extra serialization formats ({"format": "dotted.module"}).
TEST_RUNNER = "pyframework.test.runner.DiscoverRunner"
FIXTURE_DIRS = []
SERIALIZATION_MODULES = None
