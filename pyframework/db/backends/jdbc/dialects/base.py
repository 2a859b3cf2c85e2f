"""What every JDBC dialect provides, with the defaults most databases share."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.features import BaseDatabaseFeatures
from pyframework.db.backends.base.operations import BaseDatabaseOperations
from pyframework.db.backends.base.schema import BaseDatabaseSchemaEditor
from pyframework.db.backends.jdbc.introspection import JdbcIntrospection

# Case-sensitive LIKE; the i-lookups compare UPPER() of both sides (the lhs via ops.lookup_cast).
STANDARD_OPERATORS = {
    "exact": "= %s",
    "iexact": "= UPPER(%s)",
    "contains": "LIKE %s ESCAPE '\\'",
    "icontains": "LIKE UPPER(%s) ESCAPE '\\'",
    "gt": "> %s",
    "gte": ">= %s",
    "lt": "< %s",
    "lte": "<= %s",
    "startswith": "LIKE %s ESCAPE '\\'",
    "endswith": "LIKE %s ESCAPE '\\'",
    "istartswith": "LIKE UPPER(%s) ESCAPE '\\'",
    "iendswith": "LIKE UPPER(%s) ESCAPE '\\'",
}
STANDARD_PATTERN_ESC = r"REPLACE(REPLACE(REPLACE({}, '\', '\\'), '%%', '\%%'), '_', '\_')"
STANDARD_PATTERN_OPS = {
    "contains": "LIKE '%%' || {} || '%%' ESCAPE '\\'",
    "icontains": "LIKE '%%' || UPPER({}) || '%%' ESCAPE '\\'",
    "startswith": "LIKE {} || '%%' ESCAPE '\\'",
    "istartswith": "LIKE UPPER({}) || '%%' ESCAPE '\\'",
    "endswith": "LIKE '%%' || {} ESCAPE '\\'",
    "iendswith": "LIKE '%%' || UPPER({}) ESCAPE '\\'",
}


class JdbcOperations(BaseDatabaseOperations):
    def date_extract_sql(self, lookup_type, sql, params=()):
        part = {"week_day": "DOW", "iso_week_day": "ISODOW", "iso_year": "ISOYEAR"}.get(lookup_type, lookup_type)
        expression = "CAST(EXTRACT(%s FROM %s) AS INTEGER)" % (part.upper(), sql)
        if lookup_type == "week_day":
            expression = "(%s + 1)" % expression
        return expression, params


class Dialect(object):
    """Attributes read by the JDBC DatabaseWrapper; each dialect module defines a subclass."""

    NAME = None
    VENDOR = None
    DISPLAY_NAME = None
    DEFAULT_DRIVER = None
    DATA_TYPES = {}
    DATA_TYPES_SUFFIX = {}
    DATA_TYPE_CHECK_CONSTRAINTS = {}
    OPERATORS = STANDARD_OPERATORS
    PATTERN_ESC = STANDARD_PATTERN_ESC
    PATTERN_OPS = STANDARD_PATTERN_OPS
    # Statements run on every new connection, before autocommit is set.
    INIT_SQL = ()
    # Bind date/time values as ISO text (SQLite stores text) instead of java.time objects.
    TEMPORAL_AS_TEXT = False
    NATIVE_UUID = False
    NATIVE_JSON = False
    # Ask the driver for generated keys on INSERT without RETURNING (cursor.lastrowid).
    GENERATED_KEYS = True
    # Column type name (lower case) -> reader, for types JDBC reports generically (OTHER, BINARY...).
    READERS_BY_TYPE_NAME = {}
    # SQL expression giving the current schema, for information_schema queries.
    CURRENT_SCHEMA_SQL = "CURRENT_SCHEMA"

    DatabaseOperations = JdbcOperations
    DatabaseFeatures = BaseDatabaseFeatures
    DatabaseIntrospection = JdbcIntrospection
    DatabaseSchemaEditor = BaseDatabaseSchemaEditor

    def classify_error(self, exc):
        """Our exception class for driver errors SQLSTATE does not describe (or None)."""
        return None

    def __repr__(self):
        return "<JDBC dialect %s>" % self.NAME
