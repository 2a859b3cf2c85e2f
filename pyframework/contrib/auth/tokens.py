"""One-time links for password resets: a timestamp and an HMAC, nothing stored on the server.

The HMAC covers the user's primary key, password hash, last login and e-mail
address, so a token stops working as soon as any of them changes: setting the
new password (or logging in) uses it up. It expires after PASSWORD_RESET_TIMEOUT
seconds; SECRET_KEY_FALLBACKS keep links valid across a key rotation.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import time

from pyframework.conf import settings
from pyframework.utils.crypto import constant_time_compare, salted_hmac
from pyframework.utils.http import base36_to_int, int_to_base36

# Timestamps count seconds from here, keeping them short in base 36.
_EPOCH = datetime.datetime(2001, 1, 1)
_EPOCH_SECONDS = (_EPOCH - datetime.datetime(1970, 1, 1)).days * 86400


class PasswordResetTokenGenerator(object):

    key_salt = "pyframework.contrib.auth.tokens.PasswordResetTokenGenerator"
    algorithm = "sha256"
    secret = None  # None: SECRET_KEY, read when a token is made
    secret_fallbacks = None  # None: SECRET_KEY_FALLBACKS

    def make_token(self, user):
        """A token for ``user``, valid until the timeout or until the account's state changes."""
        return self._token(user, self._now_seconds(), self.secret or settings.SECRET_KEY)

    def check_token(self, user, token):
        """True if ``token`` was made for ``user`` as it is now, within PASSWORD_RESET_TIMEOUT."""
        if not (user and token):
            return False
        timestamp_b36, _, signature = token.partition("-")
        if not signature:
            return False
        try:
            timestamp = base36_to_int(timestamp_b36)
        except ValueError:
            return False
        secrets = [self.secret or settings.SECRET_KEY]
        secrets.extend(self.secret_fallbacks if self.secret_fallbacks is not None
                       else getattr(settings, "SECRET_KEY_FALLBACKS", []))
        # Every secret is tried, even after a match, so the time taken tells nothing.
        matched = False
        for secret in secrets:
            if constant_time_compare(self._token(user, timestamp, secret), token):
                matched = True
        if not matched:
            return False
        return 0 <= self._now_seconds() - timestamp <= settings.PASSWORD_RESET_TIMEOUT

    def _token(self, user, timestamp, secret):
        digest = salted_hmac(self.key_salt, self._make_hash_value(user, timestamp), secret=secret,
                             algorithm=self.algorithm).hexdigest()
        # Half the hex digits keep links short and still carry 128 bits.
        return "%s-%s" % (int_to_base36(timestamp), digest[::2])

    def _make_hash_value(self, user, timestamp):
        """What the token depends on; a change to any of it invalidates the token."""
        last_login = getattr(user, "last_login", None)
        login_stamp = "" if last_login is None else last_login.replace(microsecond=0, tzinfo=None).isoformat()
        email_field = user.get_email_field_name() if hasattr(user, "get_email_field_name") else "email"
        email = getattr(user, email_field, "") or ""
        return "%s|%s|%s|%s|%s" % (user.pk, user.password, login_stamp, timestamp, email)

    def _now_seconds(self):
        # Wall-clock seconds; a method so tests can move time.
        return int(time.time()) - _EPOCH_SECONDS


default_token_generator = PasswordResetTokenGenerator()
