"""Table constraints declared in ``Meta.constraints``."""
from __future__ import absolute_import, unicode_literals

import copy

from pyframework.db.models.utils import EqualByDeconstruction


class BaseConstraint(EqualByDeconstruction):
    def __init__(self, name=None, violation_error_message=None):
        if not name:
            raise ValueError("A constraint must be named.")
        self.name = name
        self.violation_error_message = violation_error_message

    def clone(self):
        return copy.copy(self)

    def deconstruct(self):
        path = "pyframework.db.models.%s" % type(self).__name__
        kwargs = {"name": self.name}
        if self.violation_error_message:
            kwargs["violation_error_message"] = self.violation_error_message
        return path, (), kwargs

    def __repr__(self):
        return "<%s: name=%r>" % (type(self).__name__, self.name)


class CheckConstraint(BaseConstraint):
    """``CHECK (...)``; ``check`` is a Q object compiled by the query layer."""

    def __init__(self, check=None, name=None, violation_error_message=None, condition=None):
        super(CheckConstraint, self).__init__(name, violation_error_message)
        self.check = check if check is not None else condition
        if self.check is None or not getattr(self.check, "conditional", False):
            raise TypeError("CheckConstraint.check must be a Q instance or boolean expression.")

    def deconstruct(self):
        path, args, kwargs = super(CheckConstraint, self).deconstruct()
        kwargs["check"] = self.check
        return path, args, kwargs


class UniqueConstraint(BaseConstraint):
    """``UNIQUE (fields...)``, optionally only where ``condition`` holds."""

    def __init__(self, *expressions, **kwargs):
        fields = kwargs.pop("fields", ())
        name = kwargs.pop("name", None)
        self.condition = kwargs.pop("condition", None)
        self.deferrable = kwargs.pop("deferrable", None)
        self.include = tuple(kwargs.pop("include", ()) or ())
        self.opclasses = tuple(kwargs.pop("opclasses", ()) or ())
        violation_error_message = kwargs.pop("violation_error_message", None)
        if kwargs:
            raise TypeError("UniqueConstraint got unexpected arguments: %s" % ", ".join(sorted(kwargs)))
        if expressions:
            raise ValueError("UniqueConstraint on expressions is not supported; give fields=.")
        if not fields:
            raise ValueError("At least one field is required to define a unique constraint.")
        super(UniqueConstraint, self).__init__(name, violation_error_message)
        self.fields = tuple(fields)

    def deconstruct(self):
        path, args, kwargs = super(UniqueConstraint, self).deconstruct()
        kwargs["fields"] = self.fields
        if self.condition is not None:
            kwargs["condition"] = self.condition
        if self.deferrable:
            kwargs["deferrable"] = self.deferrable
        if self.include:
            kwargs["include"] = self.include
        if self.opclasses:
            kwargs["opclasses"] = self.opclasses
        return path, args, kwargs
