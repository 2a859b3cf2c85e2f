"""The sign-up form: a ModelForm on the project's user model."""
from __future__ import unicode_literals

from pyframework.contrib.auth import get_user_model
from pyframework.contrib.auth.forms import UserCreationForm


class SignUpForm(UserCreationForm):
    """Username, e-mail and the password typed twice (checked by AUTH_PASSWORD_VALIDATORS)."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")
