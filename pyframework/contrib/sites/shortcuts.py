"""``get_current_site(request)``: the ``Site`` when the sites app is installed, else a ``RequestSite``."""
from __future__ import absolute_import, unicode_literals

from pyframework.apps import apps


def get_current_site(request):
    if apps.is_installed("pyframework.contrib.sites"):
        from pyframework.contrib.sites.models import Site  # only importable with the app installed

        return Site.objects.get_current(request)
    from pyframework.contrib.sites.requests import RequestSite

    return RequestSite(request)
