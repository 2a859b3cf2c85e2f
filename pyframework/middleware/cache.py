"""The per-site cache (mirrors ``django.middleware.cache``).

Put UpdateCacheMiddleware first in MIDDLEWARE and FetchFromCacheMiddleware last::

    MIDDLEWARE = ["pyframework.middleware.cache.UpdateCacheMiddleware", ...,
                  "pyframework.middleware.cache.FetchFromCacheMiddleware"]

Only GET and HEAD requests with a 200 answer are cached; responses that vary on ``*`` or say
``private``/``no-cache``/``no-store`` are not, nor is one that varies on Cookie and sets a
cookie for a request without cookies. The timeout is the response's max-age, else CACHE_MIDDLEWARE_SECONDS; the cache is
CACHES[CACHE_MIDDLEWARE_ALIAS] and keys start with CACHE_MIDDLEWARE_KEY_PREFIX.
"""
from __future__ import absolute_import, unicode_literals

import time

from pyframework.conf import settings
from pyframework.core.cache import caches
from pyframework.utils.cache import (
    cc_delim_re, get_cache_key, get_max_age, has_vary_header, learn_cache_key, patch_response_headers,
)
from pyframework.utils.deprecation import MiddlewareMixin
from pyframework.utils.http import parse_http_date_safe


class UpdateCacheMiddleware(MiddlewareMixin):
    """Stores cacheable responses (the response phase; must be first in MIDDLEWARE)."""

    def __init__(self, get_response):
        super(UpdateCacheMiddleware, self).__init__(get_response)
        self.page_timeout = None
        self.key_prefix = settings.CACHE_MIDDLEWARE_KEY_PREFIX
        self.cache_alias = settings.CACHE_MIDDLEWARE_ALIAS

    @property
    def cache_timeout(self):
        return settings.CACHE_MIDDLEWARE_SECONDS

    @property
    def cache(self):
        return caches[self.cache_alias]

    def _should_update_cache(self, request, response):
        return hasattr(request, "_cache_update_cache") and request._cache_update_cache

    def process_response(self, request, response):
        if not self._should_update_cache(request, response):
            return response
        if response.streaming or response.status_code not in (200, 304):
            return response
        # A response varying on Cookie that sets a cookie on a cookieless request (a new session
        # or CSRF token) would be stored under the "no cookie" key and hand that cookie to every
        # cookieless visitor (Django's rule).
        if not request.COOKIES and response.cookies and has_vary_header(response, "Cookie"):
            return response
        if "private" in response.get("Cache-Control", ()):
            return response
        cc = [directive.lower() for directive in cc_delim_re.split(response.get("Cache-Control", ""))]
        if "no-cache" in cc or "no-store" in cc:
            return response
        if has_vary_header(response, "*"):
            return response

        timeout = self.page_timeout
        if timeout is None:
            timeout = get_max_age(response)
            if timeout is None:
                timeout = self.cache_timeout
            elif timeout == 0:
                return response  # max-age 0: don't cache
        patch_response_headers(response, timeout)
        if timeout and response.status_code == 200:
            cache_key = learn_cache_key(request, response, timeout, self.key_prefix, cache=self.cache)
            if hasattr(response, "render") and callable(response.render) \
                    and not getattr(response, "is_rendered", True):
                response.add_post_render_callback(lambda r: self.cache.set(cache_key, r, timeout))
            else:
                self.cache.set(cache_key, response, timeout)
        return response


class FetchFromCacheMiddleware(MiddlewareMixin):
    """Answers GET/HEAD from the cache when a page is stored (must be last in MIDDLEWARE)."""

    def __init__(self, get_response):
        super(FetchFromCacheMiddleware, self).__init__(get_response)
        self.key_prefix = settings.CACHE_MIDDLEWARE_KEY_PREFIX
        self.cache_alias = settings.CACHE_MIDDLEWARE_ALIAS

    @property
    def cache(self):
        return caches[self.cache_alias]

    def process_request(self, request):
        if request.method not in ("GET", "HEAD"):
            request._cache_update_cache = False
            return None
        cache_key = get_cache_key(request, self.key_prefix, "GET", cache=self.cache)
        if cache_key is None:
            request._cache_update_cache = True
            return None
        response = self.cache.get(cache_key)
        # A HEAD may be answered from its own entry (the page was first fetched with HEAD).
        if response is None and request.method == "HEAD":
            cache_key = get_cache_key(request, self.key_prefix, "HEAD", cache=self.cache)
            response = self.cache.get(cache_key)
        if response is None:
            request._cache_update_cache = True
            return None
        # Expired per its own Expires header (a cache with a longer timeout kept it): refetch.
        max_age_seconds = get_max_age(response)
        expires = parse_http_date_safe(response.get("Expires", ""))
        if max_age_seconds is not None and expires is not None and expires < time.time():
            request._cache_update_cache = True
            return None
        request._cache_update_cache = False
        return response


class CacheMiddleware(UpdateCacheMiddleware, FetchFromCacheMiddleware):
    """Both halves in one (what ``cache_page`` uses): fetch first, store after the view."""

    def __init__(self, get_response, cache_timeout=None, page_timeout=None, **kwargs):
        super(CacheMiddleware, self).__init__(get_response)
        key_prefix = kwargs.get("key_prefix")
        if key_prefix is not None:
            self.key_prefix = key_prefix
        cache_alias = kwargs.get("cache_alias")
        if cache_alias is not None:
            self.cache_alias = cache_alias
        self._cache_timeout = cache_timeout
        self.page_timeout = page_timeout

    @property
    def cache_timeout(self):
        if self._cache_timeout is None:
            return settings.CACHE_MIDDLEWARE_SECONDS
        return self._cache_timeout
