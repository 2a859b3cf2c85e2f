"""Test helpers for messages: ``MessagesTestMixin.assertMessages`` (as in Django)."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.messages.api import get_messages


class MessagesTestMixin(object):
    """Mix into a TestCase: ``self.assertMessages(response, [Message(INFO, "Saved.")])``."""

    def assertMessages(self, response, expected_messages, ordered=True):
        """The messages stored during the request of ``response`` (not yet shown) are
        ``expected_messages``, in this order unless ``ordered=False``; compared by level and text."""
        request_messages = list(get_messages(response.wsgi_request))
        if ordered:
            self.assertEqual(request_messages, expected_messages)
        else:
            # unittest's assertCountEqual is assertItemsEqual on Python 2; counting by hand works on both.
            remaining = list(expected_messages)
            for message in request_messages:
                if message not in remaining:
                    self.fail("Unexpected message %r (expected %r)" % (message, list(expected_messages)))
                remaining.remove(message)
            if remaining:
                self.fail("Missing messages %r (got %r)" % (remaining, request_messages))
