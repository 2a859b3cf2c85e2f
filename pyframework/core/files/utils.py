"""Checks on file names that storages and file fields apply (Django's ``core.files.utils``)."""
from __future__ import absolute_import, unicode_literals

import os

from pyframework.core.exceptions import SuspiciousFileOperation


def path_parts(name):
    """The components of a relative path, whichever separator it uses."""
    return [part for part in name.replace("\\", "/").split("/") if part]


def validate_file_name(name, allow_relative_path=False):
    """``name`` itself, or SuspiciousFileOperation when it could escape where files are stored.

    A bare name must not be ``.``/``..`` nor contain a directory; with ``allow_relative_path``
    a relative path is accepted, but not an absolute one nor one with ``..`` in it.
    """
    if os.path.basename(name) in ("", ".", ".."):
        raise SuspiciousFileOperation("Could not derive file name from '%s'" % name)
    if allow_relative_path:
        if name.replace("\\", "/").startswith("/") or ".." in path_parts(name):
            raise SuspiciousFileOperation("Detected path traversal attempt in '%s'" % name)
    elif name != os.path.basename(name):
        raise SuspiciousFileOperation("File name '%s' includes path elements" % name)
    return name
