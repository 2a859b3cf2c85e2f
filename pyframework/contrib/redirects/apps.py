from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig
from pyframework.utils.translation import gettext_lazy as _


class RedirectsConfig(AppConfig):
    name = "pyframework.contrib.redirects"
    label = "redirects"
    verbose_name = _("Redirects")
