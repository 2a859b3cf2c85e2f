# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import datetime
import decimal
import json
import uuid

import pytest

from pyframework.utils.compat import text_type
from pyframework.utils.functional import Promise, SimpleLazyObject, cached_property, lazy
from pyframework.utils.json import JSONEncoder, duration_iso_string


class Counter(object):
    calls = 0

    @cached_property
    def value(self):
        self.calls += 1
        return self.calls * 10


def test_cached_property_computes_once_and_can_be_reset():
    counter = Counter()
    assert counter.value == 10
    assert counter.value == 10
    assert counter.calls == 1
    del counter.value
    assert counter.value == 20
    counter.value = 5
    assert counter.value == 5
    assert isinstance(Counter.value, cached_property)


def test_simple_lazy_object_defers_the_call():
    calls = []

    def build():
        calls.append(1)
        return {"user": "ada"}

    proxy = SimpleLazyObject(build)
    assert calls == []
    assert proxy["user"] == "ada"
    assert "user" in proxy
    assert len(proxy) == 1
    assert proxy == {"user": "ada"}
    assert isinstance(proxy, dict)
    assert calls == [1]


def test_simple_lazy_object_attributes():
    class User(object):
        name = "ada"

        def __str__(self):
            return "User ada"

    proxy = SimpleLazyObject(User)
    assert proxy.name == "ada"
    proxy.name = "grace"
    assert proxy.name == "grace"
    assert str(proxy) == "User ada"
    assert bool(proxy)
    assert not SimpleLazyObject(lambda: [])


def test_lazy_evaluates_on_each_use():
    state = {"value": "one"}
    get = lazy(lambda: state["value"], text_type)
    proxy = get()
    assert isinstance(proxy, Promise)
    assert proxy == "one"
    state["value"] = "two"
    assert "%s" % proxy == "two"
    assert proxy + "!" == "two!"
    assert "x" + proxy == "xtwo"
    assert proxy.upper() == "TWO"
    assert len(proxy) == 3
    assert hash(proxy) == hash("two")


def test_json_encoder():
    encoder = JSONEncoder()
    aware_utc = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=_UTC())
    assert encoder.default(aware_utc) == "2024-01-02T03:04:05Z"
    assert encoder.default(datetime.datetime(2024, 1, 2, 3, 4, 5, 678901)) == "2024-01-02T03:04:05.678"
    assert encoder.default(datetime.date(2024, 1, 2)) == "2024-01-02"
    assert encoder.default(datetime.time(3, 4, 5)) == "03:04:05"
    assert encoder.default(decimal.Decimal("1.10")) == "1.10"
    assert encoder.default(uuid.UUID(int=1)) == "00000000-0000-0000-0000-000000000001"
    assert encoder.default(lazy(lambda: "lazy", text_type)()) == "lazy"
    assert json.dumps({"d": datetime.date(2020, 2, 29)}, cls=JSONEncoder) == '{"d": "2020-02-29"}'
    with pytest.raises(ValueError):
        encoder.default(datetime.time(1, 2, tzinfo=_UTC()))
    with pytest.raises(TypeError):
        encoder.default(object())


def test_duration_iso_string():
    assert duration_iso_string(datetime.timedelta(days=1, hours=2, minutes=3, seconds=4)) == "P1DT02H03M04S"
    assert duration_iso_string(datetime.timedelta(seconds=1, microseconds=5)) == "P0DT00H00M01.000005S"
    assert duration_iso_string(-datetime.timedelta(hours=1)) == "-P0DT01H00M00S"


class _UTC(datetime.tzinfo):
    def utcoffset(self, dt):
        return datetime.timedelta(0)

    def dst(self, dt):
        return datetime.timedelta(0)

    def tzname(self, dt):
        return "UTC"


def test_lazy_object_sets_up_on_first_use():
    from pyframework.utils.functional import LazyObject, empty

    calls = []

    class LazyConfig(LazyObject):
        def _setup(self):
            calls.append(1)
            self._wrapped = {"debug": True}

    config = LazyConfig()
    assert config._wrapped is empty and calls == []
    assert config["debug"] is True and len(config) == 1 and "debug" in config
    assert calls == [1] and isinstance(config, dict)
    config.__dict__["_wrapped"] = empty

    class Broken(LazyObject):
        pass

    try:
        Broken().anything
    except NotImplementedError:
        pass
    else:
        raise AssertionError("_setup() must be required")
