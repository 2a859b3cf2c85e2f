"""Decorators that restrict which HTTP methods a function view accepts."""
from __future__ import absolute_import, unicode_literals

import functools
import logging

from pyframework.http import HttpResponseNotAllowed

logger = logging.getLogger("pyframework.request")


def require_http_methods(request_method_list):
    """Answer 405 Method Not Allowed (with an Allow header) to other methods.

    ``@require_http_methods(["GET", "POST"])``; method names are upper case.
    """
    allowed = [method.upper() for method in request_method_list]

    def decorator(func):
        @functools.wraps(func)
        def inner(request, *args, **kwargs):
            if request.method not in allowed:
                logger.warning("Method Not Allowed (%s): %s", request.method, request.path,
                               extra={"status_code": 405, "request": request})
                return HttpResponseNotAllowed(allowed)
            return func(request, *args, **kwargs)
        return inner
    return decorator


require_GET = require_http_methods(["GET"])
require_GET.__doc__ = "Only GET is allowed."

require_POST = require_http_methods(["POST"])
require_POST.__doc__ = "Only POST is allowed."

require_safe = require_http_methods(["GET", "HEAD"])
require_safe.__doc__ = "Only GET and HEAD (methods without side effects) are allowed."
