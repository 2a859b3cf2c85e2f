"""Indexes declared in ``Meta.indexes``."""
from __future__ import absolute_import, unicode_literals

import copy
import hashlib

from pyframework.db.models.utils import EqualByDeconstruction


class Index(EqualByDeconstruction):
    suffix = "idx"
    max_name_length = 30  # portable across the supported databases

    def __init__(self, *expressions, **kwargs):
        fields = kwargs.pop("fields", ())
        name = kwargs.pop("name", None)
        self.db_tablespace = kwargs.pop("db_tablespace", None)
        self.opclasses = tuple(kwargs.pop("opclasses", ()) or ())
        self.condition = kwargs.pop("condition", None)
        self.include = tuple(kwargs.pop("include", ()) or ())
        if kwargs:
            raise TypeError("Index got unexpected arguments: %s" % ", ".join(sorted(kwargs)))
        if expressions:
            raise ValueError("Indexes on expressions are not supported; give fields=.")
        if not isinstance(fields, (list, tuple)):
            raise ValueError("Index.fields must be a list or tuple.")
        if not fields:
            raise ValueError("At least one field is required to define an index.")
        self.fields = list(fields)
        # "-field" asks for a descending column.
        self.fields_orders = [(field[1:], "DESC") if field.startswith("-") else (field, "")
                              for field in self.fields]
        self.name = name or ""

    def clone(self):
        return copy.copy(self)

    def deconstruct(self):
        kwargs = {"fields": self.fields, "name": self.name}
        if self.db_tablespace is not None:
            kwargs["db_tablespace"] = self.db_tablespace
        if self.opclasses:
            kwargs["opclasses"] = self.opclasses
        if self.condition is not None:
            kwargs["condition"] = self.condition
        if self.include:
            kwargs["include"] = self.include
        return "pyframework.db.models.Index", (), kwargs

    def set_name_with_model(self, model):
        """A stable name from the table and column names: ``<table>_<column>_<hash>_idx``."""
        table = model._meta.db_table
        columns = [model._meta.get_field(name).column for name, _ in self.fields_orders]
        with_order = ["-%s" % col if order else col for col, (_, order) in zip(columns, self.fields_orders)]
        digest = hashlib.md5(";".join([table] + with_order + [self.suffix]).encode("utf-8")).hexdigest()[:8]
        self.name = "%s_%s_%s_%s" % (table[:11], columns[0][:7], digest, self.suffix)
        if len(self.name) > self.max_name_length:
            raise ValueError("Index too long for multiple database support. Is self.suffix longer than 3 characters?")
        if self.name[0] == "_" or self.name[0].isdigit():
            self.name = "D%s" % self.name[1:]

    def __repr__(self):
        return "<Index: fields=%r name=%r>" % (self.fields, self.name)
