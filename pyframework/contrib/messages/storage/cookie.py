"""CookieStorage: messages in a signed cookie, so a visitor cannot forge them."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib.messages.storage.base import BaseStorage, decode_messages, encode_messages
from pyframework.core import signing


class CookieStorage(BaseStorage):
    cookie_name = "messages"
    # Browsers cap a cookie near 4 kB; half of that leaves room for other cookies.
    max_cookie_size = 2048
    # Appended when the oldest messages did not fit, so a fallback storage is read too.
    not_finished = "__messagesnotfinished__"
    key_salt = "pyframework.contrib.messages"

    _signer = None

    @property
    def signer(self):
        # Built on first use: most requests carry no messages cookie and store none.
        if self._signer is None:
            self._signer = signing.get_cookie_signer(salt=self.key_salt)
        return self._signer

    def _get(self, *args, **kwargs):
        data = self.request.COOKIES.get(self.cookie_name)
        messages = self._decode(data)
        if messages is None and data:
            self.used = True  # tampered or stale: the cookie is dropped with the response
        all_retrieved = not (messages and messages[-1] == self.not_finished)
        if messages and not all_retrieved:
            messages.pop()
        return messages, all_retrieved

    def _update_cookie(self, encoded_data, response):
        if encoded_data:
            response.set_cookie(self.cookie_name, encoded_data, domain=settings.SESSION_COOKIE_DOMAIN,
                                secure=settings.SESSION_COOKIE_SECURE, httponly=settings.SESSION_COOKIE_HTTPONLY,
                                samesite=settings.SESSION_COOKIE_SAMESITE)
        elif self.cookie_name in self.request.COOKIES:
            response.delete_cookie(self.cookie_name, domain=settings.SESSION_COOKIE_DOMAIN,
                                   samesite=settings.SESSION_COOKIE_SAMESITE)

    def _store(self, messages, response, remove_oldest=True, *args, **kwargs):
        """Store as many messages as fit in the cookie; return the others.

        ``remove_oldest`` drops the oldest first (alone); a fallback storage
        asks for the newest to be left over instead, so it stores those.
        """
        messages = list(messages)
        unstored = []
        encoded = self._encode(messages)
        while encoded and len(encoded) > self.max_cookie_size:
            if remove_oldest:
                unstored.append(messages.pop(0))
            else:
                unstored.insert(0, messages.pop())
            encoded = self._encode(messages + [self.not_finished])
        self._update_cookie(encoded, response)
        return unstored

    def _encode(self, messages):
        if messages:
            return self.signer.sign_object(encode_messages(messages), compress=True)
        return None

    def _decode(self, data):
        if not data:
            return None
        try:
            return decode_messages(self.signer.unsign_object(data))
        except signing.BadSignature:
            return None
