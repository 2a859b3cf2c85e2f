"""MariaDB and MySQL (MariaDB Connector/J or MySQL Connector/J): backticks, AUTO_INCREMENT, REGEXP."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.features import BaseDatabaseFeatures
from pyframework.db.backends.base.schema import BaseDatabaseSchemaEditor
from pyframework.db.backends.jdbc.dialects.base import COMMON_DATA_TYPES, Dialect, JdbcOperations

DATA_TYPES = dict(
    COMMON_DATA_TYPES,
    AutoField="integer AUTO_INCREMENT",
    BigAutoField="bigint AUTO_INCREMENT",
    SmallAutoField="smallint AUTO_INCREMENT",
    BinaryField="longblob",
    BooleanField="bool",
    NullBooleanField="bool",
    DateTimeField="datetime(6)",
    GenericIPAddressField="char(39)",
    JSONField="longtext",
    PositiveBigIntegerField="bigint UNSIGNED",
    PositiveIntegerField="integer UNSIGNED",
    PositiveSmallIntegerField="smallint UNSIGNED",
    TextField="longtext",
    TimeField="time(6)",
    UUIDField="char(32)",
)
# Backslash is MySQL's default LIKE escape (and an escape inside its string literals).
OPERATORS = {
    "exact": "= %s",
    "iexact": "LIKE %s",
    "contains": "LIKE BINARY %s",
    "icontains": "LIKE %s",
    "gt": "> %s",
    "gte": ">= %s",
    "lt": "< %s",
    "lte": "<= %s",
    "startswith": "LIKE BINARY %s",
    "endswith": "LIKE BINARY %s",
    "istartswith": "LIKE %s",
    "iendswith": "LIKE %s",
    "regex": "REGEXP BINARY %s",
    "iregex": "REGEXP %s",
}
PATTERN_ESC = r"REPLACE(REPLACE(REPLACE({}, '\\', '\\\\'), '%%', '\%%'), '_', '\_')"
PATTERN_OPS = {
    "contains": "LIKE BINARY CONCAT('%%', {}, '%%')",
    "icontains": "LIKE CONCAT('%%', {}, '%%')",
    "startswith": "LIKE BINARY CONCAT({}, '%%')",
    "istartswith": "LIKE CONCAT({}, '%%')",
    "endswith": "LIKE BINARY CONCAT('%%', {})",
    "iendswith": "LIKE CONCAT('%%', {})",
}


class MySQLOperations(JdbcOperations):
    no_limit_value_ = 18446744073709551615

    quote_char = "`"

    def lookup_cast(self, lookup_type, internal_type=None):
        return "%s"  # comparisons are case-insensitive under the default collations

    def max_name_length(self):
        return 64

    def regex_lookup(self, lookup_type):
        return "%s REGEXP BINARY %s" if lookup_type == "regex" else "%s REGEXP %s"

    def date_extract_sql(self, lookup_type, sql, params=()):
        if lookup_type == "week_day":
            return "DAYOFWEEK(%s)" % sql, params
        return "CAST(EXTRACT(%s FROM %s) AS SIGNED)" % (lookup_type.upper(), sql), params

    def random_function_sql(self):
        return "RAND()"

    def sql_flush(self, style, tables, reset_sequences=False, allow_cascade=False):
        if not tables:
            return []
        return (["SET FOREIGN_KEY_CHECKS = 0;"] + ["%s %s;" % ("TRUNCATE" if reset_sequences else "DELETE FROM",
                                                              self.quote_name(t)) for t in tables]
                + ["SET FOREIGN_KEY_CHECKS = 1;"])


class MySQLFeatures(BaseDatabaseFeatures):
    has_select_for_update = True
    has_select_for_update_nowait = True
    has_select_for_update_skip_locked = True
    update_can_self_select = False
    can_rollback_ddl = False
    has_case_insensitive_like = True
    supports_deferrable_unique_constraints = False


class MySQLSchemaEditor(BaseDatabaseSchemaEditor):
    sql_create_table = "CREATE TABLE %(table)s (%(definition)s) DEFAULT CHARACTER SET utf8mb4"
    sql_rename_table = "RENAME TABLE %(old_table)s TO %(new_table)s"
    sql_alter_column_type = "MODIFY %(column)s %(type)s"
    sql_alter_column_null = "MODIFY %(column)s %(type)s NULL"
    sql_alter_column_not_null = "MODIFY %(column)s %(type)s NOT NULL"
    sql_delete_unique = "ALTER TABLE %(table)s DROP INDEX %(name)s"
    sql_delete_fk = "ALTER TABLE %(table)s DROP FOREIGN KEY %(name)s"
    sql_delete_index = "DROP INDEX %(name)s ON %(table)s"
    sql_delete_check = "ALTER TABLE %(table)s DROP CHECK %(name)s"

    def _alter_type_sql(self, table, field, new_type):
        null = " NULL" if field.null else " NOT NULL"
        return "ALTER TABLE %s MODIFY %s %s%s" % (self.quote_name(table), self.quote_name(field.column), new_type,
                                                  null)


class MySQLDialect(Dialect):
    NAME = "mysql"
    VENDOR = "mysql"
    DISPLAY_NAME = "MariaDB/MySQL"
    DEFAULT_DRIVER = "org.mariadb.jdbc.Driver"
    DATA_TYPES = DATA_TYPES
    OPERATORS = OPERATORS
    PATTERN_ESC = PATTERN_ESC
    PATTERN_OPS = PATTERN_OPS
    CURRENT_SCHEMA_SQL = "DATABASE()"
    # ER_SERVER_SHUTDOWN, ER_CONNECTION_KILLED, CR_CONNECTION_ERROR, CR_CONN_HOST_ERROR,
    # CR_SERVER_GONE_ERROR, CR_SERVER_LOST; then ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK.
    CONNECTION_LOST_CODES = frozenset([1053, 1927, 2002, 2003, 2006, 2013])
    LOCK_TIMEOUT_CODES = frozenset([1205, 1213])
    DatabaseOperations = MySQLOperations
    DatabaseFeatures = MySQLFeatures
    DatabaseSchemaEditor = MySQLSchemaEditor


dialect = MySQLDialect()
