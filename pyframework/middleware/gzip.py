"""GZipMiddleware: gzip-compress responses for clients that accept it."""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.utils.cache import patch_vary_headers
from pyframework.utils.deprecation import MiddlewareMixin
from pyframework.utils.text import compress_sequence, compress_string

re_accepts_gzip = re.compile(r"\bgzip\b")


class GZipMiddleware(MiddlewareMixin):
    """Compress the response when the request's Accept-Encoding has gzip.

    Small bodies (under 200 bytes), already encoded responses and bodies that would not
    shrink are left alone; streaming responses are compressed as they stream. The gzip header
    gets up to ``max_random_bytes`` of random padding against BREACH-style length attacks.
    """

    max_random_bytes = 100

    def process_response(self, request, response):
        if not response.streaming and len(response.content) < 200:
            return response
        if response.has_header("Content-Encoding"):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        if response.streaming:
            response.streaming_content = compress_sequence(response.streaming_content,
                                                           max_random_bytes=self.max_random_bytes)
            if response.has_header("Content-Length"):
                del response["Content-Length"]
        else:
            compressed = compress_string(response.content, max_random_bytes=self.max_random_bytes)
            if len(compressed) >= len(response.content):
                return response
            response.content = compressed
            response["Content-Length"] = str(len(response.content))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag  # the compressed body is not the same bytes
        response["Content-Encoding"] = "gzip"
        return response
