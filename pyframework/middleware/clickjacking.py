"""XFrameOptionsMiddleware: forbid other sites from showing pages in frames (clickjacking)."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.utils.deprecation import MiddlewareMixin


class XFrameOptionsMiddleware(MiddlewareMixin):
    """Sets ``X-Frame-Options`` to X_FRAME_OPTIONS (DENY by default) on every response.

    A response that already has the header, or comes from a view decorated
    with ``xframe_options_exempt``, is left alone.
    """

    def process_response(self, request, response):
        if response.has_header("X-Frame-Options") or getattr(response, "xframe_options_exempt", False):
            return response
        response["X-Frame-Options"] = self.get_xframe_options_value(request, response)
        return response

    def get_xframe_options_value(self, request, response):
        """The header value; override to choose it per request."""
        return (settings.X_FRAME_OPTIONS or "DENY").upper()
