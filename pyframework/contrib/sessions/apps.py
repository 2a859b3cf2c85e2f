from __future__ import absolute_import, unicode_literals

from pyframework.apps import AppConfig


class SessionsConfig(AppConfig):
    name = "pyframework.contrib.sessions"
    verbose_name = "Sessions"
