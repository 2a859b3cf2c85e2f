"""``FlatPageSitemap``: the current site's public flat pages, for ``contrib.sitemaps``."""
from __future__ import absolute_import, unicode_literals

from pyframework.apps import apps
from pyframework.contrib.flatpages.models import FlatPage
from pyframework.contrib.sitemaps import Sitemap
from pyframework.contrib.sites.models import Site
from pyframework.core.exceptions import ImproperlyConfigured


class FlatPageSitemap(Sitemap):
    def items(self):
        """The pages of the current ``Site`` that need no login."""
        if not apps.is_installed("pyframework.contrib.sites"):
            raise ImproperlyConfigured("FlatPageSitemap requires pyframework.contrib.sites, which isn't installed.")
        return FlatPage.objects.filter(sites=Site.objects.get_current(), registration_required=False)
