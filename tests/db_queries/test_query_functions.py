"""db.models.functions on every database of the matrix: text, math, comparison, date and time."""
from __future__ import absolute_import, unicode_literals

import datetime
import decimal

import pytest

from pyframework.db import connection, models
from pyframework.db.models import F, Value
from pyframework.db.models.functions import (
    MD5, Abs, Cast, Ceil, Coalesce, Concat, Cos, Extract, ExtractDay, ExtractIsoWeekDay, ExtractMonth,
    ExtractQuarter, ExtractWeekDay, ExtractYear, Floor, Greatest, Least, Left, Length, Ln, Log, Lower, LPad,
    LTrim, Mod, Now, NullIf, Pi, Power, Random, Repeat, Replace, Reverse, Right, Round, RPad, RTrim, Sign, Sqrt,
    StrIndex, Substr, Trim, Trunc, TruncDate, TruncDay, TruncMonth, TruncQuarter, TruncWeek, TruncYear, Upper,
)
from pyframework.db.utils import NotSupportedError


class Item(models.Model):
    name = models.CharField(max_length=30)
    alias = models.CharField(max_length=30, null=True)
    qty = models.IntegerField()
    price = models.DecimalField(max_digits=8, decimal_places=2)
    ratio = models.FloatField()
    day = models.DateField()
    at = models.DateTimeField()

    class Meta:
        app_label = "db_queries_functions"


@pytest.fixture
def items(db, create_tables):
    create_tables(Item)
    Item.objects.create(name="Apple", alias=None, qty=-7, price=decimal.Decimal("2.56"), ratio=2.25,
                        day=datetime.date(2024, 8, 15), at=datetime.datetime(2024, 8, 15, 13, 45, 30))
    Item.objects.create(name="  pear ", alias="p", qty=4, price=decimal.Decimal("10.00"), ratio=-0.75,
                        day=datetime.date(2023, 1, 1), at=datetime.datetime(2023, 1, 1, 0, 0, 0))
    return db


def naive(value):
    # Datetimes come back aware (UTC) with USE_TZ; the expected values are written naive, in UTC.
    return value.replace(tzinfo=None) if isinstance(value, datetime.datetime) else value


def values(queryset, *names):
    return list(queryset.order_by("id").values_list(*names))


def test_text_functions(items):
    qs = Item.objects.annotate(
        c=Concat("name", Value("/"), "alias", Value("/"), "qty"), low=Lower("name"), up=Upper("name"),
        n=Length("name"), l3=Left("name", 3), r2=Right("name", 2), t=Trim("name"), lt=LTrim("name"),
        rt=RTrim("name"), rep=Replace("name", Value("p"), Value("P")), sub=Substr("name", 2, 3),
        idx=StrIndex("name", Value("p")), pad=LPad("alias", 4, Value("ab")), rpad=RPad("name", 7, Value(".")),
        rpt=Repeat(Value("ab"), 3), rev=Reverse(Trim("name")),
    )
    rows = values(qs, "c", "low", "up", "n", "l3", "r2", "t", "lt", "rt", "rep", "sub", "idx", "pad", "rpad",
                  "rpt", "rev")
    assert rows == [
        ("Apple//-7", "apple", "APPLE", 5, "App", "le", "Apple", "Apple", "Apple", "APPle", "ppl", 2, None,
         "Apple..", "ababab", "elppA"),
        ("  pear /p/4", "  pear ", "  PEAR ", 7, "  p", "r ", "pear", "pear ", "  pear", "  Pear ", " pe", 3,
         "abap", "  pear ", "ababab", "raep"),
    ]
    assert values(Item.objects.filter(name__startswith="A").annotate(x=LPad("name", 3)), "x") == [("App",)]


def test_md5(items):
    try:
        rows = values(Item.objects.annotate(h=MD5(Value("abc"))), "h")
    except NotSupportedError:
        assert items.name == "sqlite_jdbc"
        return
    assert rows[0] == ("900150983cd24fb0d6963f7d28e17f72",)


def test_math_functions(items):
    qs = Item.objects.annotate(
        a=Abs("qty"), s=Sign("qty"), m=Mod(Abs("qty"), 3), c=Ceil("ratio"), f=Floor("ratio"),
        p=Power(Value(2), Value(3)), q=Sqrt(Value(16)), r=Round("ratio"), r1=Round("price", 1),
    )
    rows = values(qs, "a", "s", "m", "c", "f", "p", "q", "r", "r1")
    assert [tuple(float(v) for v in row) for row in rows] == [
        (7, -1, 1, 3, 2, 8, 4, 2, 2.6), (4, 1, 1, 0, -1, 8, 4, -1, 10)]
    assert isinstance(rows[0][0], int) and isinstance(rows[0][8], decimal.Decimal)
    first = Item.objects.annotate(pi=Pi(), cos=Cos(Value(0.0)), ln=Ln(Value(1.0)), lg=Log(Value(10), Value(1000)),
                                  rnd=Random()).order_by("id").first()
    assert abs(first.pi - 3.14159265) < 1e-6
    assert (float(first.cos), float(first.ln)) == (1.0, 0.0)
    assert abs(float(first.lg) - 3) < 1e-9
    assert 0 <= first.rnd < 1


def test_comparison_functions(items):
    qs = Item.objects.annotate(
        co=Coalesce("alias", "name"), g=Greatest("qty", Value(0)), le=Least("qty", Value(0)),
        ni=NullIf("qty", Value(4)), ci=Cast("price", models.IntegerField()), cs=Cast("qty", models.CharField()),
        cf=Cast("qty", models.FloatField()),
    )
    rows = values(qs, "co", "g", "le", "ni", "ci", "cs", "cf")
    assert [(co, g, le, ni, cs, cf) for co, g, le, ni, ci, cs, cf in rows] == [
        ("Apple", 0, -7, -7, "-7", -7.0), ("p", 4, 0, None, "4", 4.0)]
    assert [row[4] for row in rows][1] == 10 and rows[0][4] in (2, 3)  # the databases round or cut 2.55


def test_extract_functions(items):
    qs = Item.objects.annotate(
        y=ExtractYear("day"), mo=ExtractMonth("at"), d=ExtractDay("at"), q=ExtractQuarter("day"),
        wd=ExtractWeekDay("day"), iwd=ExtractIsoWeekDay("day"), h=Extract("at", "hour"),
    )
    # 2024-08-15 is a Thursday, 2023-01-01 a Sunday.
    assert values(qs, "y", "mo", "d", "q", "wd", "iwd", "h") == [(2024, 8, 15, 3, 5, 4, 13), (2023, 1, 1, 1, 1, 7, 0)]
    assert list(Item.objects.filter(day__year=2024).values_list("name", flat=True)) == ["Apple"]


def test_trunc_functions(items):
    qs = Item.objects.annotate(
        y=TruncYear("at"), m=TruncMonth("day"), w=TruncWeek("day"), q=TruncQuarter("at"), dd=TruncDay("at"),
        d=TruncDate("at"), mh=Trunc("at", "minute"),
    )
    rows = [tuple(naive(v) for v in row) for row in values(qs, "y", "m", "w", "q", "dd", "d", "mh")]
    assert rows[0] == (datetime.datetime(2024, 1, 1), datetime.date(2024, 8, 1), datetime.date(2024, 8, 12),
                       datetime.datetime(2024, 7, 1), datetime.datetime(2024, 8, 15), datetime.date(2024, 8, 15),
                       datetime.datetime(2024, 8, 15, 13, 45))
    assert rows[1][2] == datetime.date(2022, 12, 26)
    assert list(Item.objects.filter(at__lt=Now()).values_list("name", flat=True).order_by("id")) == ["Apple", "  pear "]
    now = Item.objects.annotate(now=Now()).first().now
    assert abs((now.replace(tzinfo=None) - datetime.datetime.utcnow()).total_seconds()) < 3600 * 15


def test_functions_in_filter_order_by_and_update(items):
    assert list(Item.objects.filter(name__in=["Apple"]).annotate(n=Length("name")).filter(n__gt=3)
                .values_list("n", flat=True)) == [5]
    assert list(Item.objects.order_by(Abs("qty").desc()).values_list("qty", flat=True)) == [-7, 4]
    Item.objects.update(name=Concat(Upper(Trim("name")), Value("!")))
    assert sorted(Item.objects.values_list("name", flat=True)) == ["APPLE!", "PEAR!"]
    assert Item.objects.filter(name=Concat(Value("PEAR"), Value("!"))).count() == 1
    assert list(Item.objects.annotate(h=F("qty") * 2).filter(h=Abs(F("qty")) * -2).values_list("qty", flat=True)) \
        == [-7]
