from __future__ import unicode_literals

from pyframework.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
