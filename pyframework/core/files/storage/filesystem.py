"""FileSystemStorage: files in a folder of the local file system (MEDIA_ROOT by default)."""
from __future__ import absolute_import, unicode_literals

import datetime
import errno
import os
import shutil

from pyframework.conf import settings
from pyframework.core.files.base import File
from pyframework.core.files.storage.base import Storage
from pyframework.utils import timezone
from pyframework.utils._os import safe_join
from pyframework.utils.compat import text_type, urljoin
from pyframework.utils.encoding import filepath_to_uri

# O_BINARY only exists (and matters) on Windows; O_EXCL makes creation fail if the file exists.
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_OVERWRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


class FileSystemStorage(Storage):
    """Files kept under ``location`` (default ``MEDIA_ROOT``), served at ``base_url`` (default
    ``MEDIA_URL``).

    ``file_permissions_mode`` / ``directory_permissions_mode`` (default the
    FILE_UPLOAD_PERMISSIONS / FILE_UPLOAD_DIRECTORY_PERMISSIONS settings) are applied to what
    it creates; ``allow_overwrite=True`` replaces an existing file instead of choosing another
    name. Settings are read when used, so ``override_settings(MEDIA_ROOT=...)`` applies to a
    storage made without arguments.
    """

    def __init__(self, location=None, base_url=None, file_permissions_mode=None,
                 directory_permissions_mode=None, allow_overwrite=False):
        self._location = location
        self._base_url = base_url
        self._file_permissions_mode = file_permissions_mode
        self._directory_permissions_mode = directory_permissions_mode
        self._allow_overwrite = allow_overwrite

    def deconstruct(self):
        kwargs = {}
        for name in ("location", "base_url", "file_permissions_mode", "directory_permissions_mode"):
            value = getattr(self, "_" + name)
            if value is not None:
                kwargs[name] = value
        if self._allow_overwrite:
            kwargs["allow_overwrite"] = True
        return "%s.%s" % (type(self).__module__.replace(".filesystem", ""), type(self).__name__), [], kwargs

    @property
    def base_location(self):
        return self._location if self._location is not None else settings.MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        url = self._base_url if self._base_url is not None else settings.MEDIA_URL
        if url and not url.endswith("/"):
            url += "/"
        return url

    @property
    def file_permissions_mode(self):
        if self._file_permissions_mode is not None:
            return self._file_permissions_mode
        return getattr(settings, "FILE_UPLOAD_PERMISSIONS", None)

    @property
    def directory_permissions_mode(self):
        if self._directory_permissions_mode is not None:
            return self._directory_permissions_mode
        return getattr(settings, "FILE_UPLOAD_DIRECTORY_PERMISSIONS", None)

    def _open(self, name, mode="rb"):
        return File(open(self.path(name), mode))

    def _save(self, name, content):
        full_path = self.path(name)
        self._make_directory(os.path.dirname(full_path))
        while True:
            try:
                if hasattr(content, "temporary_file_path"):
                    if os.path.exists(full_path) and not self._allow_overwrite:
                        raise OSError(errno.EEXIST, "File exists", full_path)
                    # An upload spooled to disk is moved, not copied.
                    shutil.move(content.temporary_file_path(), full_path)
                else:
                    self._write(full_path, content)
            except OSError as exc:
                if exc.errno != errno.EEXIST:
                    raise
                # Someone took the name between get_available_name() and now: pick another.
                name = self.get_available_name(name)
                full_path = self.path(name)
                continue
            break
        if self.file_permissions_mode is not None:
            os.chmod(full_path, self.file_permissions_mode)
        return text_type(name).replace("\\", "/")

    def _write(self, full_path, content):
        fd = os.open(full_path, _OVERWRITE_FLAGS if self._allow_overwrite else _CREATE_FLAGS, 0o666)
        try:
            for chunk in content.chunks():
                if not isinstance(chunk, bytes):
                    chunk = chunk.encode("utf-8")
                os.write(fd, chunk)
        finally:
            os.close(fd)

    def _make_directory(self, directory):
        if os.path.isdir(directory):
            return
        if self.directory_permissions_mode is not None:
            # The umask must not narrow the configured mode of the folders made here.
            old_umask = os.umask(0o777 & ~self.directory_permissions_mode)
            try:
                self._makedirs(directory, self.directory_permissions_mode)
            finally:
                os.umask(old_umask)
        else:
            self._makedirs(directory)

    @staticmethod
    def _makedirs(directory, *mode):
        try:
            os.makedirs(directory, *mode)
        except OSError as exc:
            if exc.errno != errno.EEXIST or not os.path.isdir(directory):
                raise

    def get_available_name(self, name, max_length=None):
        if self._allow_overwrite and not (max_length and len(name) > max_length):
            return text_type(name).replace("\\", "/")
        return super(FileSystemStorage, self).get_available_name(name, max_length=max_length)

    def delete(self, name):
        if not name:
            raise ValueError("The name must be given to delete().")
        path = self.path(name)
        try:
            if os.path.isdir(path):
                os.rmdir(path)
            else:
                os.remove(path)
        except OSError as exc:
            if exc.errno != errno.ENOENT:
                raise

    def exists(self, name):
        return os.path.lexists(self.path(name))

    def listdir(self, path):
        """``(directories, files)`` directly inside ``path``."""
        directories, files = [], []
        for entry in sorted(os.listdir(self.path(path))):
            (directories if os.path.isdir(os.path.join(self.path(path), entry)) else files).append(entry)
        return directories, files

    def path(self, name):
        return safe_join(self.location, name)

    def size(self, name):
        return os.path.getsize(self.path(name))

    def url(self, name):
        if self.base_url is None:
            raise ValueError("This file is not accessible via a URL.")
        url = filepath_to_uri(name)
        if url is not None:
            url = url.lstrip("/")
        return urljoin(self.base_url, url)

    def _datetime_from_timestamp(self, ts):
        """Aware UTC when USE_TZ, naive local time otherwise (as Django's storages answer)."""
        if settings.USE_TZ:
            return datetime.datetime.fromtimestamp(ts, timezone.utc)
        return datetime.datetime.fromtimestamp(ts)

    def get_accessed_time(self, name):
        return self._datetime_from_timestamp(os.path.getatime(self.path(name)))

    def get_created_time(self, name):
        return self._datetime_from_timestamp(os.path.getctime(self.path(name)))

    def get_modified_time(self, name):
        return self._datetime_from_timestamp(os.path.getmtime(self.path(name)))
