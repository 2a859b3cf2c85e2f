"""Text functions: Concat, Lower, Upper, Length, Left, Right, LPad, RPad, Trim, LTrim, RTrim,
Replace, Substr, StrIndex, Repeat, Reverse, MD5, Chr, Ord; and Coalesce (kept here, where it
was first defined; Django has it in ``functions.comparison``, which re-exports it).

SQLite has no LPAD/RPAD/REPEAT/LEFT/RIGHT: they compile to SQLite's own string functions.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db.utils import NotSupportedError
from pyframework.db.models.expressions import Func, Value, _fields
from pyframework.db.models.lookups import Transform
from pyframework.utils.compat import integer_types


class Lower(Transform):
    function = "LOWER"
    lookup_name = "lower"


class Upper(Transform):
    function = "UPPER"
    lookup_name = "upper"


class Length(Transform):
    """Length in characters (MySQL's LENGTH counts bytes, so it uses CHAR_LENGTH)."""

    function = "LENGTH"
    lookup_name = "length"

    def _resolve_output_field(self):
        return _fields().IntegerField()

    def as_mysql(self, compiler, connection):
        return self.as_sql(compiler, connection, function="CHAR_LENGTH")


class Coalesce(Func):
    """The first non-NULL argument."""

    function = "COALESCE"

    def __init__(self, *expressions, **extra):
        if len(expressions) < 2:
            raise ValueError("Coalesce must take at least two expressions")
        super(Coalesce, self).__init__(*expressions, **extra)


def _text_output(expression):
    field = expression._output_field or None
    if field is not None:
        return field
    for source in expression.get_source_expressions():
        found = getattr(source, "_output_field_or_none", None)
        if found is not None and found.get_internal_type() in ("CharField", "TextField", "EmailField",
                                                               "SlugField", "URLField"):
            return found
    return _fields().CharField()


class Concat(Func):
    """The texts of its arguments joined; a NULL argument counts as an empty text."""

    function = "CONCAT"

    def __init__(self, *expressions, **extra):
        if len(expressions) < 2:
            raise ValueError("Concat must take at least two expressions")
        super(Concat, self).__init__(*expressions, **extra)

    def _resolve_output_field(self):
        return _text_output(self)

    def as_sqlite(self, compiler, connection):
        parts, params = [], []
        for expr in self.source_expressions:
            sql, expr_params = compiler.compile(expr)
            parts.append("COALESCE(%s, '')" % sql)
            params.extend(expr_params)
        return "(%s)" % " || ".join(parts), params

    def as_mysql(self, compiler, connection):
        # CONCAT_WS skips NULLs, as Django's Concat does; CONCAT would give NULL.
        return self.as_sql(compiler, connection, template="CONCAT_WS('', %(expressions)s)")


class ConcatPair(Concat):
    """Two expressions concatenated (Django builds Concat from these)."""

    def __init__(self, left, right, **extra):
        super(ConcatPair, self).__init__(left, right, **extra)


def _positive(name, value):
    if isinstance(value, integer_types) and value < 1:
        raise ValueError("'%s' must be greater than 0." % name)
    return value


class Left(Func):
    """The first ``length`` characters."""

    function = "LEFT"
    arity = 2

    def __init__(self, expression, length, **extra):
        super(Left, self).__init__(expression, _positive("length", length), **extra)

    def _resolve_output_field(self):
        return _text_output(self)

    def as_sqlite(self, compiler, connection):
        (text, text_params), (length, length_params) = [compiler.compile(e) for e in self.source_expressions]
        return "SUBSTR(%s, 1, %s)" % (text, length), text_params + length_params


class Right(Left):
    """The last ``length`` characters."""

    function = "RIGHT"

    def as_sqlite(self, compiler, connection):
        (text, text_params), (length, length_params) = [compiler.compile(e) for e in self.source_expressions]
        return ("SUBSTR(%s, MAX(LENGTH(%s) - %s + 1, 1))" % (text, text, length),
                text_params + text_params + length_params)


class LPad(Func):
    """The text padded on the left with ``fill_text`` to ``length`` characters (cut to it if longer)."""

    function = "LPAD"
    _fill_first = True

    def __init__(self, expression, length, fill_text=Value(" "), **extra):
        if not hasattr(length, "resolve_expression") and length is not None and length < 0:
            raise ValueError("'length' must be greater or equal to 0.")
        super(LPad, self).__init__(expression, length, fill_text, **extra)

    def _resolve_output_field(self):
        return _text_output(self)

    def _emulated(self, compiler, padding_of, cut):
        """The pad built from the database's own string functions: ``padding_of(text, length, fill)``
        gives the SQL of the padding (its parameters in that order), ``cut`` the truncation."""
        (text, tp), (length, lp), (fill, fp) = [compiler.compile(e) for e in self.source_expressions]
        padding, padding_params = padding_of(text, length, fill, tp, lp, fp)
        joined = "%s || %s" % ((padding, text) if self._fill_first else (text, padding))
        joined_params = padding_params + tp if self._fill_first else tp + padding_params
        sql = "CASE WHEN LENGTH(%s) >= %s THEN %s ELSE %s END" % (text, length, cut % (text, length), joined)
        return sql, tp + lp + tp + lp + joined_params

    def as_sqlite(self, compiler, connection):
        # No LPAD/RPAD: HEX(ZEROBLOB(n)) is n times '00', each replaced by the fill text.
        return self._emulated(compiler, lambda t, n, f, tp, np_, fp: (
            "SUBSTR(REPLACE(HEX(ZEROBLOB(%s)), '00', %s), 1, %s - LENGTH(%s))" % (n, f, n, t),
            np_ + fp + np_ + tp), "SUBSTR(%s, 1, %s)")

    def as_h2(self, compiler, connection):
        # H2's LPAD/RPAD use only the first character of the fill text.
        return self._emulated(compiler, lambda t, n, f, tp, np_, fp: (
            "LEFT(REPEAT(%s, %s), %s - LENGTH(%s))" % (f, n, n, t), fp + np_ + np_ + tp), "LEFT(%s, %s)")


class RPad(LPad):
    """The text padded on the right with ``fill_text`` to ``length`` characters (cut to it if longer)."""

    function = "RPAD"
    _fill_first = False


class Trim(Transform):
    function = "TRIM"
    lookup_name = "trim"


class LTrim(Transform):
    function = "LTRIM"
    lookup_name = "ltrim"


class RTrim(Transform):
    function = "RTRIM"
    lookup_name = "rtrim"


class Replace(Func):
    """Every occurrence of ``text`` replaced by ``replacement`` (removed by default)."""

    function = "REPLACE"

    def __init__(self, expression, text, replacement=Value(""), **extra):
        super(Replace, self).__init__(expression, text, replacement, **extra)

    def _resolve_output_field(self):
        return _text_output(self)


class Substr(Func):
    """``length`` characters from position ``pos`` (1-based; to the end without ``length``)."""

    function = "SUBSTRING"

    def __init__(self, expression, pos, length=None, **extra):
        if not hasattr(pos, "resolve_expression") and pos < 1:
            raise ValueError("'pos' must be greater than 0")
        expressions = [expression, pos] + ([length] if length is not None else [])
        super(Substr, self).__init__(*expressions, **extra)

    def _resolve_output_field(self):
        return _text_output(self)

    def as_sqlite(self, compiler, connection):
        return self.as_sql(compiler, connection, function="SUBSTR")


class StrIndex(Func):
    """The 1-based position of ``substring`` in the text, 0 when absent."""

    function = "INSTR"
    arity = 2

    def _resolve_output_field(self):
        return _fields().IntegerField()

    def as_postgresql(self, compiler, connection):
        return self.as_sql(compiler, connection, function="STRPOS")


class Repeat(Func):
    """The text repeated ``number`` times."""

    function = "REPEAT"

    def __init__(self, expression, number, **extra):
        if not hasattr(number, "resolve_expression") and number is not None and number < 0:
            raise ValueError("'number' must be greater or equal to 0.")
        super(Repeat, self).__init__(expression, number, **extra)

    def _resolve_output_field(self):
        return _text_output(self)

    def as_sqlite(self, compiler, connection):
        (text, tp), (number, np_) = [compiler.compile(e) for e in self.source_expressions]
        return "REPLACE(HEX(ZEROBLOB(%s)), '00', %s)" % (number, text), np_ + tp


class Reverse(Transform):
    """The text backwards (SQLite and H2 have no REVERSE: a recursive query builds it there)."""

    function = "REVERSE"
    lookup_name = "reverse"

    def _reversed_by_recursion(self, compiler, connection):
        text, params = compiler.compile(self.lhs)
        sql = ("(WITH RECURSIVE r(i, s) AS (SELECT LENGTH(%s), '' UNION ALL "
               "SELECT i - 1, s || SUBSTR(%s, i, 1) FROM r WHERE i > 0) SELECT s FROM r WHERE i = 0)")
        return sql % (text, text), list(params) + list(params)

    def as_sqlite(self, compiler, connection):
        return self._reversed_by_recursion(compiler, connection)

    def as_h2(self, compiler, connection):
        # One character per row of SYSTEM_RANGE (up to H2's longest VARCHAR), joined back in
        # reverse order; H2 allows no correlated table function or recursive query here.
        text, params = compiler.compile(self.lhs)
        sql = ("CASE WHEN %s = '' THEN '' ELSE (SELECT LISTAGG(SUBSTRING(%s, CAST(X AS INT), 1), '') "
               "WITHIN GROUP (ORDER BY X DESC) FROM SYSTEM_RANGE(1, 1000000) WHERE X <= LENGTH(%s)) END")
        return sql % (text, text, text), list(params) * 3


class MD5(Transform):
    """The hexadecimal MD5 digest of the text."""

    function = "MD5"
    lookup_name = "md5"

    def _resolve_output_field(self):
        return _fields().CharField()

    def as_h2(self, compiler, connection):
        return self.as_sql(compiler, connection, template="LOWER(RAWTOHEX(HASH('MD5', %(expressions)s)))")

    def as_sqlite(self, compiler, connection):
        if getattr(connection, "has_python_functions", False):
            return self.as_sql(compiler, connection)
        raise NotSupportedError("MD5() needs the stdlib sqlite3 backend on SQLite (sqlite-jdbc has no MD5).")


class Chr(Transform):
    """The character of a code point."""

    function = "CHR"
    lookup_name = "chr"

    def _resolve_output_field(self):
        return _fields().CharField()

    def as_sqlite(self, compiler, connection):
        return self.as_sql(compiler, connection, function="CHAR")

    def as_mysql(self, compiler, connection):
        return self.as_sql(compiler, connection, template="CHAR(%(expressions)s USING utf16)")

    def as_h2(self, compiler, connection):
        return self.as_sql(compiler, connection, function="CHAR")


class Ord(Transform):
    """The code point of the first character."""

    function = "ASCII"
    lookup_name = "ord"

    def _resolve_output_field(self):
        return _fields().IntegerField()

    def as_sqlite(self, compiler, connection):
        return self.as_sql(compiler, connection, function="UNICODE")

    def as_mysql(self, compiler, connection):
        return self.as_sql(compiler, connection, function="ORD")


__all__ = ["Chr", "Coalesce", "Concat", "ConcatPair", "LPad", "LTrim", "Left", "Length", "Lower", "MD5",
           "Ord", "RPad", "RTrim", "Repeat", "Replace", "Reverse", "Right", "StrIndex", "Substr", "Trim",
           "Upper", "FieldError"]
