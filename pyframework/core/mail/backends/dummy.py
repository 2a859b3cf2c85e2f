"""A backend that sends nothing (and says every message went out)."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        return len(list(email_messages))
