from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "pyframework.contrib.syndication"
    label = "syndication"
    verbose_name = "Syndication"
