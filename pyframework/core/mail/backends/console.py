"""Messages written to a stream (standard output by default): for development."""
from __future__ import absolute_import, unicode_literals

import sys

from pyframework.core.mail.backends.base import BaseEmailBackend
from pyframework.core.mail.message import message_bytes
from pyframework.utils.compat import PY2

SEPARATOR = "-" * 79


class EmailBackend(BaseEmailBackend):

    def __init__(self, *args, **kwargs):
        self.stream = kwargs.pop("stream", None) or sys.stdout
        super(EmailBackend, self).__init__(*args, **kwargs)

    def format_message(self, message):
        """The message as text, as it would travel, followed by a separator line."""
        raw = message_bytes(message.message()).decode("utf-8", "replace")
        return "%s\n%s\n" % (raw, SEPARATOR)

    def write(self, text):
        if PY2 and "b" in getattr(self.stream, "mode", ""):
            text = text.encode("utf-8")
        # One write per message, so messages from concurrent requests don't interleave line by line.
        self.stream.write(text)
        self.stream.flush()

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            try:
                self.write(self.format_message(message))
            except Exception:
                if not self.fail_silently:
                    raise
            else:
                count += 1
        return count
