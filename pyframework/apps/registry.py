"""The registry of installed apps, filled once from INSTALLED_APPS by ``pyframework.setup()``."""
from __future__ import unicode_literals

import threading
from collections import OrderedDict

from pyframework.apps.config import AppConfig
from pyframework.core.exceptions import AppRegistryNotReady, ImproperlyConfigured


class Apps(object):
    def __init__(self):
        self.app_configs = OrderedDict()
        self.ready = False
        self._lock = threading.RLock()

    def populate(self, installed_apps):
        """Import every installed app and call each one's ``ready()`` (idempotent)."""
        if self.ready:
            return
        with self._lock:
            if self.ready:
                return
            configs = OrderedDict()
            for entry in installed_apps:
                config = entry if isinstance(entry, AppConfig) else AppConfig.create(entry)
                if config.label in configs:
                    raise ImproperlyConfigured(
                        "Application labels aren't unique, duplicates: %s" % config.label)
                configs[config.label] = config
            self.app_configs = configs
            for config in configs.values():
                config.ready()
            self.ready = True

    def check_ready(self):
        if not self.ready:
            raise AppRegistryNotReady("Apps aren't loaded yet: call pyframework.setup() first.")

    def get_app_configs(self):
        self.check_ready()
        return list(self.app_configs.values())

    def get_app_config(self, label):
        self.check_ready()
        try:
            return self.app_configs[label]
        except KeyError:
            raise LookupError("No installed app with label %r." % label)

    def is_installed(self, name):
        self.check_ready()
        return any(config.name == name for config in self.app_configs.values())

    def clear(self):
        """Forget all apps (tests that set up several projects in one process)."""
        with self._lock:
            self.app_configs = OrderedDict()
            self.ready = False


apps = Apps()
