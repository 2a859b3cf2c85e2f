"""SecurityMiddleware: security-related response headers and the HTTPS redirect."""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.conf import settings
from pyframework.http import HttpResponsePermanentRedirect
from pyframework.utils.compat import string_types
from pyframework.utils.deprecation import MiddlewareMixin


class SecurityMiddleware(MiddlewareMixin):
    """Adds HSTS, X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy headers,
    and redirects plain HTTP to HTTPS when SECURE_SSL_REDIRECT is set.

    Settings are read once, when the middleware chain is built.
    """

    def __init__(self, get_response):
        super(SecurityMiddleware, self).__init__(get_response)
        self.sts_header = self._hsts_value()
        self.content_type_nosniff = settings.SECURE_CONTENT_TYPE_NOSNIFF
        self.redirect = settings.SECURE_SSL_REDIRECT
        self.redirect_host = settings.SECURE_SSL_HOST
        self.redirect_exempt = [re.compile(pattern) for pattern in settings.SECURE_REDIRECT_EXEMPT]
        self.referrer_policy = self._referrer_policy_value(settings.SECURE_REFERRER_POLICY)
        self.cross_origin_opener_policy = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY

    @staticmethod
    def _hsts_value():
        seconds = settings.SECURE_HSTS_SECONDS
        if not seconds:
            return None
        value = "max-age=%d" % int(seconds)
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            value += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            value += "; preload"
        return value

    @staticmethod
    def _referrer_policy_value(policy):
        if not policy:
            return None
        if isinstance(policy, string_types):
            policy = policy.split(",")
        return ",".join(item.strip() for item in policy)

    def process_request(self, request):
        if not self.redirect or request.is_secure():
            return None
        path = request.path.lstrip("/")
        if any(pattern.search(path) for pattern in self.redirect_exempt):
            return None
        host = self.redirect_host or request.get_host()
        return HttpResponsePermanentRedirect("https://%s%s" % (host, request.get_full_path()))

    def process_response(self, request, response):
        if self.sts_header and request.is_secure() and not response.has_header("Strict-Transport-Security"):
            response["Strict-Transport-Security"] = self.sts_header
        if self.content_type_nosniff and not response.has_header("X-Content-Type-Options"):
            response["X-Content-Type-Options"] = "nosniff"
        if self.referrer_policy and not response.has_header("Referrer-Policy"):
            response["Referrer-Policy"] = self.referrer_policy
        if self.cross_origin_opener_policy and not response.has_header("Cross-Origin-Opener-Policy"):
            response["Cross-Origin-Opener-Policy"] = self.cross_origin_opener_policy
        return response
