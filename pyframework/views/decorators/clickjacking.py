"""View decorators controlling the X-Frame-Options header."""
from __future__ import absolute_import, unicode_literals

from functools import wraps


def _wrap(view_func, marker):
    @wraps(view_func)
    def wrapper(*args, **kwargs):
        response = view_func(*args, **kwargs)
        if response is not None:
            marker(response)
        return response
    return wrapper


def _exempt(response):
    response.xframe_options_exempt = True


def _set_header(value):
    def mark(response):
        if not response.has_header("X-Frame-Options"):
            response["X-Frame-Options"] = value
    return mark


def xframe_options_exempt(view_func):
    """Let this view's pages be shown in frames: XFrameOptionsMiddleware skips them."""
    return _wrap(view_func, _exempt)


def xframe_options_deny(view_func):
    """Send ``X-Frame-Options: DENY`` for this view whatever X_FRAME_OPTIONS says."""
    return _wrap(view_func, _set_header("DENY"))


def xframe_options_sameorigin(view_func):
    """Send ``X-Frame-Options: SAMEORIGIN`` for this view whatever X_FRAME_OPTIONS says."""
    return _wrap(view_func, _set_header("SAMEORIGIN"))
