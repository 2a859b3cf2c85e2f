"""Text and NULL-handling functions: Lower, Upper, Length, Coalesce."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.expressions import Func, _fields
from pyframework.db.models.lookups import Transform


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
