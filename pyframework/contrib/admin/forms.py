"""The admin's login and password-change forms."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from pyframework.core.exceptions import ValidationError
from pyframework.utils.translation import gettext_lazy as _


class AdminAuthenticationForm(AuthenticationForm):
    """The login form of the admin: only active staff accounts may log in."""

    error_messages = dict(AuthenticationForm.error_messages, invalid_login=_(
        "Please enter the correct %(username)s and password for a staff account. Note that both fields may be "
        "case-sensitive."))
    required_css_class = "required"

    def confirm_login_allowed(self, user):
        super(AdminAuthenticationForm, self).confirm_login_allowed(user)
        if not user.is_staff:
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login",
                                  params={"username": self.username_field.verbose_name})


class AdminPasswordChangeForm(PasswordChangeForm):
    required_css_class = "required"
