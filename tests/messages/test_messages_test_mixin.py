"""contrib.messages.test.MessagesTestMixin: assertMessages on the messages a request stored."""
from __future__ import unicode_literals

import unittest

from pyframework.contrib.messages import INFO, SUCCESS, WARNING, Message
from pyframework.contrib.messages.test import MessagesTestMixin
from pyframework.test import Client, override_settings

MIDDLEWARE = ["pyframework.contrib.sessions.middleware.SessionMiddleware",
              "pyframework.contrib.messages.middleware.MessageMiddleware"]


class AssertMessagesTests(MessagesTestMixin, unittest.TestCase):
    def setUp(self):
        self.settings = override_settings(ROOT_URLCONF="messages_views_urls", MIDDLEWARE=MIDDLEWARE,
                                          MESSAGE_STORAGE="pyframework.contrib.messages.storage.cookie.CookieStorage")
        self.settings.enable()
        self.addCleanup(self.settings.disable)

    def test_messages_of_the_response_in_order_or_not(self):
        response = Client().get("/add/", {"success": "Saved.", "warning": "Careful."})
        self.assertMessages(response, [Message(SUCCESS, "Saved."), Message(WARNING, "Careful.")])
        self.assertMessages(response, [Message(WARNING, "Careful."), Message(SUCCESS, "Saved.")], ordered=False)
        with self.assertRaises(AssertionError):
            self.assertMessages(response, [Message(WARNING, "Careful."), Message(SUCCESS, "Saved.")])
        with self.assertRaises(AssertionError):
            self.assertMessages(response, [Message(INFO, "Saved.")], ordered=False)
        with self.assertRaises(AssertionError):
            self.assertMessages(response, [Message(SUCCESS, "Saved.")], ordered=False)

    def test_no_messages(self):
        self.assertMessages(Client().get("/count/"), [])
