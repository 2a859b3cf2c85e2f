"""``FlatpageFallbackMiddleware``: a 404 whose path is a FlatPage's URL shows that page instead."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib.flatpages.views import flatpage
from pyframework.http import Http404
from pyframework.utils.deprecation import MiddlewareMixin


class FlatpageFallbackMiddleware(MiddlewareMixin):
    """Put it last in ``MIDDLEWARE``. Only 404 responses are looked up."""

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        try:
            return flatpage(request, request.path_info)
        except Http404:
            return response
        except Exception:
            # A broken flatpage must not hide the original 404 in production.
            if settings.DEBUG:
                raise
            return response
