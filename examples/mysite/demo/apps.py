from __future__ import unicode_literals

from pyframework.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "pyframework demo"
