"""Python source for the values found in operations: the text a migration file is made of.

``serialize(value)`` returns ``(source, imports)``. The output is the same on
CPython 3 and Jython 2.7 (no ``u''`` prefixes, no ``L`` suffixes, sorted sets and
dicts) so that regenerating a migration never produces a spurious diff.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import functools
import re
import sys
import types
import uuid

from pyframework.db.models.enums import Choices
from pyframework.utils.compat import PY2, binary_type, integer_types, text_type
from pyframework.utils.functional import Promise

try:
    import enum
except ImportError:  # Jython 2.7 has no enum module
    enum = None

# Module prefixes written through the names every migration file imports.
SHORT_MODULES = (
    ("pyframework.db.models.", "models.", "from pyframework.db import models"),
    ("pyframework.db.migrations.", "migrations.", "from pyframework.db import migrations"),
    ("pyframework.utils.timezone.", "timezone.", "from pyframework.utils import timezone"),
)
REGEX_TYPE = type(re.compile(""))
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def serialize_text(value):
    """A quoted literal: printable non-ASCII text stays readable (files are UTF-8)."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 32 or ord(char) == 127:
            out.append("\\x%02x" % ord(char))
        else:
            out.append(char)
    return "'%s'" % "".join(out)


def serialize_bytes(value):
    out = []
    for byte in bytearray(value):
        char = chr(byte)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append("\\x%02x" % byte)
    return "b'%s'" % "".join(out)


def _exported(package, qualname):
    """Whether ``package`` (``pyframework.db.models``) has the top-level name ``qualname`` starts with."""
    module = sys.modules.get(package)
    if module is None:
        module = __import__(package, {}, {}, [str("__name__")])
    return hasattr(module, qualname.split(".")[0])


def serialize_path(path, qualname=None):
    """``pyframework.db.models.CharField`` -> ``models.CharField`` plus the import it needs.

    With ``qualname`` (``"RunPython.noop"``), ``path`` is the module that defines it.
    """
    if qualname is None:
        path, _, qualname = path.rpartition(".")
    for prefix, short, import_line in SHORT_MODULES:
        if (path + ".").startswith(prefix) and _exported(prefix[:-1], qualname):
            # Public names are re-exported at the package level: fields.CharField is models.CharField.
            return short + qualname, set([import_line])
    if not path or path in ("builtins", "__builtin__", "exceptions"):
        return qualname, set()
    return "%s.%s" % (path, qualname), set(["import %s" % path])


def _qualified_name(obj):
    qualname = getattr(obj, "__qualname__", None)
    if qualname is not None:
        return obj.__module__, qualname
    # Python 2 has no __qualname__: bound/unbound methods know their class, static methods
    # are found by looking through the classes of their module.
    owner = getattr(obj, "im_class", None)
    if owner is None:
        module = sys.modules.get(obj.__module__)
        for candidate in vars(module).values() if module is not None else ():
            if isinstance(candidate, type) and isinstance(candidate.__dict__.get(obj.__name__), staticmethod) \
                    and candidate.__dict__[obj.__name__].__get__(None, candidate) is obj:
                owner = candidate
                break
    if owner is None:
        return obj.__module__, obj.__name__
    return owner.__module__, "%s.%s" % (owner.__name__, obj.__name__)


def serialize_callable(value):
    module, qualname = _qualified_name(value)
    if value.__name__ == "<lambda>":
        raise ValueError("Cannot serialize a lambda: use a module-level function in migrations.")
    if "<locals>" in qualname:
        raise ValueError("Cannot serialize %s: it is defined inside a function." % qualname)
    if module is None or module == "__main__":
        raise ValueError("Cannot serialize %r: its module cannot be imported." % (value,))
    return serialize_path(module, qualname)


def serialize_sequence(items, opening, closing, single_comma=False):
    imports = set()
    parts = []
    for item in items:
        source, item_imports = serialize(item)
        parts.append(source)
        imports.update(item_imports)
    if single_comma and len(parts) == 1:
        return "%s%s,%s" % (opening, parts[0], closing), imports
    return "%s%s%s" % (opening, ", ".join(parts), closing), imports


def serialize_call(path, args, kwargs):
    """``path(arg, key=value)`` with kwargs sorted by name."""
    source, imports = serialize_path(path)
    parts = []
    for arg in args:
        arg_source, arg_imports = serialize(arg)
        parts.append(arg_source)
        imports.update(arg_imports)
    for key in sorted(kwargs):
        value_source, value_imports = serialize(kwargs[key])
        parts.append("%s=%s" % (key, value_source))
        imports.update(value_imports)
    return "%s(%s)" % (source, ", ".join(parts)), imports


def serialize_deconstructible(value):
    parts = value.deconstruct()
    if len(parts) == 5:  # a manager: (as_manager, manager path, queryset path, args, kwargs)
        as_manager, manager_path, qs_path, args, kwargs = parts
        if as_manager:
            source, imports = serialize_path(*qs_path.rsplit(".", 1))
            return "%s.as_manager()" % source, imports
        return serialize_call(manager_path, args, kwargs)
    if len(parts) == 4:  # a field: (name, path, args, kwargs)
        parts = parts[1:]
    path, args, kwargs = parts
    if "." not in path:  # operations deconstruct to their bare class name
        path = "pyframework.db.migrations.%s" % path
    return serialize_call(path, args, kwargs)


def _serialize_datetime(value):
    if isinstance(value, datetime.datetime):
        args = [value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond]
        while len(args) > 3 and not args[-1]:
            args.pop()
        imports = set(["import datetime"])
        text = ", ".join("%d" % arg for arg in args)
        if value.tzinfo is not None:
            if value.utcoffset() != datetime.timedelta(0):
                raise ValueError("Only UTC datetimes can be written to migrations: %r" % (value,))
            text += ", tzinfo=timezone.utc"
            imports.add("from pyframework.utils import timezone")
        return "datetime.datetime(%s)" % text, imports
    if isinstance(value, datetime.date):
        return "datetime.date(%d, %d, %d)" % (value.year, value.month, value.day), set(["import datetime"])
    if isinstance(value, datetime.time):
        args = [value.hour, value.minute, value.second, value.microsecond]
        while len(args) > 2 and not args[-1]:
            args.pop()
        return "datetime.time(%s)" % ", ".join("%d" % arg for arg in args), set(["import datetime"])
    return "datetime.timedelta(days=%d, seconds=%d, microseconds=%d)" % (
        value.days, value.seconds, value.microseconds), set(["import datetime"])


def serialize(value):
    """Python source evaluating to ``value``, and the import lines it needs."""
    if isinstance(value, Choices):  # as in Django: a member is written as its plain value
        value = value.value
    if value is None or isinstance(value, bool):
        return repr(value), set()
    if isinstance(value, Promise):
        value = text_type(value)
    if isinstance(value, text_type):
        return serialize_text(value), set()
    if isinstance(value, binary_type):
        if PY2:  # a native str on Python 2 is text written without a prefix
            return serialize_text(value.decode("utf-8")), set()
        return serialize_bytes(value), set()
    if enum is not None and isinstance(value, enum.Enum):
        source, imports = serialize_path("%s.%s" % (value.__class__.__module__, value.__class__.__name__))
        return "%s[%s]" % (source, serialize_text(value.name)), imports
    if isinstance(value, integer_types):
        return "%d" % value, set()
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "float(%s)" % serialize_text(repr(value)), set()
        return repr(value), set()
    if isinstance(value, decimal.Decimal):
        return "Decimal(%s)" % serialize_text("%s" % value), set(["from decimal import Decimal"])
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        return _serialize_datetime(value)
    if isinstance(value, uuid.UUID):
        return "uuid.UUID(%s)" % serialize_text("%s" % value), set(["import uuid"])
    if isinstance(value, list):
        return serialize_sequence(value, "[", "]")
    if isinstance(value, tuple):
        return serialize_sequence(value, "(", ")", single_comma=True)
    if isinstance(value, (set, frozenset)):
        if not value:
            return ("frozenset()" if isinstance(value, frozenset) else "set()"), set()
        items = sorted(value, key=lambda item: serialize(item)[0])
        source, imports = serialize_sequence(items, "{", "}")
        return ("frozenset(%s)" % source if isinstance(value, frozenset) else source), imports
    if isinstance(value, dict):
        imports = set()
        parts = []
        for key in sorted(value, key=lambda item: serialize(item)[0]):
            key_source, key_imports = serialize(key)
            value_source, value_imports = serialize(value[key])
            parts.append("%s: %s" % (key_source, value_source))
            imports.update(key_imports)
            imports.update(value_imports)
        return "{%s}" % ", ".join(parts), imports
    if isinstance(value, functools.partial):
        source, imports = serialize_call("functools.partial", (value.func,) + tuple(value.args),
                                         value.keywords or {})
        return source, imports
    if isinstance(value, REGEX_TYPE):
        flags = value.flags & ~re.UNICODE  # implied for text patterns on Python 3, noise in the file
        pattern_source, _ = serialize(value.pattern)
        if flags:
            return "re.compile(%s, %d)" % (pattern_source, flags), set(["import re"])
        return "re.compile(%s)" % pattern_source, set(["import re"])
    if isinstance(value, type):
        meta = getattr(value, "_meta", None)
        if meta is not None and getattr(meta, "apps", None) is not None and value.__module__ == "__fake__":
            return serialize_text(meta.label), set()
        return serialize_path(value.__module__, getattr(value, "__qualname__", value.__name__))
    if hasattr(value, "deconstruct") and not isinstance(value, type):
        return serialize_deconstructible(value)
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType)) or callable(value):
        return serialize_callable(value)
    raise ValueError("Cannot serialize %r (%s): give it a deconstruct() method or use a plain value."
                     % (value, type(value).__name__))

