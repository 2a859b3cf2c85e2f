"""``RedirectFallbackMiddleware``: a 404 whose path has a ``Redirect`` becomes a 301 (or a 410)."""
from __future__ import absolute_import, unicode_literals

from pyframework.apps import apps
from pyframework.conf import settings
from pyframework.contrib.redirects.models import Redirect
from pyframework.contrib.sites.shortcuts import get_current_site
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.http import HttpResponseGone, HttpResponsePermanentRedirect
from pyframework.utils.deprecation import MiddlewareMixin


class RedirectFallbackMiddleware(MiddlewareMixin):
    """Put it late in ``MIDDLEWARE``: only responses that are 404 are looked up, one query each.

    With ``APPEND_SLASH``, ``/old`` also finds the redirect stored for ``/old/``. Subclasses
    may change ``response_gone_class`` and ``response_redirect_class``.
    """

    response_gone_class = HttpResponseGone
    response_redirect_class = HttpResponsePermanentRedirect

    def __init__(self, get_response):
        if not apps.is_installed("pyframework.contrib.sites"):
            raise ImproperlyConfigured(
                "You cannot use RedirectFallbackMiddleware when pyframework.contrib.sites is not installed.")
        super(RedirectFallbackMiddleware, self).__init__(get_response)

    def _find(self, site, path):
        try:
            return Redirect.objects.get(site=site, old_path=path)
        except Redirect.DoesNotExist:
            return None

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        site = get_current_site(request)
        redirect = self._find(site, request.get_full_path())
        if redirect is None and settings.APPEND_SLASH and not request.path.endswith("/"):
            redirect = self._find(site, request.get_full_path(force_append_slash=True))
        if redirect is None:
            return response
        if redirect.new_path == "":
            return self.response_gone_class()
        return self.response_redirect_class(redirect.new_path)
