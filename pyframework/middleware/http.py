"""ConditionalGetMiddleware (mirrors ``django.middleware.http``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.utils.cache import cc_delim_re, get_conditional_response, set_response_etag
from pyframework.utils.deprecation import MiddlewareMixin
from pyframework.utils.http import parse_http_date_safe


class ConditionalGetMiddleware(MiddlewareMixin):
    """Answers GET requests 304 Not Modified when If-None-Match / If-Modified-Since match.

    Non-streaming responses without an ETag get one (the MD5 of the content), unless
    Cache-Control says ``no-store``.
    """

    def process_response(self, request, response):
        # Only GET: other methods' preconditions are the views' business.
        if request.method != "GET":
            return response
        if self.needs_etag(response) and not response.has_header("ETag"):
            set_response_etag(response)
        etag = response.get("ETag")
        last_modified = response.get("Last-Modified")
        last_modified = last_modified and parse_http_date_safe(last_modified)
        if etag or last_modified:
            return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
        return response

    def needs_etag(self, response):
        cache_control_headers = cc_delim_re.split(response.get("Cache-Control", ""))
        return all(header.lower() != "no-store" for header in cache_control_headers)
