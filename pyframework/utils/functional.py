"""Lazy evaluation helpers: cached properties, lazy objects and lazy function results."""
from __future__ import absolute_import, unicode_literals

import operator

from pyframework.utils.compat import PY2, text_type


class cached_property(object):
    """A property computed once per instance, then stored in the instance's ``__dict__``.

    Being a non-data descriptor, later lookups find the stored value directly,
    without calling back into Python code (it matters on Jython). ``del obj.name``
    forgets the value so the next access recomputes it.
    """

    def __init__(self, func, name=None):
        self.func = func
        self.name = name or func.__name__
        self.__doc__ = getattr(func, "__doc__", None)

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


_empty = empty = object()  # ``empty``: Django's name for "not set up yet"


def _proxied(func):
    """A method that applies ``func`` to the wrapped object (set up on first use)."""
    def method(self, *args):
        if self._wrapped is _empty:
            self._setup()
        return func(self._wrapped, *args)
    return method


class LazyObject(object):
    """A proxy for an object made on first use by ``_setup()``, which subclasses define and
    which sets ``self._wrapped`` (as ``django.utils.functional.LazyObject``)."""

    _wrapped = None

    def __init__(self):
        self.__dict__["_wrapped"] = _empty

    def _setup(self):
        raise NotImplementedError("subclasses of LazyObject must provide a _setup() method")

    def __getattr__(self, name):
        if self._wrapped is _empty:
            self._setup()
        return getattr(self._wrapped, name)

    def __setattr__(self, name, value):
        if name == "_wrapped":
            self.__dict__["_wrapped"] = value  # what _setup() assigns
            return
        if self._wrapped is _empty:
            self._setup()
        setattr(self._wrapped, name, value)

    def __delattr__(self, name):
        if self._wrapped is _empty:
            self._setup()
        delattr(self._wrapped, name)

    def __repr__(self):
        if self._wrapped is _empty:
            return "<%s: %s>" % (type(self).__name__, "not set up")
        return "<%s: %r>" % (type(self).__name__, self._wrapped)

    @property
    def __class__(self):
        if self._wrapped is _empty:
            self._setup()
        return self._wrapped.__class__

    __str__ = _proxied(str)
    __bool__ = __nonzero__ = _proxied(bool)
    __eq__ = _proxied(operator.eq)
    __ne__ = _proxied(operator.ne)
    __lt__ = _proxied(operator.lt)
    __gt__ = _proxied(operator.gt)
    __hash__ = _proxied(hash)
    __len__ = _proxied(len)
    __iter__ = _proxied(iter)
    __contains__ = _proxied(operator.contains)
    __getitem__ = _proxied(operator.getitem)
    __setitem__ = _proxied(operator.setitem)
    __delitem__ = _proxied(operator.delitem)
    if PY2:
        __unicode__ = _proxied(text_type)


class SimpleLazyObject(LazyObject):
    """Stand-in for the result of ``func()``, which is called on first use only.

    Lets middleware attach costly values (the current user, say) to a request
    without computing them for views that never look.
    """

    def __init__(self, func):
        self.__dict__["_setupfunc"] = func
        super(SimpleLazyObject, self).__init__()

    def _setup(self):
        self._wrapped = self._setupfunc()

    def __repr__(self):
        if self._wrapped is _empty:
            return "<%s: %r>" % (type(self).__name__, self._setupfunc)
        return "<%s: %r>" % (type(self).__name__, self._wrapped)


class Promise(object):
    """Base class of the proxies ``lazy`` returns (so encoders can recognise them)."""


def lazy(func, *resultclasses):
    """Wrap ``func`` so calling it returns a proxy evaluated each time it is used.

    Used for values computed at import time that depend on state only ready
    later (URL reversing, translations).
    """

    class LazyProxy(Promise):
        def __init__(self, args, kwargs):
            self._args = args
            self._kwargs = kwargs

        def _evaluate(self):
            return func(*self._args, **self._kwargs)

        def __getattr__(self, name):
            if name.startswith("__"):
                raise AttributeError(name)
            return getattr(self._evaluate(), name)

        def __str__(self):
            value = self._evaluate()
            if PY2 and isinstance(value, text_type):
                return value.encode("utf-8")  # str() of non-ASCII text would fail on Python 2
            return str(value)

        if PY2:
            def __unicode__(self):
                return text_type(self._evaluate())

        def __repr__(self):
            return "<lazy %r>" % (self._evaluate(),)

        def __eq__(self, other):
            if isinstance(other, Promise):
                other = other._evaluate()
            return self._evaluate() == other

        def __ne__(self, other):
            return not self.__eq__(other)

        def __lt__(self, other):
            if isinstance(other, Promise):
                other = other._evaluate()
            return self._evaluate() < other

        def __hash__(self):
            return hash(self._evaluate())

        def __add__(self, other):
            return self._evaluate() + other

        def __radd__(self, other):
            return other + self._evaluate()

        def __mod__(self, other):
            return self._evaluate() % other

        def __len__(self):
            return len(self._evaluate())

        def __iter__(self):
            return iter(self._evaluate())

        def __contains__(self, item):
            return item in self._evaluate()

        def __getitem__(self, key):
            return self._evaluate()[key]

    def wrapper(*args, **kwargs):
        return LazyProxy(args, kwargs)

    wrapper.__name__ = getattr(func, "__name__", str("lazy"))
    wrapper.__doc__ = getattr(func, "__doc__", None)
    return wrapper


def lazystr(text):
    """A lazy ``text_type(text)``: for values that must stay lazy until shown (as Django's)."""
    return lazy(text_type, text_type)(text)
