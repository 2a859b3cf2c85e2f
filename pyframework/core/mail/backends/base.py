"""BaseEmailBackend: what every EMAIL_BACKEND class provides."""
from __future__ import absolute_import, unicode_literals


class BaseEmailBackend(object):
    """Delivers EmailMessages; ``open``/``close`` bracket a batch (``with backend: ...`` does both).

    ``fail_silently``: delivery errors are swallowed instead of raised.
    Subclasses implement ``send_messages(messages)``, returning how many went out.
    """

    def __init__(self, fail_silently=False, **kwargs):
        self.fail_silently = fail_silently

    def open(self):
        """Open the connection (if the backend has one); True if this call opened it."""
        return False

    def close(self):
        """Close the connection opened by ``open``."""

    def __enter__(self):
        try:
            self.open()
        except Exception:
            self.close()
            raise
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def send_messages(self, email_messages):
        raise NotImplementedError("%s must provide send_messages()." % self.__class__.__name__)
