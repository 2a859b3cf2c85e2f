"""Messages sent to an SMTP server (EMAIL_HOST, EMAIL_PORT...) with the standard library's smtplib.

A connection object is for one thread at a time: ``send_mail()`` makes its
own, so requests sending mail never share one.
"""
from __future__ import absolute_import, unicode_literals

import smtplib
import socket

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.mail.backends.base import BaseEmailBackend
from pyframework.core.mail.message import message_bytes, sanitize_address
from pyframework.utils.compat import native_str


def _setting(value, name):
    return getattr(settings, name) if value is None else value


class EmailBackend(BaseEmailBackend):

    def __init__(self, host=None, port=None, username=None, password=None, use_tls=None, fail_silently=False,
                 use_ssl=None, timeout=None, **kwargs):
        super(EmailBackend, self).__init__(fail_silently=fail_silently)
        self.host = _setting(host, "EMAIL_HOST")
        self.port = int(_setting(port, "EMAIL_PORT"))
        self.username = _setting(username, "EMAIL_HOST_USER")
        self.password = _setting(password, "EMAIL_HOST_PASSWORD")
        self.use_tls = _setting(use_tls, "EMAIL_USE_TLS")
        self.use_ssl = _setting(use_ssl, "EMAIL_USE_SSL")
        self.timeout = _setting(timeout, "EMAIL_TIMEOUT")
        if self.use_tls and self.use_ssl:
            raise ImproperlyConfigured("EMAIL_USE_TLS (STARTTLS) and EMAIL_USE_SSL (TLS from the first byte) are "
                                       "exclusive: set at most one of them.")
        self.connection = None

    def open(self):
        """Connect (and log in); True if a new connection was made, False if one was already open."""
        if self.connection is not None:
            return False
        connection_class = smtplib.SMTP_SSL if self.use_ssl else smtplib.SMTP
        options = {"local_hostname": native_str("localhost")}  # no reverse DNS look-up of this machine
        if self.timeout is not None:
            options["timeout"] = self.timeout
        try:
            self.connection = connection_class(native_str(self.host), self.port, **options)
            if self.use_tls:
                self.connection.starttls()
            if self.username and self.password:
                self.connection.login(native_str(self.username), native_str(self.password))
            return True
        except (smtplib.SMTPException, socket.error):
            self.connection = None
            if not self.fail_silently:
                raise
            return False

    def close(self):
        if self.connection is None:
            return
        try:
            try:
                self.connection.quit()
            except (smtplib.SMTPServerDisconnected, socket.error):
                # The server hung up already: nothing left to close politely.
                self.connection.close()
            except smtplib.SMTPException:
                if not self.fail_silently:
                    raise
        finally:
            self.connection = None

    def send_messages(self, email_messages):
        messages = [message for message in email_messages if message.recipients()]
        if not messages:
            return 0
        new_connection = self.open()
        if self.connection is None:
            return 0  # could not connect, and fail_silently
        sent = 0
        try:
            for message in messages:
                if self._send(message):
                    sent += 1
        finally:
            if new_connection:
                self.close()
        return sent

    def _send(self, email_message):
        sender = sanitize_address(email_message.from_email)
        recipients = [sanitize_address(address) for address in email_message.recipients()]
        try:
            self.connection.sendmail(sender, recipients, message_bytes(email_message.message()))
        except (smtplib.SMTPException, socket.error):
            if not self.fail_silently:
                raise
            return False
        return True
