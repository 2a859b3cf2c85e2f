"""SQLite schema introspection through PRAGMA statements."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.introspection import BaseDatabaseIntrospection, FieldInfo, TableInfo


def _text(value):
    if isinstance(value, bytes) and not isinstance(value, type("")):
        return value.decode("utf-8")
    return value


class DatabaseIntrospection(BaseDatabaseIntrospection):
    data_types_reverse = {
        "bool": "BooleanField", "boolean": "BooleanField", "smallint": "SmallIntegerField",
        "integer": "IntegerField", "bigint": "BigIntegerField", "text": "TextField", "real": "FloatField",
        "date": "DateField", "datetime": "DateTimeField", "time": "TimeField", "decimal": "DecimalField",
        "blob": "BinaryField", "varchar": "CharField", "char": "CharField",
    }

    def get_table_list(self, cursor):
        cursor.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                       "AND name NOT LIKE 'sqlite_%' ORDER BY name")
        return [TableInfo(_text(row[0]), "t" if row[1] == "table" else "v") for row in cursor.fetchall()]

    def get_table_description(self, cursor, table_name):
        cursor.execute("PRAGMA table_info(%s)" % self.connection.ops.quote_name(table_name))
        rows = cursor.fetchall()
        return [FieldInfo(_text(row[1]), _text(row[2]).lower(), None, None, None, None, not row[3], row[4])
                for row in rows]

    def get_constraints(self, cursor, table_name):
        qn = self.connection.ops.quote_name(table_name)
        constraints = {}
        cursor.execute("PRAGMA table_info(%s)" % qn)
        pk_columns = [(row[5], _text(row[1])) for row in cursor.fetchall() if row[5]]
        if pk_columns:
            constraints["__primary__"] = self.constraint_info(
                [name for _, name in sorted(pk_columns)], primary_key=True, unique=True)
        cursor.execute("PRAGMA index_list(%s)" % qn)
        indexes = [(_text(row[1]), bool(row[2]), _text(row[3]) if len(row) > 3 else "c")
                   for row in cursor.fetchall()]
        for name, unique, origin in indexes:
            if origin == "pk":
                continue
            cursor.execute("PRAGMA index_xinfo(%s)" % self.connection.ops.quote_name(name))
            rows = [row for row in cursor.fetchall() if row[5]]  # key columns only
            columns = [_text(row[2]) for row in sorted(rows)]
            orders = ["DESC" if row[3] else "ASC" for row in sorted(rows)]
            constraints[name] = self.constraint_info(columns, unique=unique, index=True, type_="idx",
                                                     orders=orders)
        cursor.execute("PRAGMA foreign_key_list(%s)" % qn)
        for row in cursor.fetchall():
            constraints["fk_%s_%s" % (row[0], _text(row[3]))] = self.constraint_info(
                [_text(row[3])], foreign_key=(_text(row[2]), _text(row[4])))
        return constraints
