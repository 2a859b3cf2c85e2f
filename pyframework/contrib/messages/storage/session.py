"""SessionStorage: messages in ``request.session`` (needs SessionMiddleware before MessageMiddleware)."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.messages.storage.base import BaseStorage, decode_messages, encode_messages
from pyframework.core.exceptions import ImproperlyConfigured


class SessionStorage(BaseStorage):
    session_key = "_messages"

    def __init__(self, request, *args, **kwargs):
        if not hasattr(request, "session"):
            raise ImproperlyConfigured(
                "The session message storage needs request.session: put "
                "'pyframework.contrib.sessions.middleware.SessionMiddleware' before "
                "'pyframework.contrib.messages.middleware.MessageMiddleware' in MIDDLEWARE.")
        super(SessionStorage, self).__init__(request, *args, **kwargs)

    def _get(self, *args, **kwargs):
        return decode_messages(self.request.session.get(self.session_key)), True

    def _store(self, messages, response, *args, **kwargs):
        if messages:
            self.request.session[self.session_key] = encode_messages(messages)
        else:
            self.request.session.pop(self.session_key, None)
        return []
