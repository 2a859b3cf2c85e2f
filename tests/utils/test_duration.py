"""utils.dateparse.parse_duration and utils.duration: timedeltas to text and back."""
from __future__ import unicode_literals

import datetime

import pytest

from pyframework.utils.dateparse import parse_duration
from pyframework.utils.duration import duration_iso_string, duration_microseconds, duration_string

td = datetime.timedelta


@pytest.mark.parametrize("text, expected", [
    ("30", td(seconds=30)), ("15:30", td(minutes=15, seconds=30)), ("10:15:30", td(hours=10, minutes=15, seconds=30)),
    ("4 15:30", td(days=4, minutes=15, seconds=30)), ("4 10:15:30.1", td(days=4, hours=10, minutes=15, seconds=30.1)),
    ("4 10:15:30,5", td(days=4, hours=10, minutes=15, seconds=30.5)), ("-4 15:30", td(days=-4, minutes=15, seconds=30)),
    ("-15:30", -td(minutes=15, seconds=30)), ("4 days, 10:15:30", td(days=4, hours=10, minutes=15, seconds=30)),
    ("3 days 04:05:06", td(days=3, hours=4, minutes=5, seconds=6)),
    ("-1 day -04:05:06.5", td(days=-1) - td(hours=4, minutes=5, seconds=6.5)),
    ("P4DT1H15M20S", td(days=4, hours=1, minutes=15, seconds=20)), ("-P1DT1H", -td(days=1, hours=1)),
    ("PT0.5S", td(seconds=0.5)), ("P0.5D", td(hours=12)),
])
def test_the_three_formats(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["x", "4 days 10", "P1Y", "10:15:30:40", "PT1.5.5S"])
def test_other_text_is_none(text):
    assert parse_duration(text) is None


def test_strings_round_trip():
    value = td(days=3, hours=4, minutes=5, seconds=6, microseconds=7)
    assert duration_string(value) == "3 04:05:06.000007"
    assert duration_string(td(hours=1)) == "01:00:00"
    assert duration_iso_string(-value) == "-P3DT04H05M06.000007S"
    assert duration_iso_string(td(0)) == "P0DT00H00M00S"
    assert duration_microseconds(value) == 273906000007
    for sample in (value, -value, td(0), td(microseconds=-1)):
        assert parse_duration(duration_string(sample)) == sample
        assert parse_duration(duration_iso_string(sample)) == sample
