# -*- coding: utf-8 -*-
"""Time zones per thread: activate/override/localtime, named zones (zoneinfo or java.time), display."""
from __future__ import unicode_literals

import datetime
import threading

import pytest

from pyframework import forms
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.template.backends.jinja2 import Jinja2
from pyframework.test import override_settings
from pyframework.utils import timezone

UTC_NOON = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc)


def test_default_and_current_zone():
    assert timezone.get_current_timezone_name() == "UTC"
    with override_settings(TIME_ZONE="Europe/Berlin"):
        assert timezone.get_default_timezone_name() == "Europe/Berlin"
        local = timezone.localtime(UTC_NOON)
        assert (local.hour, local.utcoffset()) == (14, datetime.timedelta(hours=2))
        with timezone.override("America/New_York"):
            assert timezone.get_current_timezone_name() == "America/New_York"
            assert timezone.localtime(UTC_NOON).hour == 8
            with timezone.override(None):
                assert timezone.get_current_timezone_name() == "Europe/Berlin"
        assert timezone.get_current_timezone_name() == "Europe/Berlin"


def test_daylight_saving_and_names():
    berlin = timezone.zone("Europe/Berlin")
    winter = timezone.localtime(datetime.datetime(2026, 1, 15, 12, 0, tzinfo=timezone.utc), berlin)
    summer = timezone.localtime(UTC_NOON, berlin)
    assert (winter.hour, winter.tzname(), winter.dst()) == (13, "CET", datetime.timedelta(0))
    assert (summer.hour, summer.tzname(), summer.dst()) == (14, "CEST", datetime.timedelta(hours=1))
    # The hour repeated when clocks go back (2026-10-25 in Berlin): both readings keep their offset.
    first = timezone.localtime(datetime.datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc), berlin)
    second = timezone.localtime(datetime.datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc), berlin)
    assert (first.hour, second.hour) == (2, 2)
    assert (first.utcoffset(), second.utcoffset()) == (datetime.timedelta(hours=2), datetime.timedelta(hours=1))
    assert timezone.to_utc(second) == datetime.datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc)
    aware = timezone.make_aware(datetime.datetime(2026, 1, 15, 12, 0), berlin)
    assert timezone.to_utc(aware).hour == 11
    assert timezone.make_naive(UTC_NOON, berlin) == datetime.datetime(2026, 7, 1, 14, 0)


def test_unknown_zones_are_refused():
    with pytest.raises(ValueError):
        timezone.activate("Mars/Olympus_Mons")
    with override_settings(TIME_ZONE="Nowhere/Special"):
        with pytest.raises(ImproperlyConfigured) as info:
            timezone.get_default_timezone()
        assert "TIME_ZONE" in str(info.value)


def test_the_zone_is_per_thread():
    seen = {}
    ready = threading.Event()

    def worker():
        timezone.activate("Asia/Tokyo")
        ready.set()
        seen["worker"] = timezone.localtime(UTC_NOON).hour

    timezone.activate("Europe/Berlin")
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        ready.wait(10)
        thread.join(10)
        seen["main"] = timezone.localtime(UTC_NOON).hour
    finally:
        timezone.deactivate()
    assert seen == {"worker": 21, "main": 14}


def test_display_and_form_input_use_the_current_zone():
    engine = Jinja2({"NAME": "t", "OPTIONS": {}})
    template = engine.from_string("{{ d|date('Y-m-d H:i T') }}|{{ (d|localtime).hour }}|{{ d|utc|date('H') }}|"
                                  "{{ d|timezone('Asia/Tokyo')|date('H') }}|{{ get_current_timezone() }}")
    with timezone.override("Europe/Berlin"):
        assert template.render({"d": UTC_NOON}) == "2026-07-01 14:00 CEST|14|12|21|Europe/Berlin"
        value = forms.DateTimeField().clean("2026-07-01 14:00")
        assert timezone.to_utc(value) == UTC_NOON
        assert forms.DateTimeField().prepare_value(UTC_NOON) == datetime.datetime(2026, 7, 1, 14, 0)
    with override_settings(USE_TZ=False):
        assert engine.from_string("{{ d|date('H') }}").render({"d": UTC_NOON}) == "12"
