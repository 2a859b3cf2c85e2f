from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig


class SitemapsConfig(AppConfig):
    name = "pyframework.contrib.sitemaps"
    label = "sitemaps"
    verbose_name = "Site Maps"
