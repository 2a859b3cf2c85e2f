"""Schema introspection over JDBC: DatabaseMetaData plus information_schema."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.introspection import BaseDatabaseIntrospection, FieldInfo, TableInfo
from pyframework.utils.compat import text_type


def _text(value):
    return None if value is None else text_type(value)


class JdbcIntrospection(BaseDatabaseIntrospection):
    data_types_reverse = {
        "boolean": "BooleanField", "smallint": "SmallIntegerField", "integer": "IntegerField",
        "bigint": "BigIntegerField", "text": "TextField", "double precision": "FloatField",
        "date": "DateField", "timestamp": "DateTimeField", "time": "TimeField", "numeric": "DecimalField",
        "uuid": "UUIDField", "character varying": "CharField", "varchar": "CharField",
    }

    def _schema_filter(self):
        return "table_schema = %s" % self.connection.dialect.CURRENT_SCHEMA_SQL

    def get_table_list(self, cursor):
        cursor.execute("SELECT table_name, table_type FROM information_schema.tables WHERE %s "
                       "ORDER BY table_name" % self._schema_filter())
        return [TableInfo(_text(name), "v" if "VIEW" in _text(kind).upper() else "t")
                for name, kind in cursor.fetchall()]

    def get_table_description(self, cursor, table_name):
        cursor.execute("SELECT column_name, data_type, character_maximum_length, numeric_precision, "
                       "numeric_scale, is_nullable, column_default FROM information_schema.columns "
                       "WHERE %s AND table_name = %%s ORDER BY ordinal_position" % self._schema_filter(),
                       [table_name])
        return [FieldInfo(_text(row[0]), _text(row[1]).lower(), None, row[2], row[3], row[4],
                          _text(row[5]).upper() == "YES", row[6]) for row in cursor.fetchall()]

    def _metadata(self):
        self.connection.ensure_connection()
        jconn = self.connection.connection.jconn
        return jconn.getMetaData(), jconn.getCatalog(), jconn.getSchema()

    def get_constraints(self, cursor, table_name):
        constraints = {}
        cursor.execute(
            "SELECT tc.constraint_name, tc.constraint_type, kcu.column_name "
            "FROM information_schema.table_constraints tc "
            "LEFT JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
            "AND kcu.table_name = tc.table_name AND kcu.table_schema = tc.table_schema "
            "WHERE tc.%s AND tc.table_name = %%s ORDER BY tc.constraint_name, kcu.ordinal_position"
            % self._schema_filter(), [table_name])
        for name, kind, column in cursor.fetchall():
            name, kind = _text(name), _text(kind).upper()
            if kind == "CHECK" and name.endswith("_not_null"):
                continue  # PostgreSQL lists NOT NULL columns as checks
            info = constraints.setdefault(name, self.constraint_info(
                [], primary_key=kind == "PRIMARY KEY", unique=kind in ("PRIMARY KEY", "UNIQUE"),
                check=kind == "CHECK"))
            if column is not None and kind != "FOREIGN KEY":
                info["columns"].append(_text(column))
        metadata, catalog, schema = self._metadata()
        keys = metadata.getImportedKeys(catalog, schema, table_name)
        try:
            while keys.next():
                name = _text(keys.getString("FK_NAME"))
                info = constraints.setdefault(name, self.constraint_info([]))
                info.update(foreign_key=(_text(keys.getString("PKTABLE_NAME")), _text(keys.getString(
                    "PKCOLUMN_NAME"))), unique=False, check=False, primary_key=False)
                info["columns"].append(_text(keys.getString("FKCOLUMN_NAME")))
        finally:
            keys.close()
        self._add_indexes(constraints, metadata, catalog, schema, table_name)
        return constraints

    def _add_indexes(self, constraints, metadata, catalog, schema, table_name):
        unique_columns = set(tuple(info["columns"]) for info in constraints.values() if info["unique"])
        fk_names = [name.upper() for name, info in constraints.items() if info["foreign_key"]]
        indexes = {}
        rows = metadata.getIndexInfo(catalog, schema, table_name, False, False)
        try:
            while rows.next():
                name = _text(rows.getString("INDEX_NAME"))
                column = _text(rows.getString("COLUMN_NAME"))
                if name is None or column is None:
                    continue
                entry = indexes.setdefault(name, {"unique": not rows.getBoolean("NON_UNIQUE"), "columns": [],
                                                  "orders": []})
                entry["columns"].append((rows.getInt("ORDINAL_POSITION"), column,
                                         "DESC" if _text(rows.getString("ASC_OR_DESC")) == "D" else "ASC"))
        finally:
            rows.close()
        for name, entry in indexes.items():
            if name in constraints:
                constraints[name]["index"] = True
                continue
            ordered = sorted(entry["columns"])
            columns = tuple(column for _, column, _ in ordered)
            if (entry["unique"] and columns in unique_columns) or name.upper().startswith("CONSTRAINT_INDEX") or \
                    any(name.upper().startswith(fk + "_INDEX") for fk in fk_names):
                continue  # backs a constraint listed already (H2 names these CONSTRAINT_INDEX_n, <fk>_INDEX_n)
            constraints[name] = self.constraint_info(columns, unique=entry["unique"], index=True, type_="idx",
                                                     orders=[order for _, _, order in ordered])
