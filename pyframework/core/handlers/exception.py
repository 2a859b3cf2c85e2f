"""Turning exceptions raised while handling a request into HTTP responses.

Every layer of the middleware chain is wrapped by
``convert_exception_to_response`` so a middleware always receives a
response from the layer below it, never an exception.
"""
from __future__ import absolute_import, unicode_literals

import logging
import sys

from pyframework.conf import settings
from pyframework.core import signals
from pyframework.core.exceptions import (
    BadRequest, PermissionDenied, RequestDataTooBig, SuspiciousOperation,
)
from pyframework.db.utils import CONNECTION_LOST, LOCK_TIMEOUT, Error as DatabaseError
from pyframework.http import Http404, HttpResponse
from pyframework.http.multipartparser import MultiPartParserError
from pyframework.urls import get_resolver
from pyframework.utils.compat import JYTHON
from pyframework.views import debug, defaults


if JYTHON:  # pragma: no cover - Jython
    # Exceptions thrown by Java code (JDBC, servlet API...) are not Python
    # Exceptions on Jython: name them explicitly so they still become a 500 page.
    from java.lang import Exception as JavaException
    HANDLED_EXCEPTIONS = (Exception, JavaException)
else:
    HANDLED_EXCEPTIONS = Exception

# Seconds a client is told to wait (Retry-After) when a lock wait timed out.
LOCK_TIMEOUT_RETRY_AFTER = 1

request_logger = logging.getLogger("pyframework.request")

# Last resort when even the 500 view fails: nothing here can raise.
_HARD_500_BODY = b"<!doctype html><title>Server Error (500)</title><h1>Server Error (500)</h1>"
_DATABASE_UNAVAILABLE_BODY = (b"<!doctype html><title>Service Unavailable</title><h1>Service Unavailable (503)</h1>"
                              b"<p>Service Unavailable: the database is not reachable.</p>")
_DATABASE_BUSY_BODY = (b"<!doctype html><title>Service Unavailable</title><h1>Service Unavailable (503)</h1>"
                       b"<p>Service Unavailable: the database is busy. Try again in a moment.</p>")
_TOO_BIG_BODY = (b"<!doctype html><title>Request Entity Too Large</title><h1>Request Entity Too Large (413)</h1>"
                 b"<p>The request body is larger than this server accepts.</p>")


def convert_exception_to_response(get_response):
    """Wrap one layer of the chain so exceptions come out as responses."""
    def inner(request):
        try:
            return get_response(request)
        except HANDLED_EXCEPTIONS as exc:
            return response_for_exception(request, exc)
    inner.wrapped = get_response
    return inner


def response_for_exception(request, exc):
    """Return the response for ``exc``, raised while handling ``request`` (which may be None)."""
    # Captured first: on Python 2 a later, handled exception would replace sys.exc_info().
    exc_info = _exc_info(exc)
    # Order matters: RequestDataTooBig is a SuspiciousOperation but gets 413.
    if isinstance(exc, Http404):
        response = error_response(request, 404, exc_info)
    elif isinstance(exc, PermissionDenied):
        response = error_response(request, 403, exc_info)
        _log_client_error(request, response, "Forbidden (Permission denied)")
    elif isinstance(exc, RequestDataTooBig):
        response = HttpResponse(_TOO_BIG_BODY, status=413)
        _security_log(request, exc, 413)
    elif _database_condition(exc) == CONNECTION_LOST:
        # Only real connectivity loss (each backend classifies its driver's codes): the connection
        # is flagged and replaced when the next request starts. A bad statement is a 500 below.
        response = HttpResponse(_DATABASE_UNAVAILABLE_BODY, status=503)
        request_logger.error("Service Unavailable (database not reachable): %s: %s", _request_path(request), exc,
                             extra={"status_code": 503, "request": request})
        response._has_been_logged = True
    elif _database_condition(exc) == LOCK_TIMEOUT:
        response = HttpResponse(_DATABASE_BUSY_BODY, status=503)
        response["Retry-After"] = "%d" % LOCK_TIMEOUT_RETRY_AFTER
        request_logger.error("Service Unavailable (database busy: lock timeout): %s: %s", _request_path(request),
                             exc, extra={"status_code": 503, "request": request})
        response._has_been_logged = True
    elif isinstance(exc, (MultiPartParserError, BadRequest, SuspiciousOperation)):
        if isinstance(exc, SuspiciousOperation):
            _security_log(request, exc, 400)
        response = error_response(request, 400, exc_info)
        _log_client_error(request, response, "Bad Request")
    else:
        signals.got_request_exception.send(sender=None, request=request)
        request_logger.error("Internal Server Error: %s", _request_path(request), exc_info=exc_info)
        response = handle_uncaught_exception(request, exc_info)
        response._has_been_logged = True
    return response


def _database_condition(exc):
    """CONNECTION_LOST / LOCK_TIMEOUT for a pyframework.db error that has one, else None."""
    return exc.condition if isinstance(exc, DatabaseError) else None


def _exc_info(exc):
    current = sys.exc_info()
    if current[1] is exc:
        return current
    return type(exc), exc, getattr(exc, "__traceback__", None)


def error_response(request, status_code, exc_info):
    """The 4xx response: DEBUG details for 400/404, else the project's handler400/403/404."""
    exc = exc_info[1]
    try:
        if settings.DEBUG and request is not None:
            if status_code == 404:
                return debug.technical_404_response(request, exc)
            if status_code == 400:
                return debug.technical_500_response(request, *exc_info, status_code=400)
        return _error_view(request, status_code)(request, exception=exc)
    except HANDLED_EXCEPTIONS:
        # A broken error view is a server bug: report it as one.
        failure = sys.exc_info()
        signals.got_request_exception.send(sender=None, request=request)
        request_logger.error("The error view for %d failed: %s", status_code, _request_path(request),
                             exc_info=failure)
        return handle_uncaught_exception(request, failure)


def handle_uncaught_exception(request, exc_info):
    """The 500 response: technical page in DEBUG, else the project's handler500."""
    try:
        if settings.DEBUG and request is not None:
            return debug.technical_500_response(request, *exc_info)
        return _error_view(request, 500)(request)
    except HANDLED_EXCEPTIONS:
        request_logger.error("The 500 error view failed.", exc_info=sys.exc_info())
        return HttpResponse(_HARD_500_BODY, status=500)


def _error_view(request, status_code):
    """The handlerNNN view of the active urlconf, or the built-in default."""
    if request is None:
        # The project's views expect a request; this one could not even be parsed.
        return defaults.DEFAULT_ERROR_VIEWS[status_code]
    urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
    if urlconf:
        return get_resolver(urlconf).resolve_error_handler(status_code)
    return defaults.DEFAULT_ERROR_VIEWS[status_code]


def _request_path(request):
    return getattr(request, "path", "(unreadable request)")


def _security_log(request, exc, status_code):
    logger = logging.getLogger("pyframework.security.%s" % exc.__class__.__name__)
    logger.error("%s", exc, extra={"status_code": status_code, "request": request})


def _log_client_error(request, response, reason):
    request_logger.warning("%s: %s", reason, _request_path(request),
                           extra={"status_code": response.status_code, "request": request})
    response._has_been_logged = True
