"""The table behind the database session backend (SESSION_ENGINE ``...backends.db``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.db import models


class Session(models.Model):
    """One visitor's session: the signed data, found by its random key.

    ``expire_date`` is indexed because every load filters on it and
    ``clearsessions`` deletes by it.
    """

    session_key = models.CharField("session key", max_length=40, primary_key=True)
    session_data = models.TextField("session data")
    expire_date = models.DateTimeField("expire date", db_index=True)

    class Meta:
        # Explicit, so the model can be imported before the app registry is populated.
        app_label = "sessions"
        db_table = "pyframework_session"
        verbose_name = "session"
        verbose_name_plural = "sessions"

    def __str__(self):
        return self.session_key
