"""DatabaseOperations: the SQL spelled differently by each database.

The query layer asks ``connection.ops`` for quoting, LIMIT/OFFSET, date
extraction, value adaptation before binding, and converters for read values.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal
import json
import uuid

from pyframework.db.backends import utils as backend_utils
from pyframework.utils.compat import PY2, string_types, text_type
from pyframework.utils.timezone import utc


# SQL of the lookups for databases with a case-sensitive LIKE: the i-lookups compare UPPER() of
# both sides (the lhs through ops.lookup_cast); iexact uses LIKE too because its value arrives
# with LIKE wildcards escaped.
STANDARD_OPERATORS = {
    "exact": "= %s",
    "iexact": "LIKE UPPER(%s) ESCAPE '\\'",
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


class BaseDatabaseOperations(object):
    compiler_module = "pyframework.db.models.sql.compiler"
    # Large enough for any real result; used when only OFFSET is given.
    no_limit_value_ = None
    cast_char_field_without_max_length = None
    explain_prefix = None

    integer_field_ranges = {
        "SmallIntegerField": (-32768, 32767),
        "IntegerField": (-2147483648, 2147483647),
        "BigIntegerField": (-9223372036854775808, 9223372036854775807),
        "PositiveSmallIntegerField": (0, 32767),
        "PositiveIntegerField": (0, 2147483647),
        "PositiveBigIntegerField": (0, 9223372036854775807),
        "SmallAutoField": (-32768, 32767),
        "AutoField": (-2147483648, 2147483647),
        "BigAutoField": (-9223372036854775808, 9223372036854775807),
    }

    def __init__(self, connection):
        self.connection = connection
        self._compiler_module = None

    # -- names and literals --------------------------------------------------------------

    #: The character that delimits an identifier; the SQL standard's double quote (MySQL: backtick).
    quote_char = '"'

    def quote_name(self, name):
        """``name`` as one delimited identifier, whatever it contains.

        An embedded quote character is doubled (the SQL standard's escape), so no table, column or
        alias name can end the identifier and continue as SQL. A name that is already one complete
        delimited identifier (quoted, every inner quote doubled) is returned unchanged, so quoting
        twice is harmless; anything else, ``"x" FROM t --"`` included, is quoted as a whole.
        """
        return backend_utils.quote_identifier(name, self.quote_char)

    def max_name_length(self):
        return None

    def migration_lock_sql(self):
        """``(try_sql, wait_sql, release_sql)`` of the lock ``migrate`` holds, or None.

        A session lock of the database server (released when the connection ends, so a killed
        process leaves none behind), so processes migrating the same database take turns. Each
        statement takes no parameter and returns one row of one column: ``try_sql`` and
        ``wait_sql`` a true value once the lock is held (``wait_sql`` may give up after a while
        and return a false one, it is then repeated). None, the default, means the database
        has no such lock (SQLite and H2 are one-process databases): migrate runs unlocked.
        """
        return None

    def no_limit_value(self):
        return self.no_limit_value_

    def limit_offset_sql(self, low_mark, high_mark):
        """``LIMIT n OFFSET m`` for a slice [low_mark:high_mark] (high_mark None = no upper bound)."""
        parts = []
        if high_mark is not None:
            parts.append("LIMIT %d" % (high_mark - (low_mark or 0)))
        elif low_mark:
            no_limit = self.no_limit_value()
            if no_limit is not None:
                parts.append("LIMIT %d" % no_limit)
        if low_mark:
            parts.append("OFFSET %d" % low_mark)
        return " ".join(parts)

    def pk_default_value(self):
        return "DEFAULT"

    def bulk_insert_sql(self, fields, placeholder_rows):
        rows = ["(%s)" % ", ".join(row) for row in placeholder_rows]
        return "VALUES " + ", ".join(rows)

    def return_insert_columns(self, fields):
        """``RETURNING ...`` SQL and params, where supported."""
        if not fields:
            return "", ()
        columns = ["%s.%s" % (self.quote_name(f.model._meta.db_table), self.quote_name(f.column)) for f in fields]
        return "RETURNING %s" % ", ".join(columns), ()

    def fetch_returned_insert_columns(self, cursor, returning_params):
        return cursor.fetchone()

    def fetch_returned_insert_rows(self, cursor):
        return cursor.fetchall()

    def last_insert_id(self, cursor, table_name, pk_name):
        return cursor.lastrowid

    def for_update_sql(self, nowait=False, skip_locked=False, of=(), no_key=False):
        sql = "FOR UPDATE"
        if of:
            sql += " OF %s" % ", ".join(of)
        if nowait:
            sql += " NOWAIT"
        elif skip_locked:
            sql += " SKIP LOCKED"
        return sql

    def distinct_sql(self, fields, params):
        if fields:
            raise NotImplementedError("DISTINCT ON fields is not supported by this database backend")
        return ["DISTINCT"], []

    def random_function_sql(self):
        return "RANDOM()"

    def conditional_expression_supported_in_where_clause(self, expression):
        return True

    def combine_expression(self, connector, sub_expressions):
        conn = " %s " % connector
        return conn.join(sub_expressions)

    def lookup_cast(self, lookup_type, internal_type=None):
        if lookup_type in ("iexact", "icontains", "istartswith", "iendswith"):
            return "UPPER(%s)"
        return "%s"

    def prep_for_like_query(self, value):
        """Escape LIKE wildcards in a value matched literally."""
        return text_type(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

    prep_for_iexact_query = prep_for_like_query

    def regex_lookup(self, lookup_type):
        raise NotImplementedError("regex lookups are not supported by this database backend")

    def date_extract_sql(self, lookup_type, sql, params=()):
        """SQL extracting a date part (year, month, day, week_day, hour...) from a column expression."""
        return "EXTRACT(%s FROM %s)" % (lookup_type.upper(), sql), params

    def datetime_extract_sql(self, lookup_type, sql, params=(), tzname=None):
        return self.date_extract_sql(lookup_type, sql, params)

    def time_extract_sql(self, lookup_type, sql, params=()):
        return self.date_extract_sql(lookup_type, sql, params)

    def datetime_cast_date_sql(self, sql, params=(), tzname=None):
        return "CAST(%s AS DATE)" % sql, params

    def datetime_cast_time_sql(self, sql, params=(), tzname=None):
        return "CAST(%s AS TIME)" % sql, params

    def date_trunc_sql(self, lookup_type, sql, params=(), tzname=None, as_date=False):
        """SQL truncating a date/datetime to the start of its year, quarter, month, week (Monday),
        day, hour, minute or second; a date when ``as_date``. SQL-standard-ish DATE_TRUNC here."""
        sql = "DATE_TRUNC('%s', %s)" % (lookup_type, sql)
        return ("CAST(%s AS DATE)" % sql if as_date else sql), params

    def unification_cast_sql(self, output_field):
        return "%s"

    def max_in_list_size(self):
        return None

    def sql_flush(self, style, tables, reset_sequences=False, allow_cascade=False):
        return ["DELETE FROM %s;" % self.quote_name(table) for table in tables]

    def sequence_reset_by_name_sql(self, style, sequences):
        return []

    def sequence_reset_sql(self, style, model_list):
        """SQL moving the auto-increment counters of the models' tables past their largest key,
        after rows were written with explicit keys (loaddata). Databases that do it by
        themselves (SQLite, MariaDB) need none."""
        return []

    @staticmethod
    def auto_increment_columns(model_list):
        """``(table, column)`` of every auto-increment primary key of the models and of their
        auto-created many-to-many tables."""
        auto_types = ("AutoField", "BigAutoField", "SmallAutoField")
        found = []
        for model in model_list:
            candidates = [model] + [field.remote_field.through for field in model._meta.local_many_to_many
                                    if not isinstance(field.remote_field.through, string_types)
                                    and field.remote_field.through._meta.auto_created]
            for candidate in candidates:
                pk = candidate._meta.pk
                if pk.get_internal_type() in auto_types:
                    entry = (candidate._meta.db_table, pk.column)
                    if entry not in found:
                        found.append(entry)
        return found

    def savepoint_create_sql(self, sid):
        return "SAVEPOINT %s" % self.quote_name(sid)

    def savepoint_commit_sql(self, sid):
        return "RELEASE SAVEPOINT %s" % self.quote_name(sid)

    def savepoint_rollback_sql(self, sid):
        return "ROLLBACK TO SAVEPOINT %s" % self.quote_name(sid)

    def tablespace_sql(self, tablespace, inline=False):
        return ""

    def compiler(self, compiler_name):
        if self._compiler_module is None:
            import importlib
            self._compiler_module = importlib.import_module(self.compiler_module)
        return getattr(self._compiler_module, compiler_name)

    def prepare_sql_script(self, sql):
        return [statement.strip() for statement in sql.split(";") if statement.strip()]

    def adapt_unknown_value(self, value):
        if isinstance(value, datetime.datetime):
            return self.adapt_datetimefield_value(value)
        if isinstance(value, datetime.date):
            return self.adapt_datefield_value(value)
        if isinstance(value, datetime.time):
            return self.adapt_timefield_value(value)
        if isinstance(value, decimal.Decimal):
            return self.adapt_decimalfield_value(value)
        return value

    # -- Python -> database ---------------------------------------------------------------

    def to_utc_naive(self, value):
        """Aware datetimes are stored in UTC, without the offset."""
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(utc).replace(tzinfo=None)

    def adapt_datetimefield_value(self, value):
        if value is None:
            return None
        return self.to_utc_naive(value)

    def adapt_datefield_value(self, value):
        return value

    def adapt_timefield_value(self, value):
        if value is None:
            return None
        if getattr(value, "tzinfo", None) is not None:
            raise ValueError("Timezone-aware times are not supported.")
        return value

    def adapt_decimalfield_value(self, value, max_digits=None, decimal_places=None):
        if value is None:
            return None
        return backend_utils.format_number(value, max_digits, decimal_places)

    def adapt_ipaddressfield_value(self, value):
        return value or None

    def adapt_json_value(self, value, encoder=None):
        return json.dumps(value, cls=encoder)

    def adapt_uuidfield_value(self, value):
        """UUIDs are stored as 32 hex characters unless the database has a native type."""
        if value is None:
            return None
        if not isinstance(value, uuid.UUID):
            value = uuid.UUID(text_type(value))
        return value.hex

    def adapt_binaryfield_value(self, value):
        # On Python 2 ``str`` is also text: bytearray tells the driver these are bytes.
        if PY2 and isinstance(value, str):
            return bytearray(value)
        return value

    # -- database -> Python ---------------------------------------------------------------

    def get_db_converters(self, expression):
        """Functions ``f(value, expression, connection)`` applied to each value read for ``expression``."""
        field = getattr(expression, "output_field", expression)
        internal_type = field.get_internal_type() if hasattr(field, "get_internal_type") else None
        converter = self.value_converters().get(internal_type)
        return [converter] if converter is not None else []

    def value_converters(self):
        """Internal type -> converter; built once per backend class."""
        cls = type(self)
        cached = cls.__dict__.get("_value_converters")
        if cached is None:
            cached = self.build_value_converters()
            cls._value_converters = cached
        return cached

    def build_value_converters(self):
        return {
            "DateTimeField": convert_datetime,
            "DateField": convert_date,
            "DecimalField": convert_decimal,
            "UUIDField": convert_uuid,
            "BooleanField": convert_boolean,
            "NullBooleanField": convert_boolean,
        }


def convert_datetime(value, expression, connection):
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        if isinstance(value, datetime.date):
            value = datetime.datetime(value.year, value.month, value.day)
        else:
            value = backend_utils.parse_datetime(value)
    if value.tzinfo is None and _use_tz():
        value = value.replace(tzinfo=utc)
    return value


def convert_date(value, expression, connection):
    """A date from what the driver gave for a computed date (text on SQLite, a timestamp elsewhere)."""
    if value is None or type(value) is datetime.date:
        return value
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    parsed = backend_utils.parse_datetime(value) if len(value) > 10 else backend_utils.parse_date(value)
    return parsed.date() if isinstance(parsed, datetime.datetime) else parsed


def convert_decimal(value, expression, connection):
    if value is None:
        return None
    field = getattr(expression, "output_field", expression)
    places = getattr(field, "decimal_places", None)
    if not isinstance(value, decimal.Decimal):
        # repr() keeps a float's shortest exact spelling (SQLite stores decimals as REAL).
        value = decimal.Decimal(repr(value) if isinstance(value, float) else text_type(value))
    if places is not None:
        value = value.quantize(decimal.Decimal(1).scaleb(-places))
    return value


def convert_uuid(value, expression, connection):
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(text_type(value))


def convert_boolean(value, expression, connection):
    if value is None:
        return None
    return bool(value)


def _use_tz():
    from pyframework.conf import settings
    return getattr(settings, "USE_TZ", False)
