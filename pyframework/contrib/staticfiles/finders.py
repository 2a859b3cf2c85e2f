"""Finding static files: STATICFILES_DIRS first, then each installed app's ``static/`` directory."""
from __future__ import absolute_import, unicode_literals

import os

from pyframework.apps import apps
from pyframework.conf import settings
from pyframework.contrib.staticfiles.utils import safe_join
from pyframework.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from pyframework.core.signals import setting_changed
from pyframework.utils.compat import string_types

_SETTINGS_USED = ("STATICFILES_DIRS", "INSTALLED_APPS", "STATIC_ROOT")
_locations = None


def _configured_dirs():
    """(prefix, directory) pairs from STATICFILES_DIRS; an entry may be "dir" or ("prefix", "dir")."""
    locations = []
    static_root = os.path.abspath(settings.STATIC_ROOT) if settings.STATIC_ROOT else None
    for entry in settings.STATICFILES_DIRS:
        if isinstance(entry, (list, tuple)):
            if len(entry) != 2:
                raise ImproperlyConfigured("STATICFILES_DIRS entry %r must be a path or a (prefix, path) pair." % (entry,))
            prefix, directory = entry
            prefix = prefix.strip("/")
        elif isinstance(entry, string_types):
            prefix, directory = "", entry
        else:
            raise ImproperlyConfigured("STATICFILES_DIRS entry %r must be a path or a (prefix, path) pair." % (entry,))
        directory = os.path.abspath(directory)
        if static_root and directory == static_root:
            raise ImproperlyConfigured(
                "STATICFILES_DIRS must not contain STATIC_ROOT (%s): collected files would overwrite sources."
                % directory)
        locations.append((prefix, directory))
    return locations


def _app_dirs():
    locations = []
    for config in apps.get_app_configs():
        directory = os.path.join(config.path, "static")
        if os.path.isdir(directory):
            locations.append(("", directory))
    return locations


def get_locations():
    """Every (prefix, directory) searched for static files, in search order (cached)."""
    global _locations
    if _locations is None:
        _locations = _configured_dirs() + _app_dirs()
    return _locations


def _reset_locations(setting, **kwargs):
    global _locations
    if setting in _SETTINGS_USED:
        _locations = None


setting_changed.connect(_reset_locations, dispatch_uid="staticfiles-locations")


def find(path, all=False):
    """Absolute path of the static file ``path`` (relative, '/'-separated), or None.

    With ``all=True`` return the list of every match instead. Paths that try
    to leave a static directory are never found.
    """
    matches = []
    for prefix, directory in get_locations():
        relative = path
        if prefix:
            if not path.startswith(prefix + "/"):
                continue
            relative = path[len(prefix) + 1:]
        try:
            candidate = safe_join(directory, relative)
        except SuspiciousFileOperation:
            continue
        if os.path.isfile(candidate):
            if not all:
                return candidate
            matches.append(candidate)
    return matches if all else None
