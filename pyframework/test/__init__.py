"""Testing tools: a WSGI test client, a request factory, settings overrides and SimpleTestCase."""
from __future__ import absolute_import, unicode_literals

from pyframework.test.client import Client, RedirectCycleError, RequestFactory  # noqa: F401
from pyframework.test.testcases import SimpleTestCase  # noqa: F401
from pyframework.test.utils import override_settings  # noqa: F401
