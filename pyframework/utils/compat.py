"""The few differences between Python 2.7 (Jython) and Python 3 the framework needs.

Everything in ``pyframework`` must run on CPython 3.9+ and on Jython 2.7, so
version-dependent names live here, in one place, instead of ``try/except
ImportError`` blocks sprinkled through the code base.
"""
from __future__ import absolute_import, unicode_literals

import sys

PY2 = sys.version_info[0] == 2
PY3 = not PY2
JYTHON = sys.platform.startswith("java")

if PY2:  # pragma: no cover - exercised on Jython
    text_type = unicode  # noqa: F821
    binary_type = str
    string_types = (str, unicode)  # noqa: F821
    integer_types = (int, long)  # noqa: F821
    unichr = unichr  # noqa: F821
    from urllib import quote, quote_plus, unquote, unquote_plus, urlencode  # noqa: F401
    from urlparse import urljoin, urlsplit, urlunsplit, urlparse, parse_qsl  # noqa: F401
    from Cookie import SimpleCookie, CookieError, Morsel  # noqa: F401
    from StringIO import StringIO as NativeStringIO  # noqa: F401
    import __builtin__ as builtins  # noqa: F401
    import thread as _thread  # noqa: F401
    from itertools import izip as zip  # noqa: F401
    range = xrange  # noqa: F821
    read_line = raw_input  # noqa: F821 - a line from stdin, without the newline

    def iteritems(d):
        return d.iteritems()

    def itervalues(d):
        return d.itervalues()

    def reraise(tp, value, tb=None):
        exec("raise tp, value, tb")

    class _Secrets(object):
        """The part of Python 3's ``secrets`` module pyframework uses."""

        _random = __import__("random").SystemRandom()

        def randbelow(self, exclusive_upper_bound):
            return self._random.randrange(exclusive_upper_bound)

    secrets = _Secrets()

else:
    text_type = str
    binary_type = bytes
    string_types = (str,)
    integer_types = (int,)
    unichr = chr
    from urllib.parse import (  # noqa: F401
        quote, quote_plus, unquote, unquote_plus, urlencode,
        urljoin, urlsplit, urlunsplit, urlparse, parse_qsl,
    )
    from http.cookies import SimpleCookie, CookieError, Morsel  # noqa: F401
    from io import StringIO as NativeStringIO  # noqa: F401
    import builtins  # noqa: F401
    import _thread  # noqa: F401
    import secrets  # noqa: F401
    zip = zip
    range = range
    read_line = input

    def iteritems(d):
        return iter(d.items())

    def itervalues(d):
        return iter(d.values())

    def reraise(tp, value, tb=None):
        if value is None:
            value = tp()
        if value.__traceback__ is not tb:
            raise value.with_traceback(tb)
        raise value


def native_str(value, encoding="latin-1"):
    """Return ``value`` as the interpreter's native ``str``.

    WSGI status lines, header names and header values must be native strings
    (PEP 3333): bytes on Python 2, text on Python 3. Latin-1 is the WSGI
    convention for smuggling bytes through native strings.
    """
    if isinstance(value, str):
        return value
    if PY2:
        return value.encode(encoding)
    if isinstance(value, bytes):
        return value.decode(encoding)
    return str(value)


def with_metaclass(meta, *bases):
    """Create a base class with a metaclass, in syntax both Pythons accept."""
    class _Meta(meta):
        def __new__(cls, name, this_bases, namespace):
            return meta(name, bases, namespace)
    return type.__new__(_Meta, str("temporary_class"), (), {})


def python_2_unicode_compatible(cls):
    """Class decorator: define ``__str__`` returning text; Python 2 gets ``__unicode__``."""
    if PY2:
        cls.__unicode__ = cls.__str__
        cls.__str__ = lambda self: self.__unicode__().encode("utf-8")
    return cls
