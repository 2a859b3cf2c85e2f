"""Signing: round trips, tampering, salts, keys, timestamps and compression."""
from __future__ import unicode_literals

import datetime

import pytest

from pyframework.core import signing
from fake_clock_support import FakeClock
from pyframework.test import override_settings
from pyframework.utils import crypto


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(signing, "time", fake)
    return fake


def test_sign_and_unsign_round_trip():
    signer = signing.Signer(key="secret-one")
    signed = signer.sign("hello \u00e9t\u00e9")
    assert signed.startswith("hello \u00e9t\u00e9:")
    assert signer.unsign(signed) == "hello \u00e9t\u00e9"


def test_signature_is_hmac_sha256_base64():
    signature = signing.Signer(key="k").signature("value")
    # 32 bytes of SHA-256 as unpadded URL-safe base64.
    assert len(signature) == 43
    assert all(char.isalnum() or char in "-_" for char in signature)


@pytest.mark.parametrize("tamper", [
    lambda s: s.replace("hello", "hellO"),
    lambda s: s[:-1] + ("A" if s[-1] != "A" else "B"),
    lambda s: s + "x",
    lambda s: s.split(":")[0],
    lambda s: "",
])
def test_tampering_is_detected(tamper):
    signer = signing.Signer(key="secret")
    with pytest.raises(signing.BadSignature):
        signer.unsign(tamper(signer.sign("hello")))


def test_salt_and_key_separate_signatures():
    value = signing.Signer(key="secret", salt="one").sign("data")
    with pytest.raises(signing.BadSignature):
        signing.Signer(key="secret", salt="two").unsign(value)
    with pytest.raises(signing.BadSignature):
        signing.Signer(key="other", salt="one").unsign(value)
    assert signing.Signer(key="secret", salt="one").unsign(value) == "data"


def test_default_key_is_secret_key_and_fallbacks_are_accepted():
    with override_settings(SECRET_KEY="old-key"):
        old = signing.Signer().sign("x")
    with override_settings(SECRET_KEY="new-key", SECRET_KEY_FALLBACKS=["old-key"]):
        assert signing.Signer().unsign(old) == "x"
        # New values are signed with the current key only.
        assert signing.Signer(fallback_keys=[]).unsign(signing.Signer().sign("y")) == "y"
    with override_settings(SECRET_KEY="new-key"):
        with pytest.raises(signing.BadSignature):
            signing.Signer().unsign(old)


def test_unsafe_separator_is_refused():
    with pytest.raises(ValueError) as excinfo:
        signing.Signer(key="k", sep="-")
    assert "separator" in str(excinfo.value)


def test_timestamp_signer_max_age(clock):
    signer = signing.TimestampSigner(key="secret")
    signed = signer.sign("token")
    clock.now += 60
    assert signer.unsign(signed) == "token"
    assert signer.unsign(signed, max_age=61) == "token"
    assert signer.unsign(signed, max_age=datetime.timedelta(minutes=2)) == "token"
    with pytest.raises(signing.SignatureExpired):
        signer.unsign(signed, max_age=59)
    with pytest.raises(signing.SignatureExpired):
        signer.unsign(signed, max_age=datetime.timedelta(seconds=30))


def test_expired_is_a_bad_signature():
    assert issubclass(signing.SignatureExpired, signing.BadSignature)


def test_timestamp_signer_refuses_a_plain_signature():
    plain = signing.Signer(key="secret", salt="s").sign("value")
    with pytest.raises(signing.BadSignature):
        signing.TimestampSigner(key="secret", salt="s").unsign(plain)


def test_dumps_and_loads_objects():
    data = {"user": 42, "roles": ["a", "b"], "name": "Z\u00fcrich"}
    token = signing.dumps(data, key="secret")
    assert signing.loads(token, key="secret") == data
    with pytest.raises(signing.BadSignature):
        signing.loads(token, key="secret", salt="other")


def test_dumps_compresses_when_it_helps():
    data = {"text": "abc" * 200}
    plain = signing.dumps(data, key="secret")
    compressed = signing.dumps(data, key="secret", compress=True)
    assert compressed.startswith(".")
    assert len(compressed) < len(plain) / 4
    assert signing.loads(compressed, key="secret") == data
    # Short data does not shrink: left uncompressed.
    assert not signing.dumps({"a": 1}, key="secret", compress=True).startswith(".")


def test_loads_with_max_age(clock):
    token = signing.dumps("payload", key="secret")
    clock.now += 100
    assert signing.loads(token, key="secret", max_age=100) == "payload"
    with pytest.raises(signing.SignatureExpired):
        signing.loads(token, key="secret", max_age=99)


def test_tampered_payload_is_refused():
    token = signing.dumps({"admin": False}, key="secret")
    forged_payload = signing.b64_encode(b'{"admin":true}')
    forged = forged_payload + token[token.index(":"):]
    with pytest.raises(signing.BadSignature):
        signing.loads(forged, key="secret")


def test_cookie_signer_uses_its_own_key_space():
    with override_settings(SECRET_KEY="cookie-test-key"):
        cookie_value = signing.get_cookie_signer(salt="s").sign("v")
        assert signing.get_cookie_signer(salt="s").unsign(cookie_value) == "v"
        with pytest.raises(signing.BadSignature):
            signing.TimestampSigner(salt="s").unsign(cookie_value)


def test_b62_round_trip():
    for number in (0, 1, 61, 62, 1700000000, -5):
        assert signing.b62_decode(signing.b62_encode(number)) == number


def test_constant_time_compare():
    assert crypto.constant_time_compare("abc", "abc")
    assert crypto.constant_time_compare(b"abc", "abc")
    assert not crypto.constant_time_compare("abc", "abd")
    assert not crypto.constant_time_compare("abc", "abcd")
    assert crypto._compare_bytes(b"same", b"same")
    assert not crypto._compare_bytes(b"same", b"sane")
    assert not crypto._compare_bytes(b"short", b"longer")


def test_salted_hmac_depends_on_salt_and_secret():
    one = crypto.salted_hmac("salt", "value", secret="s").hexdigest()
    assert one == crypto.salted_hmac("salt", "value", secret="s").hexdigest()
    assert one != crypto.salted_hmac("other", "value", secret="s").hexdigest()
    assert one != crypto.salted_hmac("salt", "value", secret="t").hexdigest()
    with pytest.raises(crypto.InvalidAlgorithm):
        crypto.salted_hmac("salt", "value", secret="s", algorithm="nope")


def test_get_random_string():
    first = crypto.get_random_string(32)
    assert len(first) == 32
    assert set(first) <= set(crypto.RANDOM_STRING_CHARS)
    assert first != crypto.get_random_string(32)
    assert set(crypto.get_random_string(50, "ab")) <= set("ab")
