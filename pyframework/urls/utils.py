"""Import callables named by dotted paths (error handlers, template options)."""
from __future__ import absolute_import, unicode_literals

import importlib

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils.compat import string_types


def import_string(dotted_path):
    """Import ``"package.module.name"`` and return ``name``; ImportError says what failed."""
    module_path, _, attribute = dotted_path.rpartition(".")
    if not module_path:
        raise ImportError("'%s' is not a dotted path of the form 'module.name'." % dotted_path)
    module = importlib.import_module(module_path)
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise ImportError("Module '%s' has no attribute '%s'." % (module_path, attribute))


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
