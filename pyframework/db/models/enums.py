"""Enumerated choices for fields: ``Choices``, ``IntegerChoices`` and ``TextChoices``, as in Django::

    class Suit(models.IntegerChoices):
        DIAMOND = 1, "Diamond"
        SPADE = 2            # label "Spade", from the name

    class YearInSchool(models.TextChoices):
        FRESHMAN = "FR", _("Freshman")
        GRADUATE = "GR"

    card = models.IntegerField(choices=Suit, default=Suit.SPADE)
    Suit.choices    # [(1, "Diamond"), (2, "Spade")]
    Suit(1)         # Suit.DIAMOND; Suit["DIAMOND"] by name; 1 in Suit; list(Suit)
    Suit.DIAMOND.label, .value, .name; Suit.DIAMOND == 1; str(YearInSchool.FRESHMAN) == "FR"

Members of ``IntegerChoices``/``TextChoices`` (or of a class mixing in another type first, like
``class Landing(datetime.date, models.Choices)``) are instances of that type, so they compare,
hash and are stored like their value. ``__empty__ = _("(Unknown)")`` adds ``(None, label)`` at the
start of ``choices``.

This is one implementation for both runtimes: Jython 2.7 has no ``enum`` module. On Python 2 a
class body has no definition order, so the members are ordered as they appear in the source
(by value when the source cannot be read).
"""
from __future__ import absolute_import, unicode_literals

import inspect
import re

from pyframework.utils.compat import PY2, string_types, text_type
from pyframework.utils.functional import Promise

__all__ = ["Choices", "IntegerChoices", "TextChoices"]


def _is_member_name(name, value):
    if name.startswith("_") or name in ("do_not_call_in_templates", "label", "name", "value"):
        return False
    return not (inspect.isroutine(value) or isinstance(value, (property, classmethod, staticmethod, type)))


def _is_auto(value):
    # enum.auto() on Python 3, also accepted here: its value is generated.
    return type(value).__name__ == "auto" and type(value).__module__ == "enum"


def _definition_order(cls, names):
    if not PY2:
        return names
    try:
        source = "".join(inspect.getsourcelines(cls)[0])
    except (IOError, OSError, TypeError):
        return sorted(names, key=lambda name: repr(cls.__dict__.get(name)))
    found = [m.group(1) for m in re.finditer(r"^\s+([A-Za-z]\w*)\s*=", source, re.M)]
    position = dict((name, index) for index, name in reversed(list(enumerate(found))))
    return sorted(names, key=lambda name: (position.get(name, len(found)), name))


class ChoicesType(type):
    """The metaclass: turns the class attributes into members and gives the class its
    ``choices``, ``labels``, ``values`` and ``names``."""

    def __new__(metacls, classname, bases, classdict):
        if not any(isinstance(base, ChoicesType) for base in bases):
            return super(ChoicesType, metacls).__new__(metacls, classname, bases, classdict)
        classdict = dict(classdict)
        names = [name for name, value in list(classdict.items()) if _is_member_name(name, value)]
        definitions = dict((name, classdict.pop(name)) for name in names)
        empty = classdict.pop("__empty__", None)
        cls = super(ChoicesType, metacls).__new__(metacls, classname, bases, classdict)
        if PY2:
            # Read the source with the members still on the class (inspect finds it by name).
            for name in names:
                type.__setattr__(cls, name, definitions[name])
            names = _definition_order(cls, names)
            for name in names:
                type.__delattr__(cls, name)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._empty_label_ = empty
        data_type = cls._data_type()
        inherited = [base for base in bases if getattr(base, "_member_names_", None)]
        if inherited:
            raise TypeError("%s: cannot extend %s, which has members." % (classname, inherited[0].__name__))
        for name in names:
            value = definitions[name]
            if isinstance(value, (list, tuple)) and len(value) > 1 and isinstance(value[-1], (Promise, string_types)):
                label = value[-1]
                value = value[0] if len(value) == 2 else tuple(value[:-1])
            else:
                label = name.replace("_", " ").title()
            if _is_auto(value):
                value = cls._generate_next_value_(name, 1, len(cls._member_names_),
                                                  [m._value_ for m in cls._members()])
            member = cls._make_member(data_type, value)
            member._name_ = name
            member._label_ = label
            cls._member_names_.append(name)
            cls._member_map_[name] = member
            cls._value2member_map_.setdefault(member._value_, member)
            type.__setattr__(cls, name, member)
        return cls

    def _data_type(cls):
        for klass in cls.__mro__[1:]:
            if klass is not object and not isinstance(klass, ChoicesType):
                return klass
        return None

    def _make_member(cls, data_type, value):
        args = value if isinstance(value, tuple) else (value,)
        if data_type is None:
            member = object.__new__(cls)
            member._value_ = value
        else:
            member = data_type.__new__(cls, *args)
            member._value_ = data_type(*args)
        return member

    def _members(cls):
        return [cls._member_map_[name] for name in cls._member_names_]

    def __iter__(cls):
        return iter(cls._members())

    def __reversed__(cls):
        return reversed(cls._members())

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    __nonzero__ = __bool__

    def __contains__(cls, member):
        if isinstance(member, cls):
            return True
        try:
            return member in cls._value2member_map_
        except TypeError:
            return False

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __call__(cls, value):
        """The member with this value (or the member itself)."""
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError("%r is not a valid %s" % (value, cls.__name__))

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", ()):
            raise AttributeError("Cannot reassign member %r." % name)
        super(ChoicesType, cls).__setattr__(name, value)

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    @property
    def names(cls):
        empty = ["__empty__"] if cls._empty_label_ is not None else []
        return empty + list(cls._member_names_)

    @property
    def choices(cls):
        empty = [(None, cls._empty_label_)] if cls._empty_label_ is not None else []
        return empty + [(member.value, member.label) for member in cls]

    @property
    def labels(cls):
        return [label for _, label in cls.choices]

    @property
    def values(cls):
        return [value for value, _ in cls.choices]


class Choices(ChoicesType(str("ChoicesBase"), (object,), {})):
    """Members with any values; mix a type in first (``class X(datetime.date, Choices)``) to make
    the members instances of it."""

    do_not_call_in_templates = True

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    @property
    def label(self):
        return self._label_

    def __str__(self):
        return text_type(self._value_)

    __unicode__ = __str__

    def __repr__(self):
        return str("<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_))

    def __reduce_ex__(self, protocol):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __format__(self, spec):
        return format(text_type(self), spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                pass
        return start


class IntegerChoices(int, Choices):
    """Choices whose values are integers; the members are ints."""

    __repr__ = Choices.__repr__

    def __hash__(self):
        return int.__hash__(self)


class TextChoices(text_type, Choices):
    """Choices whose values are texts; the members are texts. A member without a value
    (``enum.auto()``) gets its name as value."""

    __repr__ = Choices.__repr__

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name

    def __hash__(self):
        return text_type.__hash__(self)
