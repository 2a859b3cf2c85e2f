"""Cross Site Request Forgery protection.

A random secret is kept per visitor, in the ``csrftoken`` cookie (or in the
session with CSRF_USE_SESSIONS). Pages embed a *masked* form of it
(``{{ csrf_input }}`` in a form, or ``{{ csrf_token }}`` for JavaScript):
the secret XOR-like shifted by a fresh random mask, so the token differs on
every response and compression side channels (BREACH) cannot recover it.
Every POST, PUT, PATCH and DELETE must send a token (form field
``csrfmiddlewaretoken`` or the X-CSRFToken header) that unmasks to the
visitor's secret; another site can make the browser send the cookie but
cannot read it, so it cannot forge the token. Over HTTPS the Origin (or
Referer) header must also name this site or one of CSRF_TRUSTED_ORIGINS.
"""
from __future__ import absolute_import, unicode_literals

import logging
import string

from pyframework.conf import settings
from pyframework.core.exceptions import DisallowedHost, ImproperlyConfigured
from pyframework.urls.utils import get_callable
from pyframework.utils.cache import patch_vary_headers
from pyframework.utils.compat import urlsplit
from pyframework.utils.crypto import constant_time_compare, get_random_string
from pyframework.utils.http import is_same_domain

logger = logging.getLogger("pyframework.security.csrf")

CSRF_ALLOWED_CHARS = string.ascii_letters + string.digits
CSRF_SECRET_LENGTH = 32
CSRF_TOKEN_LENGTH = 2 * CSRF_SECRET_LENGTH
CSRF_SESSION_KEY = "_csrftoken"
FORM_FIELD_NAME = "csrfmiddlewaretoken"
SAFE_METHODS = frozenset(["GET", "HEAD", "OPTIONS", "TRACE"])

_CHAR_INDEX = dict((char, index) for index, char in enumerate(CSRF_ALLOWED_CHARS))
_CHAR_COUNT = len(CSRF_ALLOWED_CHARS)

REASON_BAD_ORIGIN = "Origin checking failed - %s does not match any trusted origins."
REASON_NO_REFERER = "Referer checking failed - no Referer."
REASON_BAD_REFERER = "Referer checking failed - %s does not match any trusted origins."
REASON_MALFORMED_REFERER = "Referer checking failed - Referer is malformed."
REASON_INSECURE_REFERER = "Referer checking failed - Referer is insecure while host is secure."
REASON_NO_CSRF_COOKIE = "CSRF cookie not set."
REASON_CSRF_TOKEN_MISSING = "CSRF token missing."
REASON_BAD_TOKEN = "CSRF token incorrect."
REASON_TOKEN_WRONG_LENGTH = "CSRF token has incorrect length."
REASON_TOKEN_BAD_CHARACTERS = "CSRF token has invalid characters."
REASON_DISALLOWED_HOST = "Host header is not allowed."


class InvalidTokenFormat(Exception):
    def __init__(self, reason):
        super(InvalidTokenFormat, self).__init__(reason)
        self.reason = reason


class RejectRequest(Exception):
    def __init__(self, reason):
        super(RejectRequest, self).__init__(reason)
        self.reason = reason


def _new_secret():
    return get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)


def _mask_secret(secret):
    """A token that unmasks to ``secret``: a random mask followed by the shifted secret."""
    mask = _new_secret()
    shifted = "".join(CSRF_ALLOWED_CHARS[(_CHAR_INDEX[s] + _CHAR_INDEX[m]) % _CHAR_COUNT]
                      for s, m in zip(secret, mask))
    return mask + shifted


def _unmask_token(token):
    mask, shifted = token[:CSRF_SECRET_LENGTH], token[CSRF_SECRET_LENGTH:]
    return "".join(CSRF_ALLOWED_CHARS[_CHAR_INDEX[c] - _CHAR_INDEX[m]] for c, m in zip(shifted, mask))


def _check_token_format(token):
    if len(token) not in (CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH):
        raise InvalidTokenFormat(REASON_TOKEN_WRONG_LENGTH)
    for char in token:
        if char not in _CHAR_INDEX:
            raise InvalidTokenFormat(REASON_TOKEN_BAD_CHARACTERS)


def _as_secret(token):
    """The secret behind a token: a masked token is unmasked, a bare secret (32 chars) is kept."""
    return _unmask_token(token) if len(token) == CSRF_TOKEN_LENGTH else token


def get_token(request):
    """A masked CSRF token for ``request``, creating the secret if it has none.

    Calling it marks the cookie to be (re)sent with the response, so pages
    that print a token always come with the cookie that makes it valid.
    """
    if "CSRF_COOKIE" in request.META:
        secret = request.META["CSRF_COOKIE"]
        # Marked even when the secret exists: the page now depends on it.
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    else:
        secret = _new_secret()
        _add_new_secret(request, secret)
    return _mask_secret(secret)


def rotate_token(request):
    """Replace the CSRF secret (done at login, so a token from before is worthless)."""
    _add_new_secret(request, _new_secret())


def _add_new_secret(request, secret):
    request.META.update({"CSRF_COOKIE": secret, "CSRF_COOKIE_NEEDS_UPDATE": True})
    request.csrf_cookie_needs_reset = True


def _trusted_origins():
    """(exact origins, {scheme: [wildcard domain patterns]}) from CSRF_TRUSTED_ORIGINS."""
    exact = set()
    wildcards = {}
    for origin in settings.CSRF_TRUSTED_ORIGINS:
        if "://" not in origin:
            raise ImproperlyConfigured(
                "CSRF_TRUSTED_ORIGINS entry %r must start with a scheme, e.g. 'https://%s'." % (origin, origin))
        if "*" in origin:
            scheme, _, netloc = origin.partition("://")
            wildcards.setdefault(scheme, []).append(netloc.replace("*", "", 1))
        else:
            exact.add(origin)
    return exact, wildcards


class CsrfViewMiddleware(object):
    """Checks the CSRF token of unsafe requests and sends the CSRF cookie when a page used it.

    Views opt out with ``@csrf_exempt``. The test client turns the checks off
    unless it is created with ``enforce_csrf_checks=True``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.use_sessions = settings.CSRF_USE_SESSIONS
        self.cookie_name = settings.CSRF_COOKIE_NAME
        self.header_name = settings.CSRF_HEADER_NAME
        self.cookie_options = {
            "max_age": settings.CSRF_COOKIE_AGE,
            "domain": settings.CSRF_COOKIE_DOMAIN,
            "path": settings.CSRF_COOKIE_PATH,
            "secure": settings.CSRF_COOKIE_SECURE,
            "httponly": settings.CSRF_COOKIE_HTTPONLY,
            "samesite": settings.CSRF_COOKIE_SAMESITE,
        }
        self.trusted_origins, self.trusted_wildcards = _trusted_origins()
        self.trusted_referer_hosts = [urlsplit(origin).netloc.lstrip("*")
                                      for origin in settings.CSRF_TRUSTED_ORIGINS]
        self.referer_domain = (settings.SESSION_COOKIE_DOMAIN if self.use_sessions
                               else settings.CSRF_COOKIE_DOMAIN)
        self.failure_view = get_callable(settings.CSRF_FAILURE_VIEW, "CSRF_FAILURE_VIEW")

    def __call__(self, request):
        self.process_request(request)
        return self.process_response(request, self.get_response(request))

    # -- reading and storing the secret -------------------------------------

    def _get_secret(self, request):
        """The secret from the cookie (or session); None if missing or malformed."""
        if self.use_sessions:
            session = getattr(request, "session", None)
            if session is None:
                raise ImproperlyConfigured(
                    "CSRF_USE_SESSIONS is True, so CsrfViewMiddleware needs request.session: put "
                    "'pyframework.contrib.sessions.middleware.SessionMiddleware' before it in MIDDLEWARE.")
            token = session.get(CSRF_SESSION_KEY)
        else:
            token = request.COOKIES.get(self.cookie_name)
        if not token:
            return None
        try:
            _check_token_format(token)
        except InvalidTokenFormat:
            return None
        if len(token) == CSRF_TOKEN_LENGTH:
            # A masked token in the cookie (some clients copy it there): keep its secret, store it bare.
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
            return _unmask_token(token)
        return token

    def _set_secret(self, request, response):
        secret = request.META["CSRF_COOKIE"]
        if self.use_sessions:
            if request.session.get(CSRF_SESSION_KEY) != secret:
                request.session[CSRF_SESSION_KEY] = secret
        else:
            response.set_cookie(self.cookie_name, secret, **self.cookie_options)
            patch_vary_headers(response, ("Cookie",))

    # -- hooks --------------------------------------------------------------

    def process_request(self, request):
        secret = self._get_secret(request)
        if secret is not None:
            request.META["CSRF_COOKIE"] = secret

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if getattr(request, "csrf_processing_done", False):
            return None
        if getattr(callback, "csrf_exempt", False):
            return None
        if request.method in SAFE_METHODS:
            return self._accept(request)
        if getattr(request, "_dont_enforce_csrf_checks", False):
            # The test client sets this (unless enforce_csrf_checks=True) so tests need no tokens.
            return self._accept(request)
        try:
            if "HTTP_ORIGIN" in request.META:
                self._check_origin(request)
            elif request.is_secure():
                # No Origin header (older browsers): the Referer must show the form came from here.
                self._check_referer(request)
            self._check_token(request)
        except RejectRequest as exc:
            return self._reject(request, exc.reason)
        return self._accept(request)

    def process_response(self, request, response):
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and "CSRF_COOKIE" in request.META:
            self._set_secret(request, response)
            # Only once, even if the middleware runs again (e.g. through csrf_protect).
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        return response

    def _accept(self, request):
        request.csrf_processing_done = True
        return None

    def _reject(self, request, reason):
        logger.warning("Forbidden (%s): %s", reason, request.path,
                       extra={"status_code": 403, "request": request})
        response = self.failure_view(request, reason=reason)
        response._has_been_logged = True
        return response

    # -- the checks ----------------------------------------------------------

    def _check_origin(self, request):
        origin = request.META["HTTP_ORIGIN"]
        try:
            good_origin = "%s://%s" % ("https" if request.is_secure() else "http", request.get_host())
        except DisallowedHost:
            raise RejectRequest(REASON_DISALLOWED_HOST)
        if origin == good_origin or origin in self.trusted_origins:
            return
        try:
            parts = urlsplit(origin)
            scheme, host = parts.scheme, parts.netloc
        except ValueError:
            raise RejectRequest(REASON_BAD_ORIGIN % origin)
        if host and any(is_same_domain(host, pattern) for pattern in self.trusted_wildcards.get(scheme, ())):
            return
        raise RejectRequest(REASON_BAD_ORIGIN % origin)

    def _check_referer(self, request):
        referer = request.META.get("HTTP_REFERER")
        if referer is None:
            raise RejectRequest(REASON_NO_REFERER)
        try:
            parts = urlsplit(referer)
        except ValueError:
            raise RejectRequest(REASON_MALFORMED_REFERER)
        if "" in (parts.scheme, parts.netloc):
            raise RejectRequest(REASON_MALFORMED_REFERER)
        if parts.scheme != "https":
            raise RejectRequest(REASON_INSECURE_REFERER)
        if any(is_same_domain(parts.netloc, host) for host in self.trusted_referer_hosts):
            return
        if self.referer_domain:
            good_referer = self.referer_domain
            port = request.get_port()
            if port not in ("443", "80"):
                good_referer = "%s:%s" % (good_referer, port)
        else:
            try:
                good_referer = request.get_host()
            except DisallowedHost:
                raise RejectRequest(REASON_DISALLOWED_HOST)
        if not is_same_domain(parts.netloc, good_referer):
            raise RejectRequest(REASON_BAD_REFERER % referer)

    def _request_token(self, request):
        """The token the client sent: the form field of a POST, else the header."""
        token = ""
        if request.method == "POST":
            # A body that can't be read or parsed raises here and becomes a 4xx response.
            token = request.POST.get(FORM_FIELD_NAME, "")
        if not token:
            token = request.META.get(self.header_name, "")
        return token

    def _check_token(self, request):
        secret = request.META.get("CSRF_COOKIE")
        if secret is None:
            raise RejectRequest(REASON_NO_CSRF_COOKIE)
        token = self._request_token(request)
        if not token:
            raise RejectRequest(REASON_CSRF_TOKEN_MISSING)
        try:
            _check_token_format(token)
        except InvalidTokenFormat as exc:
            raise RejectRequest("CSRF token from the %s %s" % (
                "form field" if request.method == "POST" and FORM_FIELD_NAME in request.POST
                else "'%s' header" % self.header_name, exc.reason[len("CSRF token "):]))
        if not constant_time_compare(_as_secret(token), secret):
            raise RejectRequest(REASON_BAD_TOKEN)
