"""The STORAGES setting: storage instances by alias (``storages["default"]``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.signals import setting_changed
from pyframework.utils.module_loading import import_string


class InvalidStorageError(ImproperlyConfigured):
    """An alias that STORAGES does not define, or an entry whose BACKEND cannot be imported."""


class StorageHandler(object):
    """``handler[alias]``: the storage configured under ``alias`` in STORAGES, made once.

    ``StorageHandler({...})`` uses the given mapping instead of the setting; each entry is
    ``{"BACKEND": "dotted.path", "OPTIONS": {...}}``, OPTIONS being the constructor's arguments.
    """

    def __init__(self, backends=None):
        self._backends = backends
        self._storages = {}

    @property
    def backends(self):
        if self._backends is None:
            self._backends = dict(getattr(settings, "STORAGES", None) or {})
        return self._backends

    def __getitem__(self, alias):
        try:
            return self._storages[alias]
        except KeyError:
            try:
                params = self.backends[alias]
            except KeyError:
                raise InvalidStorageError("Could not find config for '%s' in settings.STORAGES." % alias)
            storage = self.create_storage(params)
            self._storages[alias] = storage
            return storage

    def create_storage(self, params):
        params = dict(params)
        backend = params.pop("BACKEND", None)
        if not backend:
            raise InvalidStorageError("settings.STORAGES entry %r has no BACKEND." % (params,))
        options = params.pop("OPTIONS", {})
        try:
            storage_cls = import_string(backend)
        except ImportError as exc:
            raise InvalidStorageError("Could not find backend %r: %s" % (backend, exc))
        return storage_cls(**options)

    def reset(self):
        """Forget the storages made so far (STORAGES changed)."""
        self._backends = None
        self._storages = {}


storages = StorageHandler()


def _reset_storages(**kwargs):
    if kwargs.get("setting") == "STORAGES":
        storages.reset()


setting_changed.connect(_reset_storages)
