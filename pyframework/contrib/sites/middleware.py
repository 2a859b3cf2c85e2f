"""``CurrentSiteMiddleware``: ``request.site`` on every request."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.sites.shortcuts import get_current_site


class CurrentSiteMiddleware(object):
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.site = get_current_site(request)
        return self.get_response(request)
