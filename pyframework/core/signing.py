"""Sign values so they can travel through untrusted hands (cookies, URLs) and come back unaltered.

    >>> signer = Signer(salt="newsletter")
    >>> token = signer.sign("user@example.com")   # 'user@example.com:<signature>'
    >>> signer.unsign(token)                       # 'user@example.com'

Any change to the value or the signature makes ``unsign`` raise BadSignature.
``TimestampSigner`` also signs the time, so ``unsign(value, max_age=...)``
refuses old values (SignatureExpired). ``dumps``/``loads`` sign any JSON
value, optionally zlib-compressed. Signatures are HMAC-SHA256 keyed by
SECRET_KEY and a salt; SECRET_KEY_FALLBACKS are accepted when verifying, so
the key can be rotated without logging everybody out.

Values are signed, not encrypted: anyone can read them.
"""
from __future__ import absolute_import, unicode_literals

import base64
import datetime
import json
import re
import time
import zlib

from pyframework.conf import settings
from pyframework.urls.utils import get_callable
from pyframework.utils.crypto import constant_time_compare, salted_hmac
from pyframework.utils.encoding import force_bytes, force_text

_SEPARATOR_UNSAFE = re.compile(r"^[A-Za-z0-9_=-]*$")
_BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
DEFAULT_SALT = "pyframework.core.signing"


class BadSignature(Exception):
    """The signature does not match the value: it was altered or signed with another key or salt."""


class SignatureExpired(BadSignature):
    """The signature is valid but older than the allowed max_age."""


def b62_encode(number):
    if number == 0:
        return "0"
    sign = "-" if number < 0 else ""
    number = abs(number)
    digits = []
    while number:
        number, remainder = divmod(number, 62)
        digits.append(_BASE62_ALPHABET[remainder])
    return sign + "".join(reversed(digits))


def b62_decode(text):
    if text == "0":
        return 0
    sign = -1 if text[:1] == "-" else 1
    number = 0
    for char in text.lstrip("-"):
        number = number * 62 + _BASE62_ALPHABET.index(char)
    return sign * number


def b64_encode(data):
    """URL-safe base64 of bytes without padding, as text."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64_decode(text):
    data = force_bytes(text)
    return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))


def base64_hmac(salt, value, key, algorithm="sha256"):
    return b64_encode(salted_hmac(salt, value, key, algorithm=algorithm).digest())


class JSONSerializer(object):
    """Compact JSON, as bytes: what ``dumps`` signs by default."""

    def dumps(self, obj):
        return force_bytes(json.dumps(obj, separators=(",", ":")))

    def loads(self, data):
        return json.loads(force_text(data))


def _default_key():
    return settings.SECRET_KEY


def _fallback_keys():
    return list(getattr(settings, "SECRET_KEY_FALLBACKS", None) or [])


class Signer(object):
    """Appends ``sep`` and an HMAC of the value; ``unsign`` checks and strips it."""

    def __init__(self, key=None, sep=":", salt=None, algorithm="sha256", fallback_keys=None):
        self.key = key if key is not None else _default_key()
        self.fallback_keys = fallback_keys if fallback_keys is not None else _fallback_keys()
        self.sep = sep
        if _SEPARATOR_UNSAFE.match(sep):
            raise ValueError("Unsafe Signer separator %r: it must not be a character of the "
                             "URL-safe base64 alphabet ([A-Za-z0-9_=-])." % (sep,))
        self.salt = salt if salt is not None else "%s.%s" % (self.__class__.__module__, self.__class__.__name__)
        self.algorithm = algorithm

    def signature(self, value, key=None):
        return base64_hmac(self.salt + "signer", value, self.key if key is None else key, self.algorithm)

    def sign(self, value):
        value = force_text(value)
        return "%s%s%s" % (value, self.sep, self.signature(value))

    def unsign(self, signed_value):
        signed_value = force_text(signed_value)
        if self.sep not in signed_value:
            raise BadSignature('No "%s" found in the signed value.' % self.sep)
        value, signature = signed_value.rsplit(self.sep, 1)
        for key in [self.key] + self.fallback_keys:
            if constant_time_compare(signature, self.signature(value, key)):
                return value
        raise BadSignature('Signature "%s" does not match.' % signature)

    def sign_object(self, obj, serializer=JSONSerializer, compress=False):
        """Sign any value ``serializer`` can encode; ``compress`` zlib-compresses it when that helps.

        A leading "." in the signed text marks compressed data.
        """
        data = serializer().dumps(obj)
        is_compressed = False
        if compress:
            compressed = zlib.compress(data)
            if len(compressed) < len(data) - 1:
                data, is_compressed = compressed, True
        encoded = b64_encode(data)
        if is_compressed:
            encoded = "." + encoded
        return self.sign(encoded)

    def unsign_object(self, signed_obj, serializer=JSONSerializer, **kwargs):
        return decode_payload(self.unsign(signed_obj, **kwargs), serializer)


def decode_payload(encoded, serializer=JSONSerializer):
    """The object in the (already verified) text ``sign_object`` signed."""
    is_compressed = encoded[:1] == "."
    try:
        data = b64_decode(encoded[1:] if is_compressed else encoded)
        if is_compressed:
            data = zlib.decompress(data)
        return serializer().loads(data)
    except (TypeError, ValueError, zlib.error) as exc:
        # Signed by us yet unreadable: only possible with a leaked key or a changed serializer.
        raise BadSignature("The signed value cannot be decoded: %s" % (exc,))


class TimestampSigner(Signer):
    """A Signer that also signs when it signed, so values can expire."""

    def timestamp(self):
        return b62_encode(int(time.time()))

    def sign(self, value):
        value = "%s%s%s" % (force_text(value), self.sep, self.timestamp())
        return super(TimestampSigner, self).sign(value)

    def unsign(self, value, max_age=None):
        """The original value; SignatureExpired if signed more than ``max_age`` seconds ago.

        ``max_age`` is seconds or a ``datetime.timedelta``.
        """
        result = super(TimestampSigner, self).unsign(value)
        if self.sep not in result:
            raise BadSignature("The signed value has no timestamp.")
        value, stamp = result.rsplit(self.sep, 1)
        try:
            signed_at = b62_decode(stamp)
        except ValueError:
            raise BadSignature("The timestamp %r is malformed." % (stamp,))
        if max_age is not None:
            if isinstance(max_age, datetime.timedelta):
                max_age = max_age.days * 86400 + max_age.seconds + max_age.microseconds / 1e6
            age = time.time() - signed_at
            if age > max_age:
                raise SignatureExpired("Signature age %d > %d seconds" % (age, max_age))
        return value


def dumps(obj, key=None, salt=DEFAULT_SALT, serializer=JSONSerializer, compress=False):
    """``obj`` as URL-safe signed text, with a timestamp so ``loads`` can enforce a max_age."""
    return TimestampSigner(key=key, salt=salt).sign_object(obj, serializer=serializer, compress=compress)


def loads(signed, key=None, salt=DEFAULT_SALT, serializer=JSONSerializer, max_age=None, fallback_keys=None):
    """The object ``dumps`` signed; BadSignature (or SignatureExpired) otherwise."""
    signer = TimestampSigner(key=key, salt=salt, fallback_keys=fallback_keys)
    return signer.unsign_object(signed, serializer=serializer, max_age=max_age)


# Classes named by settings, imported once rather than on every request.
_imported_classes = {}


def imported_setting(dotted_path, setting_name):
    """The class or callable a setting names by dotted path, imported on first use only."""
    found = _imported_classes.get(dotted_path)
    if found is None:
        found = _imported_classes[dotted_path] = get_callable(dotted_path, setting_name)
    return found


def get_cookie_signer(salt="pyframework.core.signing.get_cookie_signer"):
    """The signer of the SIGNING_BACKEND setting, keyed for cookies."""
    backend = imported_setting(settings.SIGNING_BACKEND, "SIGNING_BACKEND")
    prefix = "pyframework.http.cookies"
    return backend(key=prefix + settings.SECRET_KEY, salt=salt,
                   fallback_keys=[prefix + key for key in _fallback_keys()])

