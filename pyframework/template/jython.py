"""Make Jinja2 2.11 report template errors on Jython.

When a template fails, Jinja2 imports ``jinja2.debug`` to rewrite the
traceback so it points into the template. On Jython that module cannot even be
imported: outside PyPy it assumes CPython and builds a ctypes structure sized by
``object().__sizeof__()``, which Jython lacks. The resulting AttributeError
replaces every real template error (syntax errors, undefined variables...).

Jinja2 already has a safe branch for interpreters without traceback surgery
(its PyPy one, falling back to leaving ``tb_next`` as it is when ``tputil`` is
missing). ``install()`` imports ``jinja2.debug`` once with that branch
selected, so the module loads, its frame rewriting still runs, and the real
error propagates. Jinja2's files are left untouched.
"""
from __future__ import absolute_import, unicode_literals

import sys

from pyframework.utils.compat import JYTHON


def needs_fix():
    return JYTHON and "jinja2.debug" not in sys.modules


def install():
    """Pre-import ``jinja2.debug`` in its ctypes-free form (no-op unless on Jython)."""
    if not needs_fix():
        return
    from jinja2 import _compat

    saved_pypy = _compat.PYPY
    saved_tputil = sys.modules.get("tputil", _MISSING)
    _compat.PYPY = True
    sys.modules["tputil"] = None  # makes "import tputil" fail: selects the plain fallback
    try:
        import jinja2.debug  # noqa: F401
    finally:
        _compat.PYPY = saved_pypy
        if saved_tputil is _MISSING:
            del sys.modules["tputil"]
        else:
            sys.modules["tputil"] = saved_tputil


_MISSING = object()
