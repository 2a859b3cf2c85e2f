"""File-system path helpers (Django's ``utils._os``): joining paths without leaving a base."""
from __future__ import absolute_import, unicode_literals

import os

from pyframework.core.exceptions import SuspiciousFileOperation


def safe_join(base, *paths):
    """The absolute path of ``base`` joined with ``paths``; SuspiciousFileOperation when the
    result is not inside ``base`` (``..`` or an absolute path in ``paths``)."""
    final_path = os.path.abspath(os.path.join(base, *paths))
    base_path = os.path.abspath(base)
    final, root = os.path.normcase(final_path), os.path.normcase(base_path)
    # The base itself is allowed; so is anything under the file-system root used as base.
    if not final.startswith(root.rstrip(os.sep) + os.sep) and final != root and os.path.dirname(root) != root:
        raise SuspiciousFileOperation(
            "The joined path (%s) is located outside of the base path component (%s)" % (final_path, base_path))
    return final_path


def symlinks_supported():
    """Whether this process can create symbolic links (tests skip symlink cases otherwise)."""
    return hasattr(os, "symlink")
