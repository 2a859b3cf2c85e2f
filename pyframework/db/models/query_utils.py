"""Small pieces the query layer shares with the model layer: Q objects, lookup registration,
the descriptor for plain fields and the description of one step of a relation path."""
from __future__ import absolute_import, unicode_literals

import copy
from collections import namedtuple

# One hop of a lookup path: from one table to the next. ``join_cols`` pairs
# (column on the ``from`` side, column on the ``to`` side); ``multi`` is True when
# the hop can match several rows (reverse foreign key, many-to-many).
PathInfo = namedtuple("PathInfo", "from_model to_model join_cols join_field target_field nullable multi direct "
                                   "extra")
# ``extra``: more ON conditions, ``((side, column, value), ...)`` with side "lhs" (the table joined
# from) or "rhs" (the joined table) - a generic relation's content type. None for plain joins.
PathInfo.__new__.__defaults__ = (None,)

LOOKUP_SEP = "__"

try:
    from pyframework.core.exceptions import FieldError
except ImportError:  # until the core exceptions module defines it
    class FieldError(Exception):
        """A lookup, expression or ordering names something the model does not have."""


class EmptyResultSet(Exception):
    """A condition can never match (``pk__in=[]``): the query returns nothing without asking the database."""


class Q(object):
    """A filter condition tree: ``Q(a=1) | ~Q(b=2) & Q(c=3)``."""

    AND = "AND"
    OR = "OR"
    default = AND
    conditional = True

    def __init__(self, *args, **kwargs):
        self.connector = kwargs.pop("_connector", None) or self.default
        self.negated = kwargs.pop("_negated", False)
        self.children = list(args) + sorted(kwargs.items())

    def __repr__(self):
        body = (" %s " % self.connector).join(repr(child) for child in self.children)
        return "<Q: %s(%s)>" % ("NOT " if self.negated else "", body)

    def __eq__(self, other):
        return (isinstance(other, Q) and self.connector == other.connector
                and self.negated == other.negated and self.children == other.children)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __len__(self):
        return len(self.children)

    def __bool__(self):
        return bool(self.children)

    __nonzero__ = __bool__

    def _combine(self, other, connector):
        if not getattr(other, "conditional", False):
            raise TypeError("Can only combine Q objects with other conditions, not %r." % (other,))
        if not other:
            return copy.deepcopy(self)
        if not self:
            return copy.deepcopy(other)
        combined = Q(_connector=connector)
        combined.children = [self, other]
        return combined

    def __or__(self, other):
        return self._combine(other, self.OR)

    def __and__(self, other):
        return self._combine(other, self.AND)

    def __invert__(self):
        inverted = Q()
        inverted.children = [self]
        inverted.negated = True
        return inverted

    def __deepcopy__(self, memo):
        clone = Q(_connector=self.connector, _negated=self.negated)
        clone.children = [copy.deepcopy(child, memo) for child in self.children]
        return clone

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        """Let a Q be used where an expression is expected (e.g. inside ``filter()``)."""
        return query.build_where(self)

    def deconstruct(self):
        path = "pyframework.db.models.Q"
        kwargs = {}
        if self.connector != self.default:
            kwargs["_connector"] = self.connector
        if self.negated:
            kwargs["_negated"] = True
        return path, tuple(self.children), kwargs


_lookups = []


def _lookups_module():
    # lookups.py builds on this module, so it is imported on first use (once: imports are slow on Jython).
    if not _lookups:
        from pyframework.db.models import lookups
        _lookups.append(lookups)
    return _lookups[0]


# Per class: its own lookups merged with its bases' (filled on first use, cleared on registration).
_merged_lookups = {}


class RegisterLookupMixin(object):
    """Lets fields (and transforms) carry their own lookups: ``Field.register_lookup(MyLookup)``.

    Lookups registered on a class apply to its subclasses; the query layer falls
    back to the default lookups of ``pyframework.db.models.lookups``.
    """

    @classmethod
    def _class_lookups(cls):
        merged = _merged_lookups.get(cls)
        if merged is None:
            merged = {}
            for klass in reversed(cls.__mro__):
                merged.update(klass.__dict__.get("class_lookups", {}))
            _merged_lookups[cls] = merged
        return merged

    def get_lookup(self, lookup_name):
        lookups = _lookups_module()
        found = self._class_lookups().get(lookup_name)
        if found is not None and issubclass(found, lookups.Lookup):
            return found
        return lookups.default_lookup(lookup_name)

    def get_transform(self, lookup_name):
        lookups = _lookups_module()
        found = self._class_lookups().get(lookup_name)
        if found is not None and issubclass(found, lookups.Transform):
            return found
        return lookups.default_transform(lookup_name)

    @classmethod
    def get_lookups(cls):
        return cls._class_lookups()

    @classmethod
    def register_lookup(cls, lookup, lookup_name=None):
        name = lookup_name or lookup.lookup_name
        if "class_lookups" not in cls.__dict__:
            cls.class_lookups = {}
        cls.class_lookups[name] = lookup
        _merged_lookups.clear()
        return lookup

    @classmethod
    def _unregister_lookup(cls, lookup, lookup_name=None):
        name = lookup_name or lookup.lookup_name
        cls.__dict__.get("class_lookups", {}).pop(name, None)
        _merged_lookups.clear()


class DeferredAttribute(object):
    """Descriptor for a concrete field: the value lives in the instance ``__dict__``;
    a value that was not loaded (``only()``/``defer()`` or a partial ``from_db``)
    is fetched from the database on first access."""

    def __init__(self, field):
        self.field = field

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        data = instance.__dict__
        name = self.field.attname
        if name not in data:
            instance.refresh_from_db(fields=[name])
        return data[name]

