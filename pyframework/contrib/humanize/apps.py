from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig
from pyframework.utils.translation import gettext_lazy as _


class HumanizeConfig(AppConfig):
    name = "pyframework.contrib.humanize"
    label = "humanize"
    verbose_name = _("Humanize")
