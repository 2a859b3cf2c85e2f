"""Messages kept in ``pyframework.core.mail.outbox``, a list tests can read."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import mail
from pyframework.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):

    def __init__(self, *args, **kwargs):
        super(EmailBackend, self).__init__(*args, **kwargs)
        if mail.outbox is None:
            mail.outbox = []

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            message.message()  # builds the MIME message, so bad headers fail here as with a real backend
            mail.outbox.append(message)
            count += 1
        return count
