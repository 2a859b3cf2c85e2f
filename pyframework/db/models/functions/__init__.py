"""Database functions usable in annotate(), filter(), order_by() and update(), as in Django."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.functions.comparison import Cast, Coalesce, Greatest, Least, NullIf  # noqa: F401
from pyframework.db.models.functions.datetime import (  # noqa: F401
    Extract, ExtractDay, ExtractHour, ExtractIsoWeekDay, ExtractIsoYear, ExtractMinute, ExtractMonth,
    ExtractQuarter, ExtractSecond, ExtractWeek, ExtractWeekDay, ExtractYear, Now, Trunc, TruncDate, TruncDay,
    TruncHour, TruncMinute, TruncMonth, TruncQuarter, TruncSecond, TruncTime, TruncWeek, TruncYear,
)
from pyframework.db.models.functions.math import (  # noqa: F401
    Abs, ACos, ASin, ATan, ATan2, Ceil, Cos, Cot, Degrees, Exp, Floor, Ln, Log, Mod, Pi, Power, Radians,
    Random, Round, Sign, Sin, Sqrt, Tan,
)
from pyframework.db.models.functions.text import (  # noqa: F401
    MD5, Chr, Concat, ConcatPair, Left, Length, Lower, LPad, LTrim, Ord, Repeat, Replace, Reverse, Right,
    RPad, RTrim, StrIndex, Substr, Trim, Upper,
)
