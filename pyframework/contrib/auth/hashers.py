"""Password hashing: ``make_password``/``check_password`` and the hashers behind them.

A stored password reads ``<algorithm>$<iterations>$<salt>$<hash>``. The first
entry of PASSWORD_HASHERS makes new hashes; every entry can verify old ones, and
``check_password`` re-hashes (through ``setter``) a password whose hash is
weaker than the current default, so raising the iteration count upgrades users
as they log in.
"""
from __future__ import absolute_import, unicode_literals

import base64
import hashlib
import math

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.signals import setting_changed
from pyframework.urls.utils import get_callable
from pyframework.utils.compat import JYTHON
from pyframework.utils.crypto import RANDOM_STRING_CHARS, constant_time_compare, get_random_string
from pyframework.utils.encoding import force_bytes, force_text

UNUSABLE_PASSWORD_PREFIX = "!"  # never the start of a real hash: marks a password that matches nothing
UNUSABLE_PASSWORD_SUFFIX_LENGTH = 40

if JYTHON:  # pragma: no cover - exercised by the Jython test run
    from java.lang import String as JavaString
    from javax.crypto import SecretKeyFactory
    from javax.crypto.spec import PBEKeySpec

    _JVM_ALGORITHMS = {"sha256": "PBKDF2WithHmacSHA256", "sha1": "PBKDF2WithHmacSHA1"}

    def pbkdf2(password, salt, iterations, dklen=0, digest="sha256"):
        """PBKDF2 by the JVM: a pure-Python loop would take minutes at 600,000 rounds."""
        if not dklen:
            dklen = hashlib.new(digest).digest_size
        # The JVM's PBKDF2 encodes the char[] password as UTF-8, as force_bytes does here.
        chars = JavaString(force_text(password)).toCharArray()
        spec = PBEKeySpec(chars, force_bytes(salt), iterations, dklen * 8)
        try:
            key = SecretKeyFactory.getInstance(_JVM_ALGORITHMS[digest]).generateSecret(spec).getEncoded()
        finally:
            spec.clearPassword()
        return bytes(bytearray(b & 0xFF for b in key))
else:
    def pbkdf2(password, salt, iterations, dklen=0, digest="sha256"):
        """PBKDF2 (RFC 8018) of ``password`` with HMAC-``digest``; ``dklen`` 0 means the digest size."""
        return hashlib.pbkdf2_hmac(digest, force_bytes(password), force_bytes(salt), iterations, dklen or None)


_hashers = {"list": None, "by_algorithm": None}


def _reset_hashers(**kwargs):
    if kwargs.get("setting") == "PASSWORD_HASHERS":
        _hashers["list"] = _hashers["by_algorithm"] = None


setting_changed.connect(_reset_hashers)


def _import_hasher(path):
    hasher = get_callable(path, "PASSWORD_HASHERS")()
    if not getattr(hasher, "algorithm", None):
        raise ImproperlyConfigured("PASSWORD_HASHERS: %r has no 'algorithm' attribute." % (path,))
    return hasher


def get_hashers():
    if _hashers["list"] is None:
        hashers = [_import_hasher(path) for path in settings.PASSWORD_HASHERS]
        if not hashers:
            raise ImproperlyConfigured("PASSWORD_HASHERS must name at least one hasher.")
        _hashers["by_algorithm"] = dict((hasher.algorithm, hasher) for hasher in hashers)
        _hashers["list"] = hashers
    return _hashers["list"]


def get_hashers_by_algorithm():
    get_hashers()
    return _hashers["by_algorithm"]


def get_hasher(algorithm="default"):
    """The hasher for ``algorithm`` (an instance passes through); "default" is the first configured."""
    if hasattr(algorithm, "algorithm"):
        return algorithm
    if algorithm == "default":
        return get_hashers()[0]
    try:
        return get_hashers_by_algorithm()[algorithm]
    except KeyError:
        raise ValueError("Unknown password hashing algorithm %r. Did you specify it in the "
                         "PASSWORD_HASHERS setting?" % (algorithm,))


def identify_hasher(encoded):
    """The hasher that made ``encoded``; ValueError when none of the configured ones did."""
    encoded = force_text(encoded or "")
    if "$" not in encoded:
        raise ValueError("The password hash has no algorithm prefix.")
    return get_hasher(encoded.split("$", 1)[0])


def is_password_usable(encoded):
    """False for None and for hashes made by ``make_password(None)``."""
    return encoded is not None and not force_text(encoded).startswith(UNUSABLE_PASSWORD_PREFIX)


def make_password(password, salt=None, hasher="default"):
    """The hash to store for ``password``; None gives an unusable password that no input matches."""
    if password is None:
        return UNUSABLE_PASSWORD_PREFIX + get_random_string(UNUSABLE_PASSWORD_SUFFIX_LENGTH)
    hasher = get_hasher(hasher)
    return hasher.encode(password, salt or hasher.salt())


def verify_password(password, encoded, preferred="default"):
    """``(matches, must_update)`` without side effects."""
    if password is None or not is_password_usable(encoded):
        return False, False
    preferred = get_hasher(preferred)
    try:
        hasher = identify_hasher(encoded)
    except ValueError:
        # An unknown format still costs one hash, so the answer's timing tells nothing.
        preferred.harden_runtime(password, encoded)
        return False, False
    same_algorithm = hasher.algorithm == preferred.algorithm
    must_update = not same_algorithm or preferred.must_update(encoded)
    matches = hasher.verify(password, encoded)
    if not matches and must_update and same_algorithm:
        # The stored hash was cheaper than today's work factor: spend the difference, so a wrong
        # password costs as much as for an up-to-date user (a right one is re-hashed at full cost).
        preferred.harden_runtime(password, encoded)
    return matches, must_update


def check_password(password, encoded, setter=None, preferred="default"):
    """True if ``password`` matches ``encoded``; ``setter(password)`` re-hashes outdated hashes."""
    matches, must_update = verify_password(password, encoded, preferred)
    if setter and matches and must_update:
        setter(password)
    return matches


def run_dummy_hash(password="", hasher="default"):
    """Hash once for nothing: the cost of a login for a user that does not exist equals a real one."""
    make_password(password or "", hasher=hasher)


def mask_hash(value, show=6, char="*"):
    """The first ``show`` characters of ``value``, the rest masked (for display only)."""
    return value[:show] + char * len(value[show:])


class BasePasswordHasher(object):
    """A hashing scheme. Subclasses set ``algorithm`` and implement encode/decode/verify."""

    algorithm = None
    salt_entropy = 128  # bits

    def salt(self):
        length = int(math.ceil(self.salt_entropy / math.log(len(RANDOM_STRING_CHARS), 2)))
        return get_random_string(length, RANDOM_STRING_CHARS)

    def encode(self, password, salt):
        raise NotImplementedError("%s must provide encode()." % type(self).__name__)

    def decode(self, encoded):
        raise NotImplementedError("%s must provide decode()." % type(self).__name__)

    def verify(self, password, encoded):
        raise NotImplementedError("%s must provide verify()." % type(self).__name__)

    def safe_summary(self, encoded):
        return self.decode(encoded)

    def must_update(self, encoded):
        return False

    def harden_runtime(self, password, encoded):
        """Spend the time a hash at today's work factor would, when ``encoded`` used less."""


class PBKDF2PasswordHasher(BasePasswordHasher):
    """PBKDF2 with HMAC-SHA256: the default, at Django 5.2's 1,000,000 iterations.

    Stored hashes with another count are re-hashed at the next successful login (``must_update``).
    """

    algorithm = "pbkdf2_sha256"
    iterations = 1000000
    digest = "sha256"

    def encode(self, password, salt, iterations=None):
        if password is None:
            raise ValueError("Cannot hash None; use make_password(None) for an unusable password.")
        salt = force_text(salt)
        if not salt or "$" in salt:
            raise ValueError("The salt must be non-empty and must not contain '$'.")
        iterations = iterations or self.iterations
        derived = pbkdf2(password, salt, iterations, digest=self.digest)
        hash_text = base64.b64encode(derived).decode("ascii").strip()
        return "%s$%d$%s$%s" % (self.algorithm, iterations, salt, hash_text)

    def decode(self, encoded):
        algorithm, iterations, salt, hash_text = force_text(encoded).split("$", 3)
        if algorithm != self.algorithm:
            raise ValueError("Not a %s hash." % self.algorithm)
        return {"algorithm": algorithm, "iterations": int(iterations), "salt": salt, "hash": hash_text}

    def verify(self, password, encoded):
        try:
            decoded = self.decode(encoded)
        except ValueError:
            return False
        expected = self.encode(password, decoded["salt"], decoded["iterations"])
        return constant_time_compare(force_text(encoded), expected)

    def safe_summary(self, encoded):
        decoded = self.decode(encoded)
        return {"algorithm": decoded["algorithm"], "iterations": decoded["iterations"],
                "salt": mask_hash(decoded["salt"]), "hash": mask_hash(decoded["hash"])}

    def must_update(self, encoded):
        decoded = self.decode(encoded)
        return decoded["iterations"] != self.iterations or len(decoded["salt"]) * math.log(
            len(RANDOM_STRING_CHARS), 2) < self.salt_entropy

    def harden_runtime(self, password, encoded):
        decoded = self.decode(encoded)
        missing = self.iterations - decoded["iterations"]
        if missing > 0:
            pbkdf2(password or "", decoded["salt"], missing, digest=self.digest)


class PBKDF2SHA1PasswordHasher(PBKDF2PasswordHasher):
    """PBKDF2 with HMAC-SHA1, for hashes made by systems that used it."""

    algorithm = "pbkdf2_sha1"
    digest = "sha1"


class MD5PasswordHasher(BasePasswordHasher):
    """Salted MD5: **insecure**, for test settings only (as in Django), where hashing speed matters.

    ``PASSWORD_HASHERS = ["pyframework.contrib.auth.hashers.MD5PasswordHasher"]`` in a test
    settings module makes creating and logging in users instant; never use it in production.
    """

    algorithm = "md5"

    def encode(self, password, salt):
        if password is None:
            raise ValueError("Cannot hash None; use make_password(None) for an unusable password.")
        salt = force_text(salt)
        if not salt or "$" in salt:
            raise ValueError("The salt must be non-empty and must not contain '$'.")
        return "%s$%s$%s" % (self.algorithm, salt, hashlib.md5(force_bytes(salt + force_text(password))).hexdigest())

    def decode(self, encoded):
        algorithm, salt, hash_text = force_text(encoded).split("$", 2)
        if algorithm != self.algorithm:
            raise ValueError("Not a %s hash." % self.algorithm)
        return {"algorithm": algorithm, "salt": salt, "hash": hash_text}

    def verify(self, password, encoded):
        try:
            decoded = self.decode(encoded)
        except ValueError:
            return False
        return constant_time_compare(force_text(encoded), self.encode(password, decoded["salt"]))

    def safe_summary(self, encoded):
        decoded = self.decode(encoded)
        return {"algorithm": decoded["algorithm"], "salt": mask_hash(decoded["salt"], show=2),
                "hash": mask_hash(decoded["hash"])}
