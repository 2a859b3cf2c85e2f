"""Password hashers: known PBKDF2 vectors (equal on CPython and Jython), upgrade on login, unusable passwords."""
from __future__ import unicode_literals

import binascii

import pytest

from pyframework.contrib.auth import hashers
from pyframework.contrib.auth.hashers import (
    PBKDF2PasswordHasher, PBKDF2SHA1PasswordHasher, check_password, identify_hasher, is_password_usable,
    make_password, pbkdf2)
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.test import override_settings

HASHERS = ["pyframework.contrib.auth.hashers.PBKDF2PasswordHasher",
           "pyframework.contrib.auth.hashers.PBKDF2SHA1PasswordHasher"]


@pytest.mark.parametrize("password,salt,iterations,dklen,digest,expected", [
    # RFC 7914 section 11 (PBKDF2-HMAC-SHA256).
    ("passwd", "salt", 1, 64, "sha256",
     "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
     "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
    # The RFC 6070 inputs, with HMAC-SHA256 and with HMAC-SHA1 (RFC 6070's own value).
    ("password", "salt", 4096, 32, "sha256", "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
    ("password", "salt", 4096, 20, "sha1", "4b007901b765489abead49d926f721d065a429c1"),
])
def test_pbkdf2_known_vectors(password, salt, iterations, dklen, digest, expected):
    derived = pbkdf2(password, salt, iterations, dklen, digest)
    assert binascii.hexlify(derived).decode("ascii") == expected


NON_ASCII_VECTOR = "38dbfab11c58e8a41f64b7c84ecc28155058552011f1e387f6dc1bae418d1b4f"


def test_pbkdf2_non_ascii_password_is_utf8_encoded():
    # Fixed value (computed with hashlib.pbkdf2_hmac over the UTF-8 bytes): the JVM path must agree.
    derived = pbkdf2("p\u00e4ssw\u00f6rd\u20ac", "NaCl", 2, 32)
    assert binascii.hexlify(derived).decode("ascii") == NON_ASCII_VECTOR


def test_default_hasher_uses_1000000_iterations():
    """Django 5.2's count, in the setting's default and in the hasher."""
    from pyframework.conf import global_settings

    assert PBKDF2PasswordHasher.iterations == 1000000
    assert global_settings.PASSWORD_HASHERS[0] == "pyframework.contrib.auth.hashers.PBKDF2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=HASHERS):
        encoded = make_password("s3cret-pass", salt="seasalt")
        algorithm, iterations, salt, digest = encoded.split("$")
        assert (algorithm, int(iterations), salt) == ("pbkdf2_sha256", 1000000, "seasalt")
        # Fixed value (hashlib.pbkdf2_hmac): the javax.crypto path on Jython must give the same.
        assert digest == "iyAMF2uSFyKvAncSgNslXi+WHB1YMZD4Bv9VtOnE2CQ="
        assert check_password("s3cret-pass", encoded)
        assert not check_password("s3cret-pasS", encoded)


class Cheap(PBKDF2PasswordHasher):
    iterations = 3


class Cheaper(PBKDF2PasswordHasher):
    iterations = 2


def test_stored_hash_round_trip_and_identify():
    hasher = Cheap()
    encoded = make_password("letmein!", hasher=hasher)
    assert encoded.startswith("pbkdf2_sha256$3$")
    assert len(encoded.split("$")[2]) >= 22  # about 128 bits of salt
    assert make_password("letmein!", hasher=hasher) != encoded  # a fresh salt each time
    assert hasher.verify("letmein!", encoded)
    assert not hasher.verify("letmein", encoded)
    with override_settings(PASSWORD_HASHERS=HASHERS):
        assert isinstance(identify_hasher(encoded), PBKDF2PasswordHasher)
        with pytest.raises(ValueError):
            identify_hasher("md5$abc$def")


def test_setter_upgrades_when_iterations_rise(monkeypatch):
    with override_settings(PASSWORD_HASHERS=HASHERS):
        old = make_password("hunter22", salt="oldsalt", hasher=Cheaper())
        monkeypatch.setattr(PBKDF2PasswordHasher, "iterations", 3)
        upgraded = []
        assert check_password("hunter22", old, setter=upgraded.append)
        assert upgraded == ["hunter22"]
        # A wrong password never triggers the upgrade; a current hash needs none.
        assert not check_password("hunter23", old, setter=upgraded.append)
        current = make_password("hunter22")
        assert current.startswith("pbkdf2_sha256$3$")
        assert check_password("hunter22", current, setter=upgraded.append)
        assert upgraded == ["hunter22"]


def test_harden_runtime_runs_the_missing_iterations(monkeypatch):
    calls = []
    real = hashers.pbkdf2
    monkeypatch.setattr(hashers, "pbkdf2", lambda *args, **kwargs: calls.append(args[2]) or real(*args, **kwargs))
    hasher = Cheap()
    hasher.harden_runtime("pw", "pbkdf2_sha256$1$salt$xxxx")
    assert calls == [2]


def test_sha1_hasher_is_verified_and_upgraded():
    with override_settings(PASSWORD_HASHERS=HASHERS):
        sha1 = PBKDF2SHA1PasswordHasher().encode("pa55word", "salty", iterations=2)
        assert sha1.startswith("pbkdf2_sha1$2$salty$")
        upgraded = []
        assert check_password("pa55word", sha1, setter=upgraded.append)
        assert upgraded == ["pa55word"]  # another algorithm than the default: re-hash


def test_unusable_passwords():
    with override_settings(PASSWORD_HASHERS=HASHERS):
        unusable = make_password(None)
        assert unusable.startswith("!") and not is_password_usable(unusable)
        assert make_password(None) != unusable
        assert not check_password("", unusable)
        assert not check_password(None, make_password("x", hasher=Cheap()))
        assert not is_password_usable(None)
        assert is_password_usable(make_password("x", hasher=Cheap()))


def test_unknown_algorithm_is_rejected_after_the_same_work(monkeypatch):
    calls = []
    monkeypatch.setattr(PBKDF2PasswordHasher, "harden_runtime", lambda self, pw, enc: calls.append(pw))
    with override_settings(PASSWORD_HASHERS=HASHERS):
        assert not check_password("pw", "bogus$1$2$3")
    assert calls == ["pw"]


def test_bad_setting_is_reported():
    with override_settings(PASSWORD_HASHERS=["no.such.Hasher"]):
        with pytest.raises(ImproperlyConfigured) as info:
            make_password("x")
    assert "no.such.Hasher" in str(info.value)


def test_safe_summary_masks_salt_and_hash():
    summary = Cheap().safe_summary(Cheap().encode("pw", "abcdefghijkl"))
    assert summary["iterations"] == 3
    assert summary["salt"] == "abcdef******"
    assert "*" in summary["hash"]


def test_a_600000_iteration_hash_is_upgraded_at_login():
    """Hashes stored before the count rose (600,000) still verify, and are re-hashed at 1,000,000."""
    old = "pbkdf2_sha256$600000$seasalt$8ABowxXEggD4iUQ9AmotxHEaGrELBIcATugiXtro4mc="
    upgraded = []
    with override_settings(PASSWORD_HASHERS=HASHERS):
        assert check_password("s3cret-pass", old, setter=upgraded.append)
        assert upgraded == ["s3cret-pass"]
        del upgraded[:]
        assert not check_password("wrong", old, setter=upgraded.append)
        assert upgraded == []


def test_md5_hasher_for_test_settings():
    with override_settings(PASSWORD_HASHERS=["pyframework.contrib.auth.hashers.MD5PasswordHasher"] + HASHERS):
        encoded = make_password("p\u00e4ss", salt="seasalt")
        assert encoded == "md5$seasalt$" + __import__("hashlib").md5("seasaltp\u00e4ss".encode("utf-8")).hexdigest()
        assert check_password("p\u00e4ss", encoded)
        assert not check_password("pass", encoded)
        assert identify_hasher(encoded).algorithm == "md5"
        assert hashers.get_hasher("md5").safe_summary(encoded)["salt"] == "se*****"
