from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig
from pyframework.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "pyframework.contrib.sites"
    label = "sites"
    verbose_name = _("Sites")

    def ready(self):
        from pyframework.contrib.sites import checks  # noqa: F401 - registers the SITE_ID check
        from pyframework.contrib.sites.management import create_default_site
        from pyframework.db.models.signals import post_migrate

        # No sender: the registry is rebuilt in tests, the handler checks the app itself.
        post_migrate.connect(create_default_site,
                             dispatch_uid="pyframework.contrib.sites.create_default_site")
