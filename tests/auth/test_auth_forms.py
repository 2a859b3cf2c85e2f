"""The users' admin forms of contrib/auth/forms.py on their own: the read-only password hash and
the admin's password form (the pages using them are tested in tests/admin/test_admin_auth.py)."""
from __future__ import unicode_literals

from pyframework.contrib.auth.forms import (
    AdminPasswordChangeForm, ReadOnlyPasswordHashField, ReadOnlyPasswordHashWidget)
from pyframework.contrib.auth.hashers import make_password
from pyframework.contrib.auth.models import User

NEW_PASSWORD = "plum-orchard-42-lantern"


def test_the_hash_widget_shows_a_masked_summary_never_the_hash():
    encoded = make_password("secret-42-tulip", salt="saltsaltsaltsalt")
    html = ReadOnlyPasswordHashWidget().render("password", encoded, {"id": "id_password"})
    algorithm, rest = encoded.split("$", 1)
    assert "<strong>algorithm</strong>: <bdi>%s</bdi>" % algorithm in html
    assert html.index("algorithm") < html.index("salt") < html.index("hash")
    assert encoded not in html and "saltsaltsaltsalt" not in html
    assert 'href="../password/">Reset password</a>' in html
    assert 'id="id_password"' not in html  # nothing a label could focus


def test_the_hash_widget_without_a_usable_or_known_hash():
    unusable = ReadOnlyPasswordHashWidget().render("password", make_password(None))
    assert "<strong>No password set.</strong>" in unusable and ">Set password</a>" in unusable
    unknown = ReadOnlyPasswordHashWidget().render("password", "nohasher$1$2")
    assert "Invalid password format or unknown hashing algorithm." in unknown
    assert "<script" not in ReadOnlyPasswordHashWidget().render("password", "<script>$x")  # never echoed


def test_the_hash_field_is_disabled_and_ignores_submitted_values():
    field = ReadOnlyPasswordHashField()
    assert field.disabled and not field.required
    assert field.widget.value_from_datadict({"password": "md5$forged"}, {}, "password") is None


def test_admin_password_form_sets_a_password_without_the_old_one():
    user = User(username="ada", password=make_password("old-secret-42"))
    form = AdminPasswordChangeForm(user, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert "usable_password" not in form.fields  # the user has a password: nothing to disable
    assert form.is_valid(), form.errors
    assert form.changed_data == ["password"]
    form.save(commit=False)
    assert user.check_password(NEW_PASSWORD)


def test_admin_password_form_requires_both_passwords_unless_disabled():
    user = User(username="sso", password=make_password(None))
    missing = AdminPasswordChangeForm(user, {"usable_password": "true", "password1": NEW_PASSWORD})
    assert not missing.is_valid() and "password2" in missing.errors
    disabled = AdminPasswordChangeForm(user, {"usable_password": "false"})
    assert disabled.is_valid(), disabled.errors
    assert disabled.cleaned_data["set_usable_password"] is False
    disabled.save(commit=False)
    assert not user.has_usable_password()
    mismatch = AdminPasswordChangeForm(user, {"usable_password": "true", "password1": NEW_PASSWORD,
                                              "password2": NEW_PASSWORD + "x"})
    assert not mismatch.is_valid() and mismatch.errors["password2"] == ["The two passwords do not match."]
