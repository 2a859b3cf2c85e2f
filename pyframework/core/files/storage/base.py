"""Storage: the API every file storage backend offers (Django's ``core.files.storage.base``)."""
from __future__ import absolute_import, unicode_literals

import os

from pyframework.core.exceptions import SuspiciousFileOperation
from pyframework.core.files.base import File
from pyframework.core.files.utils import path_parts, validate_file_name
from pyframework.utils.compat import text_type
from pyframework.utils.crypto import get_random_string
from pyframework.utils.text import get_valid_filename


class Storage(object):
    """Base class of file storages: where FileField contents are kept.

    Subclasses implement ``_open(name, mode)``, ``_save(name, content)``, ``delete``,
    ``exists``, ``listdir``, ``size``, ``url`` and, when they can, ``path`` and the
    ``get_*_time`` methods. ``save()`` picks a free name (``get_available_name``), so an
    existing file is never overwritten unless the storage says so.
    """

    def open(self, name, mode="rb"):
        """The stored file ``name`` as a File."""
        return self._open(name, mode)

    def save(self, name, content, max_length=None):
        """Store ``content`` (a File, or anything with read()) under ``name`` or a free variant
        of it; return the name actually used, with ``/`` separators."""
        if name is None:
            name = content.name
        if not hasattr(content, "chunks"):
            content = File(content, name)
        validate_file_name(name, allow_relative_path=True)
        name = self.get_available_name(name, max_length=max_length)
        validate_file_name(name, allow_relative_path=True)
        name = self._save(name, content)
        validate_file_name(name, allow_relative_path=True)
        return name

    def get_valid_name(self, name):
        """``name`` with the characters a file name should not have removed."""
        return get_valid_filename(name)

    def get_alternative_name(self, file_root, file_ext):
        """Another name for a file whose name is taken: a random suffix before the extension."""
        return "%s_%s%s" % (file_root, get_random_string(7), file_ext)

    def get_available_name(self, name, max_length=None):
        """``name`` if it is free on this storage (and at most ``max_length`` long), else a
        variant from get_alternative_name(), the root shortened to fit ``max_length``."""
        name = text_type(name).replace("\\", "/")
        dir_name, file_name = os.path.split(name)
        if ".." in path_parts(dir_name):
            raise SuspiciousFileOperation("Detected path traversal attempt in '%s'" % dir_name)
        validate_file_name(file_name)
        file_root, file_ext = os.path.splitext(file_name)
        while self.exists(name) or (max_length and len(name) > max_length):
            name = os.path.join(dir_name, self.get_alternative_name(file_root, file_ext))
            if max_length is None:
                continue
            truncation = len(name) - max_length
            if truncation > 0:
                file_root = file_root[:-truncation]
                if not file_root:
                    raise SuspiciousFileOperation(
                        'Storage can not find an available filename for "%s". Please make sure '
                        "that the corresponding file field allows sufficient \"max_length\"." % name)
                name = os.path.join(dir_name, self.get_alternative_name(file_root, file_ext))
        return name

    def generate_filename(self, filename):
        """The storage name for an uploaded ``filename`` (directories kept, the name cleaned)."""
        filename = text_type(filename).replace("\\", "/")
        dirname, filename = os.path.split(filename)
        if ".." in path_parts(dirname):
            raise SuspiciousFileOperation("Detected path traversal attempt in '%s'" % dirname)
        return os.path.normpath(os.path.join(dirname, self.get_valid_name(filename))).replace("\\", "/")

    def path(self, name):
        """The local file-system path of ``name``; storages without one raise NotImplementedError."""
        raise NotImplementedError("This backend doesn't support absolute paths.")

    def delete(self, name):
        raise NotImplementedError("subclasses of Storage must provide a delete() method")

    def exists(self, name):
        raise NotImplementedError("subclasses of Storage must provide an exists() method")

    def listdir(self, path):
        raise NotImplementedError("subclasses of Storage must provide a listdir() method")

    def size(self, name):
        raise NotImplementedError("subclasses of Storage must provide a size() method")

    def url(self, name):
        raise NotImplementedError("subclasses of Storage must provide a url() method")

    def get_accessed_time(self, name):
        raise NotImplementedError("subclasses of Storage must provide a get_accessed_time() method")

    def get_created_time(self, name):
        raise NotImplementedError("subclasses of Storage must provide a get_created_time() method")

    def get_modified_time(self, name):
        raise NotImplementedError("subclasses of Storage must provide a get_modified_time() method")
