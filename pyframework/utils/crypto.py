"""Keyed hashes, constant-time comparison and random strings for security tokens."""
from __future__ import absolute_import, unicode_literals

import hashlib
import hmac
import random

from pyframework.utils.encoding import force_bytes

RANDOM_STRING_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

# The operating system's generator: tokens built from it cannot be predicted
# from earlier ones, unlike those of the default Mersenne Twister.
_system_random = random.SystemRandom()


class InvalidAlgorithm(ValueError):
    """The hash algorithm named is not provided by hashlib."""


def _hash_constructor(algorithm):
    try:
        return getattr(hashlib, algorithm)
    except AttributeError:
        raise InvalidAlgorithm("%r is not an algorithm accepted by the hashlib module." % (algorithm,))


def salted_hmac(key_salt, value, secret=None, algorithm="sha256"):
    """The HMAC of ``value`` keyed by ``secret`` (default SECRET_KEY) and ``key_salt``.

    Different salts give unrelated keys, so a signature made for one purpose
    (say, sessions) can never be replayed for another (say, messages).
    """
    if secret is None:
        from pyframework.conf import settings

        secret = settings.SECRET_KEY
    hasher = _hash_constructor(algorithm)
    key = hasher(force_bytes(key_salt) + force_bytes(secret)).digest()
    return hmac.new(key, msg=force_bytes(value), digestmod=hasher)


def _compare_bytes(left, right):
    """Compare in time that depends on the length only, never on where the bytes differ."""
    left, right = bytearray(left), bytearray(right)
    difference = len(left) ^ len(right)
    if difference:
        right = left  # still do the work, so the timing reveals only the length
    for a, b in zip(left, right):
        difference |= a ^ b
    return difference == 0


# Jython 2.7.4's hmac module predates compare_digest.
_compare_digest = getattr(hmac, "compare_digest", None) or _compare_bytes


def constant_time_compare(val1, val2):
    """True if the two strings are equal, taking as long wherever they differ."""
    return _compare_digest(force_bytes(val1), force_bytes(val2))


def get_random_string(length, allowed_chars=RANDOM_STRING_CHARS):
    """A random string of ``length`` characters from ``allowed_chars``, for secrets and keys."""
    choice = _system_random.choice
    return "".join(choice(allowed_chars) for _ in range(length))
