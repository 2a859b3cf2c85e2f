"""Sessions in files (SESSION_ENGINE ``pyframework.contrib.sessions.backends.file``), one per
session in SESSION_FILE_PATH (the system's temp folder by default), as Django's file backend.

Each file holds the signed data (as the database backend stores it) and is named
SESSION_COOKIE_NAME + key. A session is written to a temporary file that then replaces the
old one, so a reader never sees half a session. The file's modification time is when the
session was last saved, which expiry is counted from. Suits one server (or a shared folder);
``clearsessions`` deletes the expired files.
"""
from __future__ import absolute_import, unicode_literals

import errno
import io
import os
import tempfile

from pyframework.conf import settings
from pyframework.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, SessionBase, UpdateError
from pyframework.core.exceptions import ImproperlyConfigured


class SessionStore(SessionBase):
    """A session kept in its own file."""

    def __init__(self, session_key=None):
        self.storage_path = self._get_storage_path()
        self.file_prefix = settings.SESSION_COOKIE_NAME
        super(SessionStore, self).__init__(session_key)

    @classmethod
    def _get_storage_path(cls):
        path = settings.SESSION_FILE_PATH or tempfile.gettempdir()
        if not os.path.isdir(path):
            raise ImproperlyConfigured(
                "SESSION_FILE_PATH = %r is not a folder: the file session backend keeps its sessions there." % path)
        return path

    def _validate_session_key(self, key):
        # Only keys this backend made: a key is part of a file name, so nothing else gets near the disk.
        return super(SessionStore, self)._validate_session_key(key) and all(c in VALID_KEY_CHARS for c in key)

    def _key_to_file(self, session_key=None):
        session_key = self._get_or_create_session_key() if session_key is None else session_key
        if not self._validate_session_key(session_key):
            raise ValueError("Invalid characters in session key")
        return os.path.join(self.storage_path, self.file_prefix + session_key)

    def load(self):
        path = self._key_to_file()
        try:
            with io.open(path, encoding="ascii") as handle:
                content = handle.read()
            saved_at = os.path.getmtime(path)
        except (IOError, OSError):
            self._session_key = None
            return {}
        data = self.decode(content) if content else {}
        if not isinstance(data, dict) or self.has_expired(data, saved_at):
            self.delete()
            self._session_key = None
            return {}
        return data

    def save(self, must_create=False):
        if self.session_key is None:
            return self.create()
        path = self._key_to_file()
        if must_create:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except OSError as exc:
                if exc.errno == errno.EEXIST:
                    raise CreateError()
                raise
            os.close(fd)
        elif not os.path.exists(path):
            raise UpdateError()
        content = self.encode(self._get_session(no_load=must_create))
        fd, temp_path = tempfile.mkstemp(dir=self.storage_path, prefix=self.file_prefix + "_tmp")
        try:
            with io.open(fd, "w", encoding="ascii", closefd=True) as handle:
                handle.write(content)
            _replace(temp_path, path)
        except BaseException:
            if os.path.exists(temp_path):
                os.unlink(temp_path)
            raise

    def exists(self, session_key):
        return session_key is not None and os.path.exists(self._key_to_file(session_key))

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        try:
            os.unlink(self._key_to_file(session_key))
        except (OSError, ValueError):
            pass

    @classmethod
    def clear_expired(cls):
        storage_path = cls._get_storage_path()
        prefix = settings.SESSION_COOKIE_NAME
        for name in os.listdir(storage_path):
            if not name.startswith(prefix) or name.startswith(prefix + "_tmp"):
                continue
            key = name[len(prefix):]
            session = cls(key)
            if session.session_key is None:
                continue
            # load() deletes the file of an expired session.
            session.load()


def _replace(source, target):
    """Move ``source`` over ``target`` at once (os.replace; rename on Python 2, where POSIX
    rename replaces too)."""
    replace = getattr(os, "replace", None)
    if replace is not None:
        replace(source, target)
    else:
        try:
            os.rename(source, target)
        except OSError:
            os.unlink(target)
            os.rename(source, target)


__all__ = ["SessionStore"]
