"""Deployment checks (``check --deploy``): settings that are fine in development but unsafe in production.

SECRET_KEY and DEBUG are checked in security.py. The middleware ordering
checks at the end run with every ``check``: they catch configurations that
would fail on the first request.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core.checks.messages import Error, Warning
from pyframework.core.checks.registry import Tags, register
from pyframework.core.checks.security import SECRET_KEY_WARNING_MSG, is_weak_secret_key

SECURITY_MIDDLEWARE = "pyframework.middleware.security.SecurityMiddleware"
CSRF_MIDDLEWARE = "pyframework.middleware.csrf.CsrfViewMiddleware"
SESSION_MIDDLEWARE = "pyframework.contrib.sessions.middleware.SessionMiddleware"
MESSAGE_MIDDLEWARE = "pyframework.contrib.messages.middleware.MessageMiddleware"
XFRAME_MIDDLEWARE = "pyframework.middleware.clickjacking.XFrameOptionsMiddleware"
SESSION_MESSAGE_STORAGES = (
    "pyframework.contrib.messages.storage.session.SessionStorage",
)


def _uses(middleware):
    return middleware in settings.MIDDLEWARE


def _uses_sessions():
    return _uses(SESSION_MIDDLEWARE) or "pyframework.contrib.sessions" in settings.INSTALLED_APPS


@register(Tags.security, deploy=True)
def check_security_middleware(app_configs=None, **kwargs):
    if not _uses(SECURITY_MIDDLEWARE):
        return [Warning(
            "SecurityMiddleware is not in MIDDLEWARE: no HSTS, nosniff, Referrer-Policy or HTTPS redirect.",
            hint="Add '%s' at the top of MIDDLEWARE." % SECURITY_MIDDLEWARE, id="security.W001")]
    messages = []
    if not settings.SECURE_CONTENT_TYPE_NOSNIFF:
        messages.append(Warning(
            "Your SECURE_CONTENT_TYPE_NOSNIFF setting is not set to True, so your pages will not be served "
            "with an 'X-Content-Type-Options: nosniff' header. You should consider enabling this header to "
            "prevent the browser from identifying content types incorrectly.",
            hint="Set SECURE_CONTENT_TYPE_NOSNIFF = True (the default).", id="security.W006"))
    if not settings.SECURE_REFERRER_POLICY:
        messages.append(Warning(
            "You have not set the SECURE_REFERRER_POLICY setting. Without this, your site will not send a "
            "Referrer-Policy header. You should consider enabling this header to protect user privacy.",
            hint="Set SECURE_REFERRER_POLICY = 'same-origin' (the default).", id="security.W022"))
    if not settings.SECURE_HSTS_SECONDS:
        messages.append(Warning(
            "SECURE_HSTS_SECONDS is not set: browsers may still reach the site over plain HTTP.",
            hint="Once the whole site works over HTTPS, set SECURE_HSTS_SECONDS (start small, e.g. 3600, "
                 "then a year: 31536000). Browsers will refuse HTTP for that long.",
            id="security.W004"))
    if not settings.SECURE_SSL_REDIRECT:
        messages.append(Warning(
            "SECURE_SSL_REDIRECT is False: requests over plain HTTP are served instead of redirected.",
            hint="Set SECURE_SSL_REDIRECT = True, unless the proxy or servlet container already redirects.",
            id="security.W008"))
    return messages


@register(Tags.security, deploy=True)
def check_csrf_middleware(app_configs=None, **kwargs):
    if not _uses(CSRF_MIDDLEWARE):
        return [Warning(
            "CsrfViewMiddleware is not in MIDDLEWARE: forms are open to cross-site request forgery.",
            hint="Add '%s' to MIDDLEWARE and {{ csrf_input }} to every POST form." % CSRF_MIDDLEWARE,
            id="security.W003")]
    if not settings.CSRF_USE_SESSIONS and not settings.CSRF_COOKIE_SECURE:
        return [Warning(
            "CSRF_COOKIE_SECURE is False: the CSRF cookie is also sent over plain HTTP, where it can be read.",
            hint="Set CSRF_COOKIE_SECURE = True.", id="security.W016")]
    return []


@register(Tags.security, deploy=True)
def check_session_cookie(app_configs=None, **kwargs):
    if not _uses_sessions():
        return []
    messages = []
    if not settings.SESSION_COOKIE_SECURE:
        messages.append(Warning(
            "SESSION_COOKIE_SECURE is False: the session cookie is also sent over plain HTTP, "
            "where anyone on the network can steal the session.",
            hint="Set SESSION_COOKIE_SECURE = True.", id="security.W010"))
    if not settings.SESSION_COOKIE_HTTPONLY:
        messages.append(Warning(
            "SESSION_COOKIE_HTTPONLY is False: scripts (including injected ones) can read the session cookie.",
            hint="Set SESSION_COOKIE_HTTPONLY = True.", id="security.W013"))
    return messages


@register(Tags.security, deploy=True)
def check_xframe_options(app_configs=None, **kwargs):
    if not _uses(XFRAME_MIDDLEWARE):
        return [Warning(
            "XFrameOptionsMiddleware is not in MIDDLEWARE: other sites can show these pages in frames "
            "(clickjacking).",
            hint="Add '%s' to MIDDLEWARE." % XFRAME_MIDDLEWARE, id="security.W002")]
    if settings.X_FRAME_OPTIONS != "DENY":
        return [Warning(
            "X_FRAME_OPTIONS is %r, not 'DENY'." % (settings.X_FRAME_OPTIONS,),
            hint="Use 'DENY' unless the site frames its own pages ('SAMEORIGIN').", id="security.W019")]
    return []


@register(Tags.security, deploy=True)
def check_allowed_hosts_for_deploy(app_configs=None, **kwargs):
    if not settings.ALLOWED_HOSTS:
        return [Warning(
            "ALLOWED_HOSTS must not be empty in deployment.",
            hint="List the production host names in ALLOWED_HOSTS: with DEBUG off every request is refused.",
            id="security.W020")]
    if "*" in settings.ALLOWED_HOSTS:
        return [Warning(
            "ALLOWED_HOSTS contains '*': any Host header is accepted, so generated links and "
            "password-reset e-mails can point at an attacker's domain.",
            hint="List the real host names instead of '*'.", id="security.W901")]
    return []


@register(Tags.security, deploy=True)
def check_secret_key_fallbacks(app_configs=None, **kwargs):
    return [Warning(
        SECRET_KEY_WARNING_MSG % ("SECRET_KEY_FALLBACKS[%d]" % index),
        hint="Remove it once sessions signed with it have expired, or replace it with a long random key.",
        id="security.W025")
        for index, key in enumerate(getattr(settings, "SECRET_KEY_FALLBACKS", None) or [])
        if is_weak_secret_key(key)]


def _position(path):
    try:
        return list(settings.MIDDLEWARE).index(path)
    except ValueError:
        return None


@register(Tags.security)
def check_session_middleware_order(app_configs=None, **kwargs):
    """Middleware that needs request.session must come after SessionMiddleware."""
    session_at = _position(SESSION_MIDDLEWARE)
    needs = []
    if settings.CSRF_USE_SESSIONS and _uses(CSRF_MIDDLEWARE):
        needs.append((CSRF_MIDDLEWARE, "CSRF_USE_SESSIONS is True"))
    if _uses(MESSAGE_MIDDLEWARE) and settings.MESSAGE_STORAGE in SESSION_MESSAGE_STORAGES:
        needs.append((MESSAGE_MIDDLEWARE, "MESSAGE_STORAGE is the session storage"))
    errors = []
    for path, why in needs:
        if session_at is None or session_at > _position(path):
            errors.append(Error(
                "%s needs request.session (%s), but SessionMiddleware does not come before it." % (path, why),
                hint="Put '%s' before '%s' in MIDDLEWARE." % (SESSION_MIDDLEWARE, path),
                obj=path, id="security.E101"))
    return errors


_SAMESITE_CHOICES = ("lax", "strict", "none")


@register(Tags.security)
def check_cookie_samesite(app_configs=None, **kwargs):
    """A wrong SameSite value would make every response that sets the cookie fail."""
    errors = []
    for name in ("SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SAMESITE"):
        value = getattr(settings, name)
        if value and ("%s" % (value,)).lower() not in _SAMESITE_CHOICES:
            errors.append(Error(
                "%s is %r; it must be 'Lax', 'Strict', 'None' or None." % (name, value),
                hint="'Lax' suits most sites.", obj=name, id="security.E102"))
    return errors
