"""Import callables named by dotted paths (error handlers, template options)."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils.compat import string_types
from pyframework.utils.module_loading import import_string  # noqa: F401 - long importable from here


def get_callable(lookup, setting_name):
    """``lookup`` itself if callable, else the callable its dotted path names.

    ``setting_name`` says where the value came from, for the ImproperlyConfigured message.
    """
    if callable(lookup):
        return lookup
    if not isinstance(lookup, string_types):
        raise ImproperlyConfigured("%s must be a callable or a dotted path, got %r." % (setting_name, lookup))
    try:
        value = import_string(lookup)
    except ImportError as exc:
        raise ImproperlyConfigured("%s = '%s' cannot be imported: %s" % (setting_name, lookup, exc))
    if not callable(value):
        raise ImproperlyConfigured("%s = '%s' is not callable." % (setting_name, lookup))
    return value
