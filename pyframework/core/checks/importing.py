"""Import a dotted path for a check, turning failure into a readable reason."""
from __future__ import absolute_import, unicode_literals

import importlib


def import_dotted(path):
    """Return ``(obj, None)`` for ``"package.module.name"``, or ``(None, reason)``."""
    module_path, _, name = ("%s" % path).rpartition(".")
    if not module_path:
        return None, "'%s' is not a dotted path to a module attribute" % (path,)
    try:
        module = importlib.import_module(module_path)
    except Exception as exc:  # a broken module raises anything: report it, don't crash check
        return None, "cannot import '%s': %s: %s" % (module_path, exc.__class__.__name__, exc)
    try:
        return getattr(module, name), None
    except AttributeError:
        return None, "module '%s' has no attribute '%s'" % (module_path, name)
