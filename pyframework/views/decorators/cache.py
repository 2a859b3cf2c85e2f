"""Cache decorators for views (mirrors ``django.views.decorators.cache``)."""
from __future__ import absolute_import, unicode_literals

from functools import wraps

from pyframework.middleware.cache import CacheMiddleware
from pyframework.utils.cache import add_never_cache_headers, patch_cache_control


def cache_page(timeout, cache=None, key_prefix=None):
    """Cache the view's response for ``timeout`` seconds (``@cache_page(60 * 15)``).

    ``cache`` names a CACHES alias (default CACHE_MIDDLEWARE_ALIAS), ``key_prefix`` overrides
    CACHE_MIDDLEWARE_KEY_PREFIX. The Cache-Control max-age and Expires headers are set from
    ``timeout`` too, like Django does.
    """
    def decorator(view_func):
        middleware = CacheMiddleware(view_func, page_timeout=timeout, cache_alias=cache, key_prefix=key_prefix)

        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            response = middleware.process_request(request)
            if response is not None:
                return response
            response = view_func(request, *args, **kwargs)
            return middleware.process_response(request, response)
        return wrapper
    return decorator


def _check_request(request, decorator_name):
    if not hasattr(request, "META"):
        raise TypeError("%s didn't receive an HttpRequest. If you are decorating a classmethod, "
                        "be sure to use @method_decorator." % decorator_name)


def cache_control(**kwargs):
    """Patch the response's Cache-Control: ``@cache_control(max_age=3600, public=True)``."""
    def decorator(viewfunc):
        @wraps(viewfunc)
        def wrapper(request, *args, **kw):
            _check_request(request, "cache_control")
            response = viewfunc(request, *args, **kw)
            patch_cache_control(response, **kwargs)
            return response
        return wrapper
    return decorator


def never_cache(view_func):
    """Headers telling browsers and proxies never to cache the response."""
    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        _check_request(request, "never_cache")
        response = view_func(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response
    return wrapper
