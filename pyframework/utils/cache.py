"""Helpers for HTTP caching headers and the per-view/per-site cache (mirrors ``django.utils.cache``).

Cache-Control and Vary are patched (merged with what a view already set), never overwritten.
The cache key of a page depends on its absolute URL, the method and the values of the headers
its response varies on, so a page that differs per cookie is never served to another visitor.
"""
from __future__ import absolute_import, unicode_literals

import hashlib
import re
import time

from pyframework.conf import settings
from pyframework.core.cache import caches
from pyframework.http import HttpResponse, HttpResponseNotModified
from pyframework.utils import translation
from pyframework.utils.encoding import force_bytes
from pyframework.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag

cc_delim_re = re.compile(r"\s*,\s*")


def _to_tuple(value):
    parts = value.split("=", 1)
    if len(parts) > 1:
        return parts[0].lower(), parts[1]
    return parts[0].lower(), True


def patch_cache_control(response, **kwargs):
    """Merge directives into Cache-Control: ``patch_cache_control(response, max_age=60, public=True)``.

    Underscores become hyphens; True adds a bare directive, False removes it. ``no_cache`` with a
    header name is added to the existing field names; ``max_age`` keeps the smaller value; public
    and private exclude each other.
    """
    def dictvalue(item):
        if item[1] is True:
            return item[0]
        return "%s=%s" % (item[0], item[1])

    cc = {}
    if response.get("Cache-Control"):
        for field in cc_delim_re.split(response["Cache-Control"]):
            if not field:
                continue
            directive, value = _to_tuple(field)
            if directive == "no-cache":
                # A no-cache directive may list header names: collect them all.
                cc.setdefault(directive, set()).add(value)
            else:
                cc[directive] = value

    if "max-age" in cc and "max_age" in kwargs:
        kwargs["max_age"] = min(int(cc["max-age"]), kwargs["max_age"])
    if "private" in cc and "public" in kwargs:
        del cc["private"]
    elif "public" in cc and "private" in kwargs:
        del cc["public"]

    for key, value in kwargs.items():
        directive = key.replace("_", "-")
        if directive == "no-cache":
            cc.setdefault(directive, set()).add(value)
        else:
            cc[directive] = value

    directives = []
    for directive, values in cc.items():
        if directive == "no-cache" and isinstance(values, set):
            if True in values:
                values = [True]  # a bare no-cache covers every field name
            directives.extend([dictvalue((directive, value)) for value in sorted(values, key=str)
                               if value is not False])
        elif values is not False:
            directives.append(dictvalue((directive, values)))
    response["Cache-Control"] = ", ".join(directives)


def get_max_age(response):
    """The response's Cache-Control max-age as an int, or None."""
    if not response.has_header("Cache-Control"):
        return None
    cc = dict(_to_tuple(el) for el in cc_delim_re.split(response["Cache-Control"]) if el)
    try:
        return int(cc["max-age"])
    except (ValueError, TypeError, KeyError):
        return None


def set_response_etag(response):
    """An ETag from the MD5 of the content, for non-streaming responses with content."""
    if not response.streaming and response.content:
        response["ETag"] = quote_etag(hashlib.md5(response.content).hexdigest())
    return response


def _precondition_failed(request):
    return HttpResponse(status=412)


def _not_modified(request, response=None):
    new_response = HttpResponseNotModified()
    if response:
        # Headers a 304 must repeat (RFC 9110 section 15.4.5).
        for header in ("Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Last-Modified", "Vary"):
            if header in response:
                new_response[header] = response[header]
        new_response.cookies = response.cookies
    return new_response


def get_conditional_response(request, etag=None, last_modified=None, response=None):
    """Evaluate the request's preconditions (RFC 9110 section 13.2.2): a 304, a 412 or ``response``."""
    if response and not (200 <= response.status_code < 300):
        return response

    if_match_etags = parse_etags(request.META.get("HTTP_IF_MATCH", ""))
    if_unmodified_since = request.META.get("HTTP_IF_UNMODIFIED_SINCE")
    if_unmodified_since = if_unmodified_since and parse_http_date_safe(if_unmodified_since)
    if_none_match_etags = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if_modified_since = if_modified_since and parse_http_date_safe(if_modified_since)

    if if_match_etags and not _if_match_passes(etag, if_match_etags):
        return _precondition_failed(request)
    if (not if_match_etags and if_unmodified_since
            and not _if_unmodified_since_passes(last_modified, if_unmodified_since)):
        return _precondition_failed(request)
    if if_none_match_etags and not _if_none_match_passes(etag, if_none_match_etags):
        if request.method in ("GET", "HEAD"):
            return _not_modified(request, response)
        return _precondition_failed(request)
    if (not if_none_match_etags and if_modified_since
            and not _if_modified_since_passes(last_modified, if_modified_since)
            and request.method in ("GET", "HEAD")):
        return _not_modified(request, response)
    return response


def _if_match_passes(target_etag, etags):
    if not target_etag:
        return False
    if etags == ["*"]:
        return True
    if target_etag.startswith("W/"):
        return False  # If-Match uses the strong comparison
    return target_etag in etags


def _if_unmodified_since_passes(last_modified, if_unmodified_since):
    return last_modified and last_modified <= if_unmodified_since


def _if_none_match_passes(target_etag, etags):
    if not target_etag:
        return True
    if etags == ["*"]:
        return False
    # The weak comparison: W/"x" matches "x".
    target_etag = target_etag.strip("W/")
    return target_etag not in [etag.strip("W/") for etag in etags]


def _if_modified_since_passes(last_modified, if_modified_since):
    return not last_modified or last_modified > if_modified_since


def patch_response_headers(response, cache_timeout=None):
    """Add Expires and Cache-Control max-age (default CACHE_MIDDLEWARE_SECONDS) when missing."""
    if cache_timeout is None:
        cache_timeout = settings.CACHE_MIDDLEWARE_SECONDS
    if cache_timeout < 0:
        cache_timeout = 0  # Can't have max-age negative
    if not response.has_header("Expires"):
        response["Expires"] = http_date(time.time() + cache_timeout)
    patch_cache_control(response, max_age=cache_timeout)


def add_never_cache_headers(response):
    """Headers that stop browsers and proxies from caching the response at all."""
    patch_response_headers(response, cache_timeout=-1)
    patch_cache_control(response, no_cache=True, no_store=True, must_revalidate=True, private=True)


def patch_vary_headers(response, newheaders):
    """Add ``newheaders`` to the response's Vary header, keeping what is there and avoiding repeats.

    Responses that differ per cookie (sessions, CSRF tokens) must say so, or a
    shared cache could serve one visitor's page to another. ``*`` replaces everything.
    """
    existing = [item.strip() for item in cc_delim_re.split(response.get("Vary", "")) if item.strip()]
    if "*" in existing:
        return
    present = set(item.lower() for item in existing)
    for header in newheaders:
        if header.lower() not in present:
            existing.append(header)
            present.add(header.lower())
    if "*" in existing:
        existing = ["*"]
    response["Vary"] = ", ".join(existing)


def has_vary_header(response, header_query):
    """True if the response's Vary header names ``header_query``."""
    if not response.has_header("Vary"):
        return False
    vary_headers = cc_delim_re.split(response["Vary"])
    return header_query.lower() in set(header.lower() for header in vary_headers)


def _i18n_cache_key_suffix(request, cache_key):
    # As in Django: the active language (LocaleMiddleware's choice) is part of the key, so
    # a Vary on Accept-Language is redundant then (see learn_cache_key).
    if getattr(settings, "USE_I18N", False):
        cache_key += ".%s" % getattr(request, "LANGUAGE_CODE", translation.get_language())
    return cache_key


def _generate_cache_key(request, method, headerlist, key_prefix):
    ctx = hashlib.md5()
    for header in headerlist:
        value = request.META.get(header)
        if value is not None:
            ctx.update(force_bytes(value))
    url = hashlib.md5(force_bytes(request.build_absolute_uri()))
    cache_key = "views.decorators.cache.cache_page.%s.%s.%s.%s" % (
        key_prefix, method, url.hexdigest(), ctx.hexdigest())
    return _i18n_cache_key_suffix(request, cache_key)


def _generate_cache_header_key(key_prefix, request):
    url = hashlib.md5(force_bytes(request.build_absolute_uri()))
    cache_key = "views.decorators.cache.cache_header.%s.%s" % (key_prefix, url.hexdigest())
    return _i18n_cache_key_suffix(request, cache_key)


def get_cache_key(request, key_prefix=None, method="GET", cache=None):
    """The key the page for ``request`` is cached under, or None if its headers were never learnt."""
    if key_prefix is None:
        key_prefix = settings.CACHE_MIDDLEWARE_KEY_PREFIX
    cache_key = _generate_cache_header_key(key_prefix, request)
    if cache is None:
        cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]
    headerlist = cache.get(cache_key)
    if headerlist is not None:
        return _generate_cache_key(request, method, headerlist, key_prefix)
    return None


def learn_cache_key(request, response, cache_timeout=None, key_prefix=None, cache=None):
    """Remember which request headers the response varies on; return the page's cache key."""
    if key_prefix is None:
        key_prefix = settings.CACHE_MIDDLEWARE_KEY_PREFIX
    if cache_timeout is None:
        cache_timeout = settings.CACHE_MIDDLEWARE_SECONDS
    cache_key = _generate_cache_header_key(key_prefix, request)
    if cache is None:
        cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]
    if response.has_header("Vary"):
        is_accept_language_redundant = getattr(settings, "USE_I18N", False)
        headerlist = []
        for header in cc_delim_re.split(response["Vary"]):
            header = header.upper().replace("-", "_")
            if header != "ACCEPT_LANGUAGE" or not is_accept_language_redundant:
                headerlist.append("HTTP_" + header)
        headerlist.sort()
        cache.set(cache_key, headerlist, cache_timeout)
        return _generate_cache_key(request, request.method, headerlist, key_prefix)
    # No Vary header: the page is the same for every request to this URL.
    cache.set(cache_key, [], cache_timeout)
    return _generate_cache_key(request, request.method, [], key_prefix)
