"""File storages, as ``django.core.files.storage``: where FileField contents are kept.

``default_storage`` is the storage named ``"default"`` in the STORAGES setting
(FileSystemStorage on MEDIA_ROOT unless configured); ``storages[alias]`` gives the others.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.files.storage.base import Storage
from pyframework.core.files.storage.filesystem import FileSystemStorage
from pyframework.core.files.storage.handler import InvalidStorageError, StorageHandler, storages
from pyframework.utils.functional import LazyObject

__all__ = ["Storage", "FileSystemStorage", "DefaultStorage", "default_storage", "storages",
           "StorageHandler", "InvalidStorageError"]


class DefaultStorage(LazyObject):
    """A lazy stand-in for ``storages["default"]``, resolved on first use."""

    def _setup(self):
        self._wrapped = storages["default"]


default_storage = DefaultStorage()
