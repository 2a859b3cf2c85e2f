"""Password validators: length, similarity to the user, common passwords, all digits."""
from __future__ import unicode_literals

import gzip
import io

import pytest

from pyframework.contrib.auth.common_passwords import generate
from pyframework.contrib.auth.models import User
from pyframework.contrib.auth.password_validation import (
    CommonPasswordValidator, MinimumLengthValidator, NumericPasswordValidator, UserAttributeSimilarityValidator,
    get_default_password_validators, password_changed, password_validators_help_texts, validate_password)
from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.test import override_settings

PREFIX = "pyframework.contrib.auth.password_validation."
ALL_VALIDATORS = [
    {"NAME": PREFIX + "UserAttributeSimilarityValidator"},
    {"NAME": PREFIX + "MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": PREFIX + "CommonPasswordValidator"},
    {"NAME": PREFIX + "NumericPasswordValidator"},
]


def codes(error):
    return [item.code for item in error.error_list]


def test_minimum_length():
    MinimumLengthValidator(8).validate("12345678")
    with pytest.raises(ValidationError) as info:
        MinimumLengthValidator(8).validate("1234567")
    assert codes(info.value) == ["password_too_short"]
    assert "at least 8 characters" in info.value.messages[0]
    assert "1 character." in MinimumLengthValidator(1).get_help_text()


def test_numeric():
    NumericPasswordValidator().validate("1234a")
    with pytest.raises(ValidationError) as info:
        NumericPasswordValidator().validate("9876543210")
    assert codes(info.value) == ["password_entirely_numeric"]


@pytest.mark.parametrize("password", ["password", "Password123", "qwerty", "letmein2024", "123456789", "1q2w3e4r"])
def test_common_passwords_are_refused(password):
    with pytest.raises(ValidationError) as info:
        CommonPasswordValidator().validate(password)
    assert codes(info.value) == ["password_too_common"]


def test_uncommon_password_passes():
    CommonPasswordValidator().validate("violet-harbour-tractor-7")


def test_shipped_list_is_the_generated_one():
    validator = CommonPasswordValidator()
    assert validator.passwords == frozenset(generate())
    assert len(validator.passwords) > 500


def test_custom_password_list(tmpdir):
    plain = tmpdir.join("mine.txt")
    plain.write_binary(b"Correct-Horse\nbattery\n")
    validator = CommonPasswordValidator(password_list_path=str(plain))
    with pytest.raises(ValidationError):
        validator.validate("correct-horse")
    validator.validate("password")  # not on this list
    zipped = str(tmpdir.join("mine.txt.gz"))
    with gzip.open(zipped, "wb") as handle:
        handle.write(b"staple\n")
    with pytest.raises(ValidationError):
        CommonPasswordValidator(password_list_path=zipped).validate("STAPLE")
    with pytest.raises(ImproperlyConfigured) as info:
        CommonPasswordValidator(password_list_path=str(tmpdir.join("absent.txt")))
    assert "absent.txt" in str(info.value)


def test_similarity_to_user_attributes():
    user = User(username="johnsmith", first_name="John", last_name="Smith", email="jsmith@example.com")
    validator = UserAttributeSimilarityValidator()
    with pytest.raises(ValidationError) as info:
        validator.validate("johnsmith1", user)
    assert codes(info.value) == ["password_too_similar"]
    assert "username" in info.value.messages[0]
    with pytest.raises(ValidationError) as info:
        UserAttributeSimilarityValidator(user_attributes=["email"]).validate("JSmith", user)  # a part of it
    assert "email address" in info.value.messages[0]
    validator.validate("tangerine-ocean-51", user)
    validator.validate("johnsmith1", None)
    with pytest.raises(ValueError):
        UserAttributeSimilarityValidator(max_similarity=0.05)


def test_validate_password_collects_every_failure():
    with override_settings(AUTH_PASSWORD_VALIDATORS=ALL_VALIDATORS):
        with pytest.raises(ValidationError) as info:
            validate_password("123456")
        assert sorted(codes(info.value)) == ["password_entirely_numeric", "password_too_common",
                                             "password_too_short"]
        validate_password("maroon-giraffe-kettle")
        assert len(password_validators_help_texts()) == 4
        assert len(get_default_password_validators()) == 4
    with override_settings(AUTH_PASSWORD_VALIDATORS=[]):
        validate_password("1")


def test_unknown_validator_is_reported():
    with override_settings(AUTH_PASSWORD_VALIDATORS=[{"NAME": "no.such.Validator"}]):
        with pytest.raises(ImproperlyConfigured) as info:
            validate_password("whatever")
    assert "no.such.Validator" in str(info.value)


def test_password_changed_reaches_validators():
    seen = []

    class History(object):
        def validate(self, password, user=None):
            pass

        def password_changed(self, password, user=None):
            seen.append(password)

    password_changed("fresh-one", None, [History(), MinimumLengthValidator()])
    assert seen == ["fresh-one"]


def test_common_list_file_is_gzipped_text():
    from pyframework.contrib.auth.password_validation import DEFAULT_PASSWORD_LIST_PATH

    with gzip.open(DEFAULT_PASSWORD_LIST_PATH, "rb") as handle:
        lines = io.BytesIO(handle.read()).read().decode("utf-8").splitlines()
    assert lines == sorted(lines) and "password" in lines
