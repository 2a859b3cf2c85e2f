"""The cache framework (mirrors ``django.core.cache``).

``caches["alias"]`` is the backend configured under that alias of the CACHES setting (one
instance per thread, like database connections); ``cache`` is ``caches["default"]``. The default
CACHES is one per-process LocMemCache. A misnamed BACKEND or alias raises
InvalidCacheBackendError naming the CACHES entry to fix.
"""
from __future__ import absolute_import, unicode_literals

import threading

from pyframework.conf import settings
from pyframework.core import signals
from pyframework.core.cache.backends.base import (
    DEFAULT_TIMEOUT, BaseCache, CacheKeyWarning, InvalidCacheBackendError, InvalidCacheKey,
)
from pyframework.urls.utils import import_string

__all__ = [
    "cache", "caches", "DEFAULT_CACHE_ALIAS", "InvalidCacheBackendError", "CacheKeyWarning",
    "BaseCache", "InvalidCacheKey", "DEFAULT_TIMEOUT", "close_caches",
]

DEFAULT_CACHE_ALIAS = "default"


class CacheHandler(object):
    """``caches[alias]``: the backend of that CACHES entry, created once per thread."""

    def __init__(self):
        self._local = threading.local()

    @property
    def settings(self):
        return settings.CACHES

    def create_connection(self, alias):
        try:
            params = dict(self.settings[alias])
        except KeyError:
            raise InvalidCacheBackendError("The cache alias '%s' is not in the CACHES setting." % alias)
        backend = params.pop("BACKEND", None)
        if not backend:
            raise InvalidCacheBackendError("CACHES['%s'] has no BACKEND." % alias)
        location = params.pop("LOCATION", "")
        try:
            backend_class = import_string(backend)
        except ImportError as exc:
            raise InvalidCacheBackendError("Could not find CACHES['%s'] BACKEND '%s': %s" % (alias, backend, exc))
        return backend_class(location, params)

    def __getitem__(self, alias):
        connections = getattr(self._local, "connections", None)
        if connections is None:
            connections = self._local.connections = {}
        try:
            return connections[alias]
        except KeyError:
            connection = connections[alias] = self.create_connection(alias)
            return connection

    def __iter__(self):
        return iter(self.settings)

    def all(self, initialized_only=False):
        if initialized_only:
            return list(getattr(self._local, "connections", {}).values())
        return [self[alias] for alias in self]

    def close_all(self, **kwargs):
        for connection in self.all(initialized_only=True):
            connection.close()

    def reset(self):
        """Forget every thread's backends (CACHES changed): each thread makes new ones on next use."""
        self._local = threading.local()


caches = CacheHandler()


class _DefaultCacheProxy(object):
    """``cache``: forwards everything to ``caches['default']`` of the current thread."""

    def __getattr__(self, name):
        return getattr(caches[DEFAULT_CACHE_ALIAS], name)

    def __setattr__(self, name, value):
        return setattr(caches[DEFAULT_CACHE_ALIAS], name, value)

    def __delattr__(self, name):
        return delattr(caches[DEFAULT_CACHE_ALIAS], name)

    def __contains__(self, key):
        return key in caches[DEFAULT_CACHE_ALIAS]

    def __eq__(self, other):
        return caches[DEFAULT_CACHE_ALIAS] == other

    def __ne__(self, other):
        return caches[DEFAULT_CACHE_ALIAS] != other

    __hash__ = object.__hash__


cache = _DefaultCacheProxy()


def close_caches(**kwargs):
    caches.close_all()


def _on_setting_changed(setting=None, **kwargs):
    if setting == "CACHES":
        caches.reset()


signals.request_finished.connect(close_caches, dispatch_uid="pyframework.core.cache.close_caches")
signals.setting_changed.connect(_on_setting_changed, dispatch_uid="pyframework.core.cache.reset")
