"""Auth forms (sign-up as a ModelForm, password forms) and password-reset tokens, on every test database."""
from __future__ import unicode_literals

import pytest

from auth_views_support import auth_site
from pyframework.contrib.auth.forms import (
    AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm, UserCreationForm)
from pyframework.contrib.auth.models import User
from pyframework.contrib.auth.tokens import PasswordResetTokenGenerator
from pyframework.core import mail
from pyframework.core.exceptions import ValidationError
from pyframework.test import override_settings
from pyframework.utils import timezone

VALIDATORS = [
    {"NAME": "pyframework.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "pyframework.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "pyframework.contrib.auth.password_validation.NumericPasswordValidator"},
]


@pytest.fixture
def site(db):
    with auth_site(AUTH_PASSWORD_VALIDATORS=VALIDATORS):
        yield


@pytest.fixture
def alice(site):
    return User.objects.create_user("alice", "alice@example.com", "wonderland-42-teapot")


class FakeClockTokens(PasswordResetTokenGenerator):
    now = 10 ** 8

    def _now_seconds(self):
        return self.now


def test_user_creation_form_saves_a_hashed_password(site):
    form = UserCreationForm({"username": "bob", "password1": "river-stone-91", "password2": "river-stone-91"})
    assert form.is_valid(), form.errors
    user = form.save()
    assert user.pk is not None
    assert user.password != "river-stone-91" and user.check_password("river-stone-91")
    assert User.objects.get(username="bob").pk == user.pk


def test_user_creation_form_commit_false(site):
    form = UserCreationForm({"username": "bob", "password1": "river-stone-91", "password2": "river-stone-91"})
    user = form.save(commit=False)
    assert user.pk is None and user.check_password("river-stone-91")


@pytest.mark.parametrize("data,field,fragment", [
    ({"username": "bob", "password1": "river-stone-91", "password2": "river-stone-92"}, "password2", "do not match"),
    ({"username": "bob", "password1": "short1", "password2": "short1"}, "password2", "too short"),
    ({"username": "bob", "password1": "93847561029384", "password2": "93847561029384"}, "password2",
     "entirely numeric"),
    ({"username": "riverstone", "password1": "riverstone1", "password2": "riverstone1"}, "password2", "similar"),
    ({"username": "bad name!", "password1": "river-stone-91", "password2": "river-stone-91"}, "username", ""),
    ({"username": "alice", "password1": "river-stone-91", "password2": "river-stone-91"}, "username",
     "already exists"),
])
def test_user_creation_form_errors(alice, data, field, fragment):
    form = UserCreationForm(data)
    assert not form.is_valid()
    assert field in form.errors
    assert fragment in " ".join(form.errors[field])
    assert User.objects.count() == 1


def test_authentication_form(alice):
    good = AuthenticationForm(None, {"username": "alice", "password": "wonderland-42-teapot"})
    assert good.is_valid() and good.get_user().pk == alice.pk
    bad = AuthenticationForm(None, {"username": "alice", "password": "nope"})
    assert not bad.is_valid() and bad.non_field_errors()[0].startswith("Please enter a correct username")
    assert bad.get_user() is None


def test_authentication_form_refuses_inactive_users(alice):
    alice.is_active = False
    alice.save()
    form = AuthenticationForm(None, {"username": "alice", "password": "wonderland-42-teapot"})
    assert not form.is_valid()  # ModelBackend refuses inactive users: the generic error
    # A backend that lets inactive users through still meets the form's own check.
    with pytest.raises(ValidationError) as excinfo:
        form.confirm_login_allowed(alice)
    assert excinfo.value.code == "inactive"


def test_set_and_change_password_forms(alice):
    form = SetPasswordForm(alice, {"new_password1": "another-pass-77", "new_password2": "another-pass-77"})
    assert form.is_valid(), form.errors
    form.save()
    assert User.objects.get(pk=alice.pk).check_password("another-pass-77")
    change = PasswordChangeForm(alice, {"old_password": "wrong", "new_password1": "x-another-78",
                                        "new_password2": "x-another-78"})
    assert not change.is_valid() and "old_password" in change.errors
    assert [bound.name for bound in change] == ["old_password", "new_password1", "new_password2"]


def test_password_reset_form_sends_one_mail_per_matching_account(alice):
    mail.outbox = None
    User.objects.create_user("alice2", "Alice@Example.com", "another-pass-77")
    with override_settings(EMAIL_BACKEND="pyframework.core.mail.backends.locmem.EmailBackend"):
        form = PasswordResetForm({"email": "alice@example.com"})
        assert form.is_valid()
        form.save(domain_override="example.org", use_https=True)
    assert sorted(m.to[0] for m in mail.outbox) == ["Alice@example.com", "alice@example.com"]
    assert all("https://example.org/accounts/reset/" in m.body for m in mail.outbox)
    mail.outbox = None


def test_token_round_trip_and_invalidation(alice):
    tokens = FakeClockTokens()
    token = tokens.make_token(alice)
    assert tokens.check_token(alice, token)
    assert not tokens.check_token(alice, token[:-1] + ("0" if token[-1] != "0" else "1"))
    assert not tokens.check_token(None, token)
    assert not tokens.check_token(alice, "")
    assert not tokens.check_token(alice, "no-dash-here-but" + "z" * 30)
    assert not tokens.check_token(alice, "zzzzzzzzzzzzzzzzzzzzzzzz-abc")

    bob = User.objects.create_user("bob", "bob@example.com", "wonderland-42-teapot")
    assert not tokens.check_token(bob, token)  # another user

    alice.last_login = timezone.now()  # logging in uses the token up
    assert not tokens.check_token(alice, token)


def test_token_changes_with_password_and_email(alice):
    tokens = FakeClockTokens()
    token = tokens.make_token(alice)
    alice.email = "new@example.com"
    assert not tokens.check_token(alice, token)
    alice.email = "alice@example.com"
    alice.set_password("changed-password-1")
    assert not tokens.check_token(alice, token)


def test_token_expires_after_password_reset_timeout(alice):
    tokens = FakeClockTokens()
    token = tokens.make_token(alice)
    with override_settings(PASSWORD_RESET_TIMEOUT=60):
        tokens.now += 60
        assert tokens.check_token(alice, token)
        tokens.now += 1
        assert not tokens.check_token(alice, token)


def test_token_made_with_an_old_secret_still_works_during_rotation(alice):
    old = FakeClockTokens()
    old.secret = "the-old-secret-key"
    token = old.make_token(alice)
    rotated = FakeClockTokens()
    assert not rotated.check_token(alice, token)
    with override_settings(SECRET_KEY_FALLBACKS=["the-old-secret-key"]):
        assert rotated.check_token(alice, token)
