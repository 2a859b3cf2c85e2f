"""test.utils helpers from Django's suite: freeze_time, isolate_lru_cache, requires_tz_support."""
from __future__ import unicode_literals

import time
import unittest

from pyframework.test.utils import TZ_SUPPORT, freeze_time, garbage_collect, isolate_lru_cache, requires_tz_support


def test_freeze_time_fixes_time_time_inside_the_block():
    before = time.time()
    with freeze_time(123456789.5):
        assert time.time() == 123456789.5
    assert time.time() >= before


def test_isolate_lru_cache_empties_the_cache_before_and_after():
    cleared = []

    class FakeCache(object):
        def cache_clear(self):
            cleared.append(True)

    with isolate_lru_cache(FakeCache()):
        assert len(cleared) == 1
    assert len(cleared) == 2


def test_requires_tz_support_skips_where_time_zones_cannot_be_switched():
    class Case(unittest.TestCase):
        @requires_tz_support
        def test_it(self):
            pass

    result = unittest.TestResult()
    Case("test_it").run(result)
    assert len(result.skipped) == (0 if TZ_SUPPORT else 1)
    assert TZ_SUPPORT == hasattr(time, "tzset")
    garbage_collect()
