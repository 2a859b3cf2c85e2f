"""Testing tools shaped like ``django.test``: the test client, the test case classes,
settings overrides and database-feature skips."""
from __future__ import absolute_import, unicode_literals

from pyframework.test.client import Client, RedirectCycleError, RequestFactory  # noqa: F401
from pyframework.test.live import LiveServerTestCase  # noqa: F401
from pyframework.test.testcases import (  # noqa: F401
    SimpleTestCase, TestCase, TransactionTestCase, skipIfDBFeature, skipUnlessAnyDBFeature, skipUnlessDBFeature,
)
from pyframework.test.utils import ignore_warnings, modify_settings, override_settings, tag  # noqa: F401

__all__ = [
    "Client", "RedirectCycleError", "RequestFactory", "TestCase", "TransactionTestCase", "SimpleTestCase",
    "LiveServerTestCase", "skipIfDBFeature", "skipUnlessAnyDBFeature", "skipUnlessDBFeature", "ignore_warnings",
    "modify_settings", "override_settings", "tag",
]
