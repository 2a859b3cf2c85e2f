"""Aggregates with ``filter=`` and ``default=``, and Case/When, on every database of the matrix."""
from __future__ import absolute_import, unicode_literals

import pytest

from pyframework.db import connection, models
from pyframework.db.models import Avg, Case, Count, F, Max, Q, Sum, Value, When


class Movement(models.Model):
    kind = models.CharField(max_length=10)
    qty = models.IntegerField()
    note = models.CharField(max_length=20, null=True)

    class Meta:
        app_label = "db_queries_conditional"


class Stock(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = "db_queries_conditional"


class Line(models.Model):
    stock = models.ForeignKey(Stock, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=10)
    qty = models.IntegerField()

    class Meta:
        app_label = "db_queries_conditional"


@pytest.fixture
def movements(db, create_tables):
    create_tables(Movement, Stock, Line)
    Movement.objects.create(kind="a", qty=10, note="x")
    Movement.objects.create(kind="b", qty=50)
    Movement.objects.create(kind="a", qty=5)
    return db


def test_sum_and_count_with_filter_aggregate_only_matching_rows(movements):
    result = Movement.objects.aggregate(
        t=Sum("qty", filter=Q(kind="a")), n=Count("id", filter=Q(kind="a")), all=Sum("qty"))
    assert result == {"t": 15, "n": 2, "all": 65}


def test_filter_that_matches_nothing_gives_null_or_zero(movements):
    result = Movement.objects.aggregate(t=Sum("qty", filter=Q(kind="zzz")), n=Count("id", filter=Q(kind="zzz")))
    assert result == {"t": None, "n": 0}


def test_filter_with_or_negation_and_expressions(movements):
    result = Movement.objects.aggregate(
        big=Max("qty", filter=~Q(kind="b")),
        either=Sum("qty", filter=Q(kind="b") | Q(note="x")),
        avg=Avg("qty", filter=Q(qty__gt=F("qty") - 1) & Q(kind="a")))
    assert result == {"big": 10, "either": 60, "avg": 7.5}


def test_filter_per_group_in_annotate(movements):
    north = Stock.objects.create(name="north")
    south = Stock.objects.create(name="south")
    Line.objects.create(stock=north, kind="in", qty=7)
    Line.objects.create(stock=north, kind="out", qty=3)
    Line.objects.create(stock=south, kind="out", qty=4)
    rows = list(Stock.objects.annotate(
        incoming=Sum("lines__qty", filter=Q(lines__kind="in")),
        outgoing=Count("lines", filter=Q(lines__kind="out")),
    ).order_by("name").values_list("name", "incoming", "outgoing"))
    assert rows == [("north", 7, 1), ("south", None, 1)]


def test_filter_sql_is_the_dialects(movements):
    sql = str(Movement.objects.annotate(t=Sum("qty", filter=Q(kind="a"))).values("t").query)
    if connection.features.supports_aggregate_filter_clause:
        assert "FILTER (WHERE" in sql
    else:
        assert "CASE WHEN" in sql


def test_default_replaces_null(movements):
    result = Movement.objects.aggregate(
        t=Sum("qty", filter=Q(kind="zzz"), default=0), m=Max("qty", default=-1))
    assert result == {"t": 0, "m": 50}
    assert Movement.objects.filter(kind="zzz").aggregate(t=Sum("qty", default=0)) == {"t": 0}


def test_count_refuses_default_and_star_with_filter():
    with pytest.raises(TypeError):
        Count("id", default=1)
    with pytest.raises(ValueError):
        Count("*", filter=Q(kind="a"))
    with pytest.raises(TypeError):
        Sum("qty", filter="kind")


def test_case_when_annotation_and_ordering(movements):
    rows = list(Movement.objects.annotate(
        label=Case(When(kind="a", qty__gt=6, then=Value("big a")),
                   When(Q(kind="a"), then=Value("small a")),
                   default=Value("other")),
    ).order_by("qty").values_list("qty", "label"))
    assert rows == [(5, "small a"), (10, "big a"), (50, "other")]


def test_case_without_default_is_null_and_then_names_a_field(movements):
    rows = list(Movement.objects.annotate(v=Case(When(kind="b", then="qty"))).order_by("qty").values_list("v", flat=True))
    assert rows == [None, None, 50]


def test_case_inside_aggregate_and_update(movements):
    total = Movement.objects.aggregate(
        t=Sum(Case(When(kind="a", then=F("qty") * 2), default=Value(0), output_field=models.IntegerField())))
    assert total == {"t": 30}
    Movement.objects.update(qty=Case(When(kind="b", then=Value(1)), default=F("qty")))
    assert sorted(Movement.objects.values_list("qty", flat=True)) == [1, 5, 10]


def test_when_rejects_a_missing_condition():
    with pytest.raises(TypeError):
        When(then=Value(1))
    with pytest.raises(ValueError):
        When(Q(), then=Value(1))
    with pytest.raises(TypeError):
        Case(Value(1))


def test_standard_deviation_and_variance(movements):
    from pyframework.db.models import StdDev, Variance
    from pyframework.db.utils import NotSupportedError
    try:
        result = Movement.objects.aggregate(sd=StdDev("qty"), var=Variance("qty"), var_s=Variance("qty", sample=True),
                                            sd_a=StdDev("qty", filter=Q(kind="a"), sample=True))
    except NotSupportedError:
        assert movements.name == "sqlite_jdbc"
        return
    # 10, 50, 5: mean 21.67, population variance 405.56, sample variance 608.33.
    assert abs(result["var"] - 405.5555555) < 1e-4
    assert abs(result["sd"] - 405.5555555 ** 0.5) < 1e-4
    assert abs(result["var_s"] - 608.3333333) < 1e-4
    assert abs(result["sd_a"] - 12.5 ** 0.5) < 1e-4
    assert Movement.objects.filter(kind="zzz").aggregate(v=Variance("qty")) == {"v": None}


def test_bulk_update_writes_each_objects_values_in_batches(movements, assert_num_queries):
    north = Stock.objects.create(name="north")
    south = Stock.objects.create(name="south")
    lines = [Line.objects.create(stock=north, kind="in", qty=n) for n in range(5)]
    for line in lines:
        line.qty = line.qty * 10
        line.kind = "out" if line.qty >= 20 else "in"
        line.stock = south if line.qty == 40 else north
    with assert_num_queries(2):  # 2 batches, in one transaction
        assert Line.objects.bulk_update(lines, ["qty", "kind", "stock"], batch_size=3) == 5
    rows = list(Line.objects.order_by("id").values_list("qty", "kind", "stock__name"))
    assert rows == [(0, "in", "north"), (10, "in", "north"), (20, "out", "north"), (30, "out", "north"),
                    (40, "out", "south")]
    lines[0].qty = F("qty") + 1
    assert Line.objects.bulk_update(lines[:1], ["qty"]) == 1
    assert Line.objects.get(pk=lines[0].pk).qty == 1
    assert Line.objects.bulk_update([], ["qty"]) == 0


def test_bulk_update_refuses_what_it_cannot_do(movements):
    line = Line(kind="x", qty=1)
    with pytest.raises(ValueError):
        Line.objects.bulk_update([line], ["qty"])
    with pytest.raises(ValueError):
        Line.objects.bulk_update([], [])
    with pytest.raises(ValueError):
        Line.objects.bulk_update([], ["id"])
    with pytest.raises(ValueError):
        Line.objects.bulk_update([], ["qty"], batch_size=0)


def test_alias_names_an_expression_without_selecting_it(movements):
    from pyframework.db.models.functions import Length
    north = Stock.objects.create(name="north")
    Stock.objects.create(name="south-east")
    Line.objects.create(stock=north, kind="in", qty=7)
    Line.objects.create(stock=north, kind="out", qty=3)
    qs = Stock.objects.alias(n=Count("lines"), size=Length("name")).filter(n__gte=2)
    assert [s.name for s in qs] == ["north"]
    assert not hasattr(qs[0], "n")
    assert list(Stock.objects.alias(size=Length("name")).order_by("-size").values_list("name", flat=True)) \
        == ["south-east", "north"]
    assert list(Stock.objects.alias(size=Length("name")).annotate(double=F("size") * 2).order_by("double")
                .values_list("name", "double")) == [("north", 10), ("south-east", 20)]
    assert "LENGTH" not in str(Stock.objects.alias(size=Length("name")).values("name").query).upper().split("FROM")[0]
