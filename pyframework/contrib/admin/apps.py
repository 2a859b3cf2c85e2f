"""The admin's AppConfigs: AdminConfig (the default) discovers every app's ``admin.py``."""
from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig
from pyframework.contrib.admin.checks import check_admin_app, check_dependencies
from pyframework.core import checks
from pyframework.utils.translation import gettext_lazy as _


class SimpleAdminConfig(AppConfig):
    """The admin without autodiscovery (list ``pyframework.contrib.admin.apps.SimpleAdminConfig``)."""

    default = False
    default_site = "pyframework.contrib.admin.sites.AdminSite"
    name = "pyframework.contrib.admin"
    label = "admin"
    verbose_name = _("Administration")

    def ready(self):
        checks.register(check_dependencies, checks.Tags.admin)
        checks.register(check_admin_app, checks.Tags.admin)


class AdminConfig(SimpleAdminConfig):
    """The default: also imports every installed app's ``admin`` module at start-up."""

    default = True

    def ready(self):
        super(AdminConfig, self).ready()
        self.module.autodiscover()
