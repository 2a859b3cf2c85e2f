"""SimpleTestCase: a unittest.TestCase with a test client and response assertions."""
from __future__ import absolute_import, unicode_literals

import unittest

from pyframework.test.client import Client
from pyframework.test.utils import override_settings
from pyframework.utils.compat import text_type, urlsplit


def _body_text(response):
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
        response.streaming_content = [content]
    else:
        content = response.content
    return content.decode(getattr(response, "charset", None) or "utf-8")


class SimpleTestCase(unittest.TestCase):
    """Each test gets ``self.client``, a fresh ``client_class()``."""

    client_class = Client

    def setUp(self):
        super(SimpleTestCase, self).setUp()
        self.client = self.client_class()

    def settings(self, **options):
        """``with self.settings(DEBUG=True):`` is override_settings as a context manager."""
        return override_settings(**options)

    def assertContains(self, response, text, count=None, status_code=200):
        """The response has ``status_code`` and contains ``text`` (``count`` times, if given)."""
        self.assertEqual(response.status_code, status_code,
                         "Response status was %d, expected %d." % (response.status_code, status_code))
        found = _body_text(response).count(text_type(text))
        if count is None:
            self.assertTrue(found, "Could not find %r in the response." % (text,))
        else:
            self.assertEqual(found, count, "Found %r %d times in the response, expected %d." % (text, found, count))

    def assertNotContains(self, response, text, status_code=200):
        self.assertEqual(response.status_code, status_code,
                         "Response status was %d, expected %d." % (response.status_code, status_code))
        self.assertNotIn(text_type(text), _body_text(response), "Found %r in the response." % (text,))

    def assertRedirects(self, response, expected_url, status_code=302, target_status_code=200):
        """The response redirects to ``expected_url``; the target answers ``target_status_code``.

        With ``follow=True`` responses the first redirect of the chain is checked.
        """
        chain = getattr(response, "redirect_chain", None)
        if chain:
            url, first_status = chain[0]
            final = response
        else:
            self.assertEqual(response.status_code, status_code,
                             "Response didn't redirect: status %d, expected %d." % (response.status_code, status_code))
            url, first_status = response["Location"], response.status_code
            parts = urlsplit(url)
            path = parts.path + ("?" + parts.query if parts.query else "")
            final = response.client.get(path, secure=parts.scheme == "https")
        self.assertEqual(first_status, status_code)
        self.assertEqual(url, expected_url, "Redirected to %r, expected %r." % (url, expected_url))
        self.assertEqual(final.status_code, target_status_code,
                         "Redirect target answered %d, expected %d." % (final.status_code, target_status_code))
