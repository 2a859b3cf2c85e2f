"""How the admin shows datetimes and reads date-filter links: in the current time zone, as Django's."""
from __future__ import unicode_literals

import datetime

import pytest

from pyframework.contrib.admin.exceptions import IncorrectLookupParameters
from pyframework.contrib.admin.filters import DateFieldListFilter
from pyframework.contrib.admin.utils import display_for_field, display_for_value
from pyframework.db import models
from pyframework.test.utils import override_settings
from pyframework.utils import timezone

NOON_UTC = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=timezone.utc)


def test_aware_datetimes_show_in_the_current_time_zone():
    field = models.DateTimeField()
    with override_settings(USE_TZ=True, TIME_ZONE="UTC"):
        assert display_for_field(NOON_UTC, field, "-") == "2026-07-01 12:00:00 UTC"
    with override_settings(USE_TZ=True, TIME_ZONE="Europe/Berlin"):
        assert display_for_field(NOON_UTC, field, "-") == "2026-07-01 14:00:00 CEST"
        assert display_for_value(NOON_UTC.replace(month=1), "-") == "2026-01-01 13:00:00 CET"
        with timezone.override("America/New_York"):
            assert display_for_field(NOON_UTC, field, "-") == "2026-07-01 08:00:00 EDT"
    with override_settings(USE_TZ=False):
        naive = datetime.datetime(2026, 7, 1, 12, 0)
        assert display_for_field(naive, field, "-") == "2026-07-01 12:00:00"


def test_date_filter_links_are_read_with_their_offset():
    field = models.DateTimeField()
    with override_settings(USE_TZ=True, TIME_ZONE="Europe/Berlin"):
        parsed = DateFieldListFilter._parse(field, "2026-12-02 00:00:00+01:00")
        assert timezone.to_utc(parsed).replace(tzinfo=None) == datetime.datetime(2026, 12, 1, 23, 0)
        midnight = DateFieldListFilter._parse(field, "2026-12-02")  # the Berlin day, not the UTC one
        assert timezone.to_utc(midnight).replace(tzinfo=None) == datetime.datetime(2026, 12, 1, 23, 0)
        for bad in ("notadate", "2026-13-45", "2026-02-30 10:00:00"):
            with pytest.raises(IncorrectLookupParameters):
                DateFieldListFilter._parse(field, bad)
    assert DateFieldListFilter._parse(models.DateField(), "2026-12-02") == datetime.date(2026, 12, 2)
