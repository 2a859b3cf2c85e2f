"""contrib.humanize: the filters in templates of an engine built with the app installed, in English
and (through the framework's gettext machinery) German; the Library that installs them."""
from __future__ import unicode_literals

import datetime
from decimal import Decimal

import pytest

from project_settings_support import installed_apps
from pyframework.contrib.humanize.templatetags import humanize
from pyframework.template import engines
from pyframework.utils import timezone, translation
from pyframework.utils.timesince import timesince, timeuntil

SETTINGS = dict(
    TEMPLATES=[{"BACKEND": "pyframework.template.backends.jinja2.Jinja2"}],
    USE_TZ=True, TIME_ZONE="UTC", LANGUAGE_CODE="en", USE_THOUSAND_SEPARATOR=False,
)


@pytest.fixture
def render():
    with installed_apps(["pyframework.contrib.humanize"], **SETTINGS):
        def render(source, **context):
            return engines["jinja2"].from_string(source).render(context)
        yield render


def test_filters_are_installed_in_the_engine(render):
    assert render("{{ 4500|intcomma }} {{ 1200000|intword }} {{ 3|apnumber }} {{ 22|ordinal }}") == \
        "4,500 1.2 million three 22nd"


def test_not_installed_means_no_filters():
    with installed_apps([], **SETTINGS):
        from pyframework.template.exceptions import TemplateSyntaxError

        with pytest.raises(TemplateSyntaxError):
            engines["jinja2"].from_string("{{ 1|intcomma }}")


def test_ordinal():
    with translation.override("en"):
        assert [humanize.ordinal(v) for v in (1, 2, 3, 4, 11, 12, 13, 21, 101, 111, "102")] == [
            "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "101st", "111th", "102nd"]
        assert humanize.ordinal("x") == "x" and humanize.ordinal(None) is None
        assert humanize.ordinal(-1) == "-1"


def test_intcomma(render):
    with translation.override("en"):
        assert [humanize.intcomma(v) for v in (100, 1000, 10123, 10311, 1000000, -1234567, "1234567", 1234567.25,
                                               Decimal("1234567.1234567"))] == [
            "100", "1,000", "10,123", "10,311", "1,000,000", "-1,234,567", "1,234,567", "1,234,567.25",
            "1,234,567.1234567"]
        assert humanize.intcomma("abc") == "abc"
        assert humanize.intcomma("1234567.12", use_l10n=False) == "1,234,567.12"
        assert humanize.intcomma(None) == "None"
    with translation.override("de"):
        assert render("{{ 1234567|intcomma }}") == "1.234.567"


def test_intword():
    with translation.override("en"):
        assert [humanize.intword(v) for v in (100, 1000000, 1200000, 1290000, 1000000000, 2000000000,
                                              6000000000000, 1300000000000000, -1500000)] == [
            100, "1.0 million", "1.2 million", "1.3 million", "1.0 billion", "2.0 billion",
            "6.0 trillion", "1.3 quadrillion", "-1.5 million"]
        assert humanize.intword("nope") == "nope"


def test_apnumber():
    with translation.override("en"):
        assert [humanize.apnumber(v) for v in (1, 5, 9, 10, 0, "2", "x")] == [
            "one", "five", "nine", 10, 0, "two", "x"]


def test_naturalday():
    today = datetime.date.today()
    with translation.override("en"):
        assert humanize.naturalday(today) == "today"
        assert humanize.naturalday(today + datetime.timedelta(days=1)) == "tomorrow"
        assert humanize.naturalday(today - datetime.timedelta(days=1)) == "yesterday"
        assert humanize.naturalday(datetime.date(2026, 3, 5), "Y-m-d") == "2026-03-05"
        assert humanize.naturalday("not a date") == "not a date"


def test_naturaltime():
    now = datetime.datetime.now(timezone.utc)
    with translation.override("en"):
        assert humanize.naturaltime(now - datetime.timedelta(seconds=30)) in ("30 seconds ago", "31 seconds ago")
        assert humanize.naturaltime(now - datetime.timedelta(minutes=5, seconds=1)) == "5 minutes ago"
        assert humanize.naturaltime(now - datetime.timedelta(hours=2, seconds=1)) == "2 hours ago"
        assert humanize.naturaltime(now - datetime.timedelta(days=8, hours=1)) == "1 week, 1 day ago"
        assert humanize.naturaltime(now + datetime.timedelta(hours=3, seconds=30)) == "3 hours from now"
        assert humanize.naturaltime(now + datetime.timedelta(days=2, hours=5)) == "2 days, 4 hours from now" or \
            humanize.naturaltime(now + datetime.timedelta(days=2, hours=5, seconds=30)) == "2 days, 5 hours from now"
        assert humanize.naturaltime("x") == "x"
        naive = datetime.datetime.now() - datetime.timedelta(minutes=1, seconds=1)
        assert humanize.naturaltime(naive) == "a minute ago"


def test_translated_into_german(render):
    now = datetime.datetime.now(timezone.utc)
    with translation.override("de"):  # the app's own locale/de catalog, merged by the framework
        assert render("{{ 3|apnumber }}, {{ 1|ordinal }}, {{ 1234567|intcomma }}") == "drei, 1., 1.234.567"
        assert humanize.naturalday(datetime.date.today()) == "heute"
        assert humanize.apnumber(3) == "drei"
        assert humanize.intword(2500000) == "2,5 Millionen"
        assert humanize.naturaltime(now - datetime.timedelta(hours=2, seconds=1)) == "vor 2 Stunden"
        assert humanize.ordinal(3) == "3."
        assert humanize.naturaltime(now - datetime.timedelta(days=2, hours=1)) == "vor 2 Tagen, 1 Stunde"
        assert humanize.naturaltime(now + datetime.timedelta(minutes=1, seconds=30)) == "in einer Minute"


def test_timesince():
    start = datetime.datetime(2026, 1, 1, 12, 0)
    with translation.override("en"):
        assert timesince(start, start + datetime.timedelta(days=9, hours=3)) == "1 week, 2 days"
        assert timesince(start, start + datetime.timedelta(days=7, hours=3)) == "1 week"  # units stay adjacent
        assert timesince(start, start + datetime.timedelta(minutes=61), depth=1) == "1 hour"
        assert timesince(start, start - datetime.timedelta(days=1)) == "0 minutes"
        assert timeuntil(start + datetime.timedelta(days=400), start) == "1 year, 1 month"
        with pytest.raises(ValueError):
            timesince(start, start, depth=0)

