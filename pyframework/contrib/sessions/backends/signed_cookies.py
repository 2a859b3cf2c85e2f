"""Sessions stored in the cookie itself, signed so visitors can read but not alter them.

Nothing is stored on the server, so this works across any number of
servers or WAR instances. The price: the data travels with every request
(keep it small: browsers cap cookies near 4 kB), visitors can read it, and
"deleting" a session cannot revoke a copy of the old cookie before it expires.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.sessions.backends.base import SessionBase, logger
from pyframework.core import signing


class SessionStore(SessionBase):

    def _signer(self):
        return signing.TimestampSigner(salt=self.key_salt)

    def load(self):
        """The data in the cookie; an empty session if it was altered or has expired."""
        data = saved_at = None
        try:
            # Signer.unsign checks the signature but keeps the timestamp, which
            # tells how long ago the data was saved.
            payload = signing.Signer.unsign(self._signer(), self.session_key)
            encoded, _, stamp = payload.rpartition(":")
            data = signing.decode_payload(encoded, self.serializer)
            saved_at = signing.b62_decode(stamp)
        except (signing.BadSignature, ValueError) as exc:
            logger.warning("Session cookie refused: %s", exc)
        if isinstance(data, dict) and saved_at is not None and not self.has_expired(data, saved_at):
            return data
        # Forget the refused key: the session is now empty, so the middleware deletes the cookie.
        self._session_key = None
        self.create()
        return {}

    def create(self):
        # The key is computed from the data at save time; all that is needed now is to save.
        self.modified = True

    def save(self, must_create=False):
        """The data, signed, becomes the session key (the cookie's value)."""
        self._session_key = self._signer().sign_object(self._session, serializer=self.serializer, compress=True)
        self.modified = True

    def exists(self, session_key=None):
        # Keys are never "taken": each one is derived from its data.
        return False

    def delete(self, session_key=None):
        # Nothing is stored server-side; an empty key makes the middleware delete the cookie.
        self._session_key = ""
        self._session_cache = {}
        self.modified = True

    def cycle_key(self):
        self.save()

    @classmethod
    def clear_expired(cls):
        pass  # expired cookies are refused on load; there is nothing stored to clear
