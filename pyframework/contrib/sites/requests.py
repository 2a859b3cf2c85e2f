"""``RequestSite``: a site object made from the request, when the sites app is not installed."""
from __future__ import absolute_import, unicode_literals

from pyframework.utils.compat import python_2_unicode_compatible


@python_2_unicode_compatible
class RequestSite(object):
    """Shares ``Site``'s ``domain`` and ``name`` (both the request's host); cannot be saved."""

    def __init__(self, request):
        self.domain = self.name = request.get_host()

    def __str__(self):
        return self.domain

    def save(self, force_insert=False, force_update=False):
        raise NotImplementedError("RequestSite cannot be saved.")

    def delete(self):
        raise NotImplementedError("RequestSite cannot be deleted.")
