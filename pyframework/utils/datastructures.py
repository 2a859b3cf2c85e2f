"""Containers used by requests, responses and the ORM: multi-valued and case-insensitive
dicts, OrderedSet, DictWrapper."""
from __future__ import absolute_import, unicode_literals

import copy
from collections import OrderedDict

try:
    from collections.abc import Mapping
except ImportError:  # pragma: no cover - Python 2.7 / Jython
    from collections import Mapping


class MultiValueDictKeyError(KeyError):
    """A key is missing from a MultiValueDict (still a KeyError)."""


class MultiValueDict(dict):
    """A dict whose keys may hold several values (HTML forms repeat field names).

    ``d[key]`` returns the last value, ``d.getlist(key)`` all of them. The
    underlying dict maps each key to a list.
    """

    def __init__(self, key_to_list_mapping=()):
        super(MultiValueDict, self).__init__(key_to_list_mapping)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, super(MultiValueDict, self).__repr__())

    def __getitem__(self, key):
        try:
            values = super(MultiValueDict, self).__getitem__(key)
        except KeyError:
            raise MultiValueDictKeyError(key)
        return values[-1] if values else []

    def __setitem__(self, key, value):
        super(MultiValueDict, self).__setitem__(key, [value])

    def __copy__(self):
        return self.__class__([(key, list(values)) for key, values in self.lists()])

    def __deepcopy__(self, memo):
        result = self.__class__()
        memo[id(self)] = result
        for key, values in dict.items(self):
            dict.__setitem__(result, copy.deepcopy(key, memo), copy.deepcopy(values, memo))
        return result

    def __getstate__(self):
        return dict(self.__dict__, _data=dict((key, self.getlist(key)) for key in self))

    def __setstate__(self, state):
        data = state.pop("_data", {})
        for key, values in data.items():
            self.setlist(key, values)
        self.__dict__.update(state)

    def get(self, key, default=None):
        """The last value for ``key``, or ``default`` when absent or empty."""
        try:
            value = self[key]
        except KeyError:
            return default
        if value == []:
            return default
        return value

    def _getlist(self, key, default=None, force_list=False):
        try:
            values = super(MultiValueDict, self).__getitem__(key)
        except KeyError:
            if default is None:
                return []
            return default
        return list(values) if force_list else values

    def getlist(self, key, default=None):
        """Every value for ``key`` (a new list), or ``default``/[] when absent."""
        return self._getlist(key, default, force_list=True)

    def setlist(self, key, list_):
        super(MultiValueDict, self).__setitem__(key, list_)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def setlistdefault(self, key, default_list=None):
        if key not in self:
            self.setlist(key, default_list if default_list is not None else [])
        return self._getlist(key)

    def appendlist(self, key, value):
        """Add ``value`` to the values of ``key``."""
        self.setlistdefault(key).append(value)

    def items(self):
        """(key, last value) pairs."""
        for key in self:
            yield key, self[key]

    def lists(self):
        """(key, list of values) pairs."""
        return iter(super(MultiValueDict, self).items())

    def values(self):
        for key in self:
            yield self[key]

    def copy(self):
        return copy.copy(self)

    def update(self, *args, **kwargs):
        """Extend (not replace) the values of each key."""
        if len(args) > 1:
            raise TypeError("update expected at most 1 argument, got %d" % len(args))
        if args:
            other = args[0]
            if isinstance(other, MultiValueDict):
                for key, values in other.lists():
                    self.setlistdefault(key).extend(values)
            else:
                pairs = other.items() if isinstance(other, Mapping) else other
                for key, value in pairs:
                    self.setlistdefault(key).append(value)
        for key, value in kwargs.items():
            self.setlistdefault(key).append(value)

    def dict(self):
        """A plain dict of key -> last value."""
        return dict((key, self[key]) for key in self)


class ImmutableList(tuple):
    """A tuple that explains, when someone tries to change it, why they cannot."""

    def __new__(cls, *args, **kwargs):
        warning = kwargs.pop("warning", "ImmutableList object is immutable.")
        self = tuple.__new__(cls, *args, **kwargs)
        self.warning = warning
        return self

    def complain(self, *args, **kwargs):
        raise AttributeError(self.warning)

    __delitem__ = __delslice__ = __iadd__ = __imul__ = complain
    __setitem__ = __setslice__ = complain
    append = extend = insert = pop = remove = sort = reverse = complain


class CaseInsensitiveMapping(Mapping):
    """A read-only mapping whose keys compare case-insensitively but keep their spelling."""

    def __init__(self, data=None):
        self._store = {}
        for key, value in self._pairs(data):
            self._store[key.lower()] = (key, value)

    @staticmethod
    def _pairs(data):
        if not data:
            return ()
        # isinstance() against an ABC is slow on Jython: try the plain dict first.
        if isinstance(data, dict) or isinstance(data, Mapping):
            return data.items()
        return data

    def __getitem__(self, key):
        return self._store[key.lower()][1]

    def get(self, key, default=None):
        # Mapping.get would go through __getitem__ and a KeyError: too slow for the hot path.
        try:
            pair = self._store.get(key.lower())
        except AttributeError:
            return default
        return default if pair is None else pair[1]

    def __contains__(self, key):
        try:
            return key.lower() in self._store
        except AttributeError:
            return False

    def __len__(self):
        return len(self._store)

    def __iter__(self):
        return (original for original, _ in self._store.values())

    def __eq__(self, other):
        if isinstance(other, Mapping):
            theirs = dict((key.lower(), value) for key, value in other.items())
            return theirs == dict((lower, value) for lower, (_, value) in self._store.items())
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __repr__(self):
        return repr(dict(self._store.values()))

    def copy(self):
        return self


class OrderedSet(object):
    """A set that remembers insertion order (add, remove, discard, in, len, iteration both ways)."""

    def __init__(self, iterable=None):
        self.dict = OrderedDict.fromkeys(iterable or ())

    def add(self, item):
        self.dict[item] = None

    def remove(self, item):
        del self.dict[item]

    def discard(self, item):
        self.dict.pop(item, None)

    def __iter__(self):
        return iter(self.dict)

    def __reversed__(self):
        return reversed(self.dict)

    def __contains__(self, item):
        return item in self.dict

    def __bool__(self):
        return bool(self.dict)

    __nonzero__ = __bool__

    def __len__(self):
        return len(self.dict)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, repr(list(self.dict)) if self.dict else "")


class DictWrapper(dict):
    """A dict whose keys starting with ``prefix`` give the value of the key without it passed
    through ``func``: ``DictWrapper(attrs, quote_name, "qn_")["qn_column"]`` is the quoted
    column name (used to fill column type templates)."""

    def __init__(self, data, func, prefix):
        super(DictWrapper, self).__init__(data)
        self.func = func
        self.prefix = prefix

    def __getitem__(self, key):
        use_func = key.startswith(self.prefix)
        if use_func:
            key = key[len(self.prefix):]
        value = super(DictWrapper, self).__getitem__(key)
        return self.func(value) if use_func else value
