"""Reading the schema back from the database: tables, columns, constraints."""
from __future__ import absolute_import, unicode_literals

import collections

TableInfo = collections.namedtuple("TableInfo", ["name", "type"])
# name, type_code, display_size, internal_size, precision, scale, null_ok, default
FieldInfo = collections.namedtuple(
    "FieldInfo", ["name", "type_code", "display_size", "internal_size", "precision", "scale", "null_ok", "default"])


class BaseDatabaseIntrospection(object):
    data_types_reverse = {}

    def __init__(self, connection):
        self.connection = connection

    def identifier_converter(self, name):
        """How the database reports names (e.g. H2 folds unquoted names to upper case)."""
        return name

    def table_names(self, cursor=None, include_views=False):
        def names(cur):
            return sorted(info.name for info in self.get_table_list(cur)
                          if include_views or info.type == "t")
        if cursor is None:
            with self.connection.cursor() as cur:
                return names(cur)
        return names(cursor)

    def get_table_list(self, cursor):
        raise NotImplementedError

    def get_table_description(self, cursor, table_name):
        raise NotImplementedError

    def get_constraints(self, cursor, table_name):
        """{name: {columns, primary_key, unique, foreign_key, check, index, type, orders}}."""
        raise NotImplementedError

    def get_primary_key_column(self, cursor, table_name):
        for constraint in self.get_constraints(cursor, table_name).values():
            if constraint["primary_key"]:
                return constraint["columns"][0]
        return None

    def get_sequences(self, cursor, table_name, table_fields=()):
        return []

    def get_field_type(self, data_type, description):
        return self.data_types_reverse.get(data_type, "TextField")

    def pyframework_table_names(self, only_existing=False, include_views=True):
        """Tables of every installed model (used by flush and the test fixtures)."""
        from pyframework.apps import apps
        get_models = getattr(apps, "get_models", None)
        tables = set()
        if get_models is None:
            return []
        for model in get_models():
            if not model._meta.managed:
                continue
            tables.add(model._meta.db_table)
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                if not isinstance(through, str) and through._meta.auto_created:
                    tables.add(through._meta.db_table)
        if only_existing:
            existing = set(self.table_names(include_views=include_views))
            tables = set(t for t in tables if self.identifier_converter(t) in existing)
        return sorted(tables)

    @staticmethod
    def constraint_info(columns, primary_key=False, unique=False, foreign_key=None, check=False, index=False,
                        type_=None, orders=None):
        return {
            "columns": list(columns), "primary_key": primary_key, "unique": unique, "foreign_key": foreign_key,
            "check": check, "index": index, "type": type_, "orders": orders or [],
        }
