"""``AbstractBaseSession``: the base of session models, importable even when
``pyframework.contrib.sessions`` is not installed (as ``django.contrib.sessions.base_session``).

A project's own session model subclasses it and names its store in
``get_session_store_class()``; a SessionStore subclass of the db backend returns that model
from ``get_model_class()``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db import models


class BaseSessionManager(models.Manager):
    def encode(self, session_dict):
        """The session dict as the stored text, by the model's session store."""
        return self.model.get_session_store_class()().encode(session_dict)

    def save(self, session_key, session_dict, expire_date):
        """Store ``session_dict`` under ``session_key``; an empty dict deletes the row."""
        session = self.model(session_key, self.encode(session_dict), expire_date)
        if session_dict:
            session.save()
        else:
            session.delete()
        return session


class AbstractBaseSession(models.Model):
    """One visitor's session: the signed data, found by its random key.

    ``expire_date`` is indexed because every load filters on it and ``clearsessions``
    deletes by it.
    """

    session_key = models.CharField("session key", max_length=40, primary_key=True)
    session_data = models.TextField("session data")
    expire_date = models.DateTimeField("expire date", db_index=True)

    objects = BaseSessionManager()

    class Meta:
        abstract = True
        verbose_name = "session"
        verbose_name_plural = "sessions"

    def __str__(self):
        return self.session_key

    @classmethod
    def get_session_store_class(cls):
        raise NotImplementedError("%s must name its session store in get_session_store_class()." % cls.__name__)

    def get_decoded(self):
        """The session dict stored in this row."""
        return self.get_session_store_class()().decode(self.session_data)
