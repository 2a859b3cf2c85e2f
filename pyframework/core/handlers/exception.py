"""Turning exceptions raised while handling a request into HTTP responses.

Every layer of the middleware chain is wrapped by
``convert_exception_to_response`` so a middleware always receives a
response from the layer below it, never an exception.
"""
from __future__ import unicode_literals

import logging
import sys

from pyframework.conf import settings
from pyframework.core import signals
from pyframework.core.exceptions import (
    BadRequest, PermissionDenied, RequestDataTooBig, SuspiciousOperation,
)
from pyframework.http import Http404, HttpResponse
from pyframework.urls import get_resolver
from pyframework.views import debug, defaults

try:  # The multipart parser lives in the HTTP layer; tolerate an older tree.
    from pyframework.http.multipartparser import MultiPartParserError
except ImportError:  # pragma: no cover
    class MultiPartParserError(Exception):
        pass

request_logger = logging.getLogger("pyframework.request")

# Last resort when even the 500 view fails: nothing here can raise.
_HARD_500_BODY = b"<!doctype html><title>Server Error (500)</title><h1>Server Error (500)</h1>"
_TOO_BIG_BODY = (b"<!doctype html><title>Request Entity Too Large</title><h1>Request Entity Too Large (413)</h1>"
                 b"<p>The request body is larger than this server accepts.</p>")


def convert_exception_to_response(get_response):
    """Wrap one layer of the chain so exceptions come out as responses."""
    def inner(request):
        try:
            return get_response(request)
        except Exception as exc:
            return response_for_exception(request, exc)
    inner.wrapped = get_response
    return inner


def response_for_exception(request, exc):
    """Return the response for ``exc``, raised while handling ``request`` (which may be None)."""
    # Order matters: RequestDataTooBig is a SuspiciousOperation but gets 413.
    if isinstance(exc, Http404):
        if settings.DEBUG and request is not None:
            response = debug.technical_404_response(request, exc)
        else:
            response = error_response(request, 404, exc)
    elif isinstance(exc, PermissionDenied):
        response = error_response(request, 403, exc)
        _log_client_error(request, response, "Forbidden (Permission denied)", exc)
    elif isinstance(exc, RequestDataTooBig):
        response = HttpResponse(_TOO_BIG_BODY, status=413)
        _security_log(request, exc)
    elif isinstance(exc, (MultiPartParserError, BadRequest, SuspiciousOperation)):
        if isinstance(exc, SuspiciousOperation):
            _security_log(request, exc)
        if settings.DEBUG and request is not None:
            response = debug.technical_500_response(request, *sys.exc_info(), status_code=400)
        else:
            response = error_response(request, 400, exc)
        _log_client_error(request, response, "Bad Request", exc)
    else:
        signals.got_request_exception.send(sender=None, request=request)
        response = handle_uncaught_exception(request, sys.exc_info())
        request_logger.error(
            "Internal Server Error: %s", _request_path(request), exc_info=sys.exc_info())
        response._has_been_logged = True
    return response


def error_response(request, status_code, exc):
    """Call the project's error view for ``status_code`` (handler400/403/404 in the urlconf)."""
    try:
        view = _error_view(request, status_code)
        return view(request, exception=exc)
    except Exception:
        # A broken custom 4xx view is a server bug: report it as one.
        signals.got_request_exception.send(sender=None, request=request)
        request_logger.error(
            "Error view for %d failed: %s", status_code, _request_path(request), exc_info=sys.exc_info())
        return handle_uncaught_exception(request, sys.exc_info())


def handle_uncaught_exception(request, exc_info):
    """The 500 response: technical page in DEBUG, else the project's handler500."""
    try:
        if settings.DEBUG and request is not None:
            return debug.technical_500_response(request, *exc_info)
        return _error_view(request, 500)(request)
    except Exception:
        request_logger.error("The 500 error view failed.", exc_info=sys.exc_info())
        return HttpResponse(_HARD_500_BODY, status=500)


def _error_view(request, status_code):
    """The handlerNNN view of the active urlconf, or the built-in default."""
    urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
    if urlconf:
        return get_resolver(urlconf).resolve_error_handler(status_code)
    return defaults.DEFAULT_ERROR_VIEWS[status_code]


def _request_path(request):
    return getattr(request, "path", "(unreadable request)")


def _security_log(request, exc):
    logger = logging.getLogger("pyframework.security.%s" % exc.__class__.__name__)
    logger.error("%s", exc, extra={"status_code": 400, "request": request})


def _log_client_error(request, response, reason, exc):
    request_logger.warning("%s: %s", reason, _request_path(request),
                           extra={"status_code": response.status_code, "request": request})
    response._has_been_logged = True
