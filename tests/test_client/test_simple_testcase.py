"""SimpleTestCase assertions, run as unittest-style tests under pytest."""
from __future__ import unicode_literals

from pyframework.conf import settings
from pyframework.test import SimpleTestCase, override_settings


@override_settings(ROOT_URLCONF="client_urls", MIDDLEWARE=[])
class ClientAssertionsTests(SimpleTestCase):
    def test_assert_contains(self):
        response = self.client.get("/query/", {"a": "1"})
        self.assertContains(response, "a=1")
        self.assertContains(response, "1", count=1)
        self.assertNotContains(response, "b=")
        with self.assertRaises(AssertionError):
            self.assertContains(response, "missing")
        with self.assertRaises(AssertionError):
            self.assertContains(response, "a=1", status_code=404)

    def test_assert_redirects(self):
        self.assertRedirects(self.client.get("/redirect-once/"), "/target/?from=once")
        followed = self.client.get("/redirect-twice/", follow=True)
        # As in Django: a followed chain is checked against its last redirect.
        self.assertRedirects(followed, "/target/?from=once")
        with self.assertRaises(AssertionError):
            self.assertRedirects(self.client.get("/target/"), "/target/")

    def test_settings_context_manager(self):
        with self.settings(PREPEND_WWW=True):
            self.assertTrue(settings.PREPEND_WWW)
        self.assertFalse(settings.PREPEND_WWW)
