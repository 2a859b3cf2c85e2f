from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig
from pyframework.utils.translation import gettext_lazy as _


class FlatPagesConfig(AppConfig):
    name = "pyframework.contrib.flatpages"
    label = "flatpages"
    verbose_name = _("Flat Pages")
