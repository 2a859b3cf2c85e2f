"""A cache of one file per key in a directory: ``pyframework.core.cache.backends.filebased.FileBasedCache``.

LOCATION is the directory (created on first write). Several processes and servers that mount
the same directory share the cache. A file holds the pickled expiry and the zlib-compressed
pickled value (protocol 2, so CPython and Jython read each other's entries); it is written to a
temporary file and renamed into place, so a reader never sees half an entry.
"""
from __future__ import absolute_import, unicode_literals

import errno
import glob
import hashlib
import io
import os
import pickle
import random
import tempfile
import time
import zlib

from pyframework.core.cache.backends.base import DEFAULT_TIMEOUT, PICKLE_PROTOCOL, BaseCache
from pyframework.core.exceptions import ImproperlyConfigured


class FileBasedCache(BaseCache):
    """Entries are ``<md5 of key>.djcache`` files; culling removes random files past MAX_ENTRIES."""

    cache_suffix = ".djcache"

    def __init__(self, dir, params):
        super(FileBasedCache, self).__init__(params)
        if not dir:
            raise ImproperlyConfigured("The file-based cache needs a directory: set CACHES LOCATION.")
        self._dir = os.path.abspath(dir)

    def _key_to_file(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        digest = hashlib.md5(key.encode("utf-8")).hexdigest()
        return os.path.join(self._dir, digest + self.cache_suffix)

    def _read(self, fname):
        """``(expires, value)`` of a live entry, or None (missing, expired entries are deleted)."""
        try:
            with io.open(fname, "rb") as handle:
                expires = pickle.load(handle)
                if expires is not None and expires < time.time():
                    handle.close()
                    self._delete(fname)
                    return None
                return expires, pickle.loads(zlib.decompress(handle.read()))
        except (IOError, OSError, EOFError, ValueError, zlib.error, pickle.UnpicklingError):
            # Missing, or being replaced this very moment, or corrupt: a miss.
            return None

    def _write(self, fname, value, expires):
        self._createdir()
        self._cull()
        handle, tmp_path = tempfile.mkstemp(dir=self._dir)
        renamed = False
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(expires, out, PICKLE_PROTOCOL)
                out.write(zlib.compress(pickle.dumps(value, PICKLE_PROTOCOL)))
            os.rename(tmp_path, fname)
            renamed = True
        finally:
            if not renamed:
                self._delete(tmp_path)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version):
            return False
        self.set(key, value, timeout, version)
        return True

    def get(self, key, default=None, version=None):
        found = self._read(self._key_to_file(key, version))
        return default if found is None else found[1]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._write(self._key_to_file(key, version), value, self.get_backend_timeout(timeout))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        fname = self._key_to_file(key, version)
        found = self._read(fname)
        if found is None:
            return False
        self._write(fname, found[1], self.get_backend_timeout(timeout))
        return True

    def incr(self, key, delta=1, version=None):
        fname = self._key_to_file(key, version)
        found = self._read(fname)
        if found is None:
            raise ValueError("Key '%s' not found" % key)
        new_value = found[1] + delta
        self._write(fname, new_value, found[0])
        return new_value

    def delete(self, key, version=None):
        return self._delete(self._key_to_file(key, version))

    def _delete(self, fname):
        try:
            os.remove(fname)
        except (IOError, OSError):
            # Already gone (another process deleted or culled it).
            return False
        return True

    def has_key(self, key, version=None):
        return self._read(self._key_to_file(key, version)) is not None

    def _list_cache_files(self):
        return glob.glob(os.path.join(self._dir, "*" + self.cache_suffix))

    def _createdir(self):
        try:
            os.makedirs(self._dir, 0o700)
        except OSError as exc:
            if exc.errno != errno.EEXIST or not os.path.isdir(self._dir):
                raise ImproperlyConfigured("Cannot create the CACHES LOCATION directory %s: %s" % (self._dir, exc))

    def _cull(self):
        filelist = self._list_cache_files()
        if len(filelist) < self._max_entries:
            return
        if self._cull_frequency == 0:
            doomed = filelist
        else:
            doomed = random.sample(filelist, len(filelist) // self._cull_frequency)
        for fname in doomed:
            self._delete(fname)

    def clear(self):
        for fname in self._list_cache_files():
            self._delete(fname)
