"""Math functions: Abs, ACos, ASin, ATan, ATan2, Ceil, Cos, Cot, Degrees, Exp, Floor, Ln, Log,
Mod, Pi, Power, Radians, Random, Round, Sign, Sin, Sqrt, Tan.

The trigonometric and logarithmic ones return floats; Abs, Ceil, Floor, Mod, Round and Sign
keep their argument's type, as Django's do.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.expressions import Func, _fields
from pyframework.db.models.lookups import Transform

class _FloatResult(object):
    """Functions whose result is a float whatever their arguments (a decimal stays decimal)."""

    def _resolve_output_field(self):
        if self._output_field is not None:
            return self._output_field
        fields = _fields()
        for source in self.get_source_expressions():
            field = getattr(source, "_output_field_or_none", None)
            if field is not None and field.get_internal_type() == "DecimalField":
                return fields.DecimalField(max_digits=65, decimal_places=30)
        return fields.FloatField()


class _SameAsArgument(object):
    """Functions whose result has their first argument's type."""

    def _resolve_output_field(self):
        if self._output_field is not None:
            return self._output_field
        for source in self.get_source_expressions():
            field = getattr(source, "_output_field_or_none", None)
            if field is not None:
                return field
        return _fields().FloatField()


def _transform(name, result, function, lookup_name):
    """A one-argument function that is also a lookup transform (``value__sqrt__gt=2``)."""
    return type(str(name), (result, Transform), {"function": function, "lookup_name": lookup_name,
                                                 "__doc__": "``%s(x)``." % function})


Abs = _transform("Abs", _SameAsArgument, "ABS", "abs")
Ceil = _transform("Ceil", _SameAsArgument, "CEILING", "ceil")
Floor = _transform("Floor", _SameAsArgument, "FLOOR", "floor")
ACos = _transform("ACos", _FloatResult, "ACOS", "acos")
ASin = _transform("ASin", _FloatResult, "ASIN", "asin")
ATan = _transform("ATan", _FloatResult, "ATAN", "atan")
Cos = _transform("Cos", _FloatResult, "COS", "cos")
Degrees = _transform("Degrees", _FloatResult, "DEGREES", "degrees")
Exp = _transform("Exp", _FloatResult, "EXP", "exp")
Ln = _transform("Ln", _FloatResult, "LN", "ln")
Radians = _transform("Radians", _FloatResult, "RADIANS", "radians")
Sin = _transform("Sin", _FloatResult, "SIN", "sin")
Sqrt = _transform("Sqrt", _FloatResult, "SQRT", "sqrt")
Tan = _transform("Tan", _FloatResult, "TAN", "tan")


class ATan2(_FloatResult, Func):
    function = "ATAN2"
    arity = 2


class Cot(_FloatResult, Transform):
    function = "COT"
    lookup_name = "cot"

    def as_sqlite(self, compiler, connection):
        return self.as_sql(compiler, connection, template="(1 / TAN(%(expressions)s))")


class Log(_FloatResult, Func):
    """``Log(base, x)``: the logarithm of ``x`` to ``base``."""

    function = "LOG"
    arity = 2

    def as_sqlite(self, compiler, connection):
        return self._as_ratio(compiler)

    def _as_ratio(self, compiler):
        (base, bp), (value, vp) = [compiler.compile(e) for e in self.source_expressions]
        return "(LN(%s) / LN(%s))" % (value, base), vp + bp

    def as_h2(self, compiler, connection):
        return self._as_ratio(compiler)

    def as_postgresql(self, compiler, connection):
        (base, bp), (value, vp) = [compiler.compile(e) for e in self.source_expressions]
        return "LOG(CAST(%s AS NUMERIC), CAST(%s AS NUMERIC))" % (base, value), bp + vp


class Mod(_SameAsArgument, Func):
    function = "MOD"
    arity = 2


class Pi(_FloatResult, Func):
    function = "PI"
    arity = 0


class Power(_FloatResult, Func):
    function = "POWER"
    arity = 2


class Random(Func):
    """A random float in [0, 1)."""

    function = "RANDOM"
    arity = 0

    def _resolve_output_field(self):
        return _fields().FloatField()

    def as_sqlite(self, compiler, connection):
        # SQLite's RANDOM() is a 64-bit integer: scale it to [0, 1).
        return "((RANDOM() / 18446744073709551616.0) + 0.5)", []

    def as_mysql(self, compiler, connection):
        return "RAND()", []

    def as_h2(self, compiler, connection):
        return "RAND()", []

    def get_group_by_cols(self):
        return []


class Round(_SameAsArgument, Transform):
    """``Round(x, precision=0)``: rounded half away from zero to ``precision`` decimal places."""

    function = "ROUND"
    lookup_name = "round"
    arity = None

    def __init__(self, expression, precision=0, **extra):
        super(Round, self).__init__(expression, precision, **extra)

    def as_postgresql(self, compiler, connection):
        # PostgreSQL rounds to a precision only NUMERIC values; floats come back as floats.
        (value, vp), (precision, pp) = [compiler.compile(e) for e in self.source_expressions]
        field = self._output_field_or_none
        internal = field.get_internal_type() if field is not None else "FloatField"
        if internal == "FloatField":
            return "CAST(ROUND(CAST(%s AS NUMERIC), %s) AS DOUBLE PRECISION)" % (value, precision), vp + pp
        return "ROUND(%s, %s)" % (value, precision), vp + pp


class Sign(Transform):
    function = "SIGN"
    lookup_name = "sign"

    def _resolve_output_field(self):
        return _fields().IntegerField()


__all__ = ["Abs", "ACos", "ASin", "ATan", "ATan2", "Ceil", "Cos", "Cot", "Degrees", "Exp", "Floor", "Ln",
           "Log", "Mod", "Pi", "Power", "Radians", "Random", "Round", "Sign", "Sin", "Sqrt", "Tan"]
