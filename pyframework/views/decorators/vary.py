"""Vary-header decorators for views (mirrors ``django.views.decorators.vary``)."""
from __future__ import absolute_import, unicode_literals

from functools import wraps

from pyframework.utils.cache import patch_vary_headers


def vary_on_headers(*headers):
    """Add the headers to the response's Vary: ``@vary_on_headers("User-Agent", "Cookie")``."""
    def decorator(func):
        @wraps(func)
        def inner_func(*args, **kwargs):
            response = func(*args, **kwargs)
            patch_vary_headers(response, headers)
            return response
        return inner_func
    return decorator


def vary_on_cookie(func):
    """The response differs per Cookie header (e.g. per logged-in user)."""
    @wraps(func)
    def inner_func(*args, **kwargs):
        response = func(*args, **kwargs)
        patch_vary_headers(response, ("Cookie",))
        return response
    return inner_func
