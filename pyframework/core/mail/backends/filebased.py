"""Messages written to files in EMAIL_FILE_PATH, one file per connection: for development and tests."""
from __future__ import absolute_import, unicode_literals

import datetime
import errno
import io
import os

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.mail.backends.console import EmailBackend as ConsoleEmailBackend


class EmailBackend(ConsoleEmailBackend):

    def __init__(self, *args, **kwargs):
        file_path = kwargs.pop("file_path", None) or getattr(settings, "EMAIL_FILE_PATH", None)
        if not file_path:
            raise ImproperlyConfigured("The file-based email backend needs EMAIL_FILE_PATH: a directory to "
                                       "write messages into.")
        self.file_path = os.path.abspath(file_path)
        if os.path.exists(self.file_path) and not os.path.isdir(self.file_path):
            raise ImproperlyConfigured("EMAIL_FILE_PATH %r is a file, not a directory." % self.file_path)
        try:
            os.makedirs(self.file_path)
        except OSError as exc:
            if exc.errno != errno.EEXIST:
                raise ImproperlyConfigured("EMAIL_FILE_PATH %r cannot be created: %s" % (self.file_path, exc))
        if not os.access(self.file_path, os.W_OK):
            raise ImproperlyConfigured("EMAIL_FILE_PATH %r is not writable." % self.file_path)
        kwargs["stream"] = None
        super(EmailBackend, self).__init__(*args, **kwargs)
        self.stream = None
        self._fname = None

    def _get_filename(self):
        """A new file per connection, named by the time and this object so parallel senders never share one."""
        if self._fname is None:
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            self._fname = os.path.join(self.file_path, "%s-%s.log" % (stamp, abs(id(self))))
        return self._fname

    def open(self):
        if self.stream is None:
            self.stream = io.open(self._get_filename(), "a", encoding="utf-8")
            return True
        return False

    def close(self):
        try:
            if self.stream is not None:
                self.stream.close()
        finally:
            self.stream = None

    def send_messages(self, email_messages):
        messages = list(email_messages)
        if not messages:
            return 0
        opened = self.open()
        try:
            return super(EmailBackend, self).send_messages(messages)
        finally:
            if opened:
                self.close()
