"""LiveServerTestCase: the project on a real socket, seeing what the test committed."""
from __future__ import unicode_literals

import os
import unittest

from pyframework.db import connection
from pyframework.test import LiveServerTestCase, override_settings
from pyframework.utils.compat import PY2

if PY2:  # pragma: no cover - Jython
    from urllib2 import HTTPError, urlopen
else:
    from urllib.error import HTTPError
    from urllib.request import urlopen

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = [{"BACKEND": "pyframework.template.backends.jinja2.Jinja2",
              "DIRS": [os.path.join(HERE, "framework_templates")]}]


@override_settings(ROOT_URLCONF="framework_urls", MIDDLEWARE=[], TEMPLATES=TEMPLATES,
                   STATIC_URL="/static/", STATICFILES_DIRS=[os.path.join(HERE, "framework_templates")])
class ServedTests(LiveServerTestCase):
    __test__ = False

    def fetch(self, path):
        response = urlopen(self.live_server_url + path, timeout=20)
        try:
            return response.getcode(), response.read()
        finally:
            response.close()

    def test_page_over_http(self):
        self.assertTrue(self.live_server_url.startswith("http://localhost:"))
        status, body = self.fetch("/greeting/")
        self.assertEqual(status, 200)
        self.assertIn(b"<b>Ada</b> says hello", body)

    def test_static_files_and_404(self):
        self.assertEqual(self.fetch("/static/name.html")[1].strip(), b"<b>{{ name }}</b>")
        with self.assertRaises(HTTPError) as raised:
            self.fetch("/missing/")
        self.assertEqual(raised.exception.code, 404)


def test_live_server(db):
    result = unittest.TestResult()
    unittest.TestLoader().loadTestsFromTestCase(ServedTests).run(result)
    assert not result.errors and not result.failures, result.errors + result.failures
    assert result.testsRun == 2
    assert connection.settings_dict  # the test thread's connection is still usable
