"""Forms of the auth views (log in, sign up, change, reset and set a password) and of the
users' admin (``UserChangeForm``, ``AdminUserCreationForm``, ``AdminPasswordChangeForm``)."""
from __future__ import absolute_import, unicode_literals

import unicodedata

from pyframework import forms
from pyframework.conf import settings
from pyframework.contrib.auth import authenticate, get_user_model, password_validation
from pyframework.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, identify_hasher
from pyframework.contrib.auth.models import User
from pyframework.contrib.auth.tokens import default_token_generator
from pyframework.contrib.sites.shortcuts import get_current_site
from pyframework.core.exceptions import ValidationError
from pyframework.core.mail import EmailMultiAlternatives
from pyframework.forms.utils import flatatt
from pyframework.template.loader import render_to_string
from pyframework.utils.encoding import force_bytes
from pyframework.utils.compat import text_type
from pyframework.utils.html import format_html, format_html_join
from pyframework.utils.http import urlsafe_base64_encode
from pyframework.utils.translation import gettext
from pyframework.utils.translation import gettext_lazy as _


class UsernameField(forms.CharField):
    """A username, NFKC-normalized like the model does, so look-alike characters match the same account."""

    def to_python(self, value):
        value = super(UsernameField, self).to_python(value)
        if value and len(value) > 1000:  # NFKC on huge input is slow; no username is that long
            return value
        return unicodedata.normalize("NFKC", value) if value else value

    def widget_attrs(self, widget):
        attrs = super(UsernameField, self).widget_attrs(widget)
        attrs.update({"autocapitalize": "none", "autocomplete": "username"})
        return attrs


def _password_field(label, autocomplete="new-password", help_text=""):
    return forms.CharField(label=label, strip=False, help_text=help_text,
                           widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}))


def _new_password_help():
    return " ".join(password_validation.password_validators_help_texts())


class NewPasswordMixin(object):
    """Two password fields that must match and pass AUTH_PASSWORD_VALIDATORS for ``self.password_user()``.

    ``password_fields`` names the pair; the error lands on the second one.
    """

    password_fields = ("password1", "password2")
    mismatch_message = _("The two passwords do not match.")

    def password_user(self):
        raise NotImplementedError

    def clean_new_passwords(self):
        first_name, second_name = self.password_fields
        first, second = self.cleaned_data.get(first_name), self.cleaned_data.get(second_name)
        if first and second and first != second:
            self.add_error(second_name, ValidationError(self.mismatch_message, code="password_mismatch"))
            return None
        if second:
            try:
                password_validation.validate_password(second, self.password_user())
            except ValidationError as error:
                self.add_error(second_name, error)
                return None
        return second

    def apply_password(self, user):
        """Give ``user`` the new password (hashed); ``save()`` calls it before saving."""
        user.set_password(self.cleaned_data[self.password_fields[0]])


class SetUnusablePasswordMixin(object):
    """A "Password-based authentication: Enabled / Disabled" choice before the two password fields.

    Disabled: the passwords are neither required nor checked and the user gets an unusable
    password (they may still log in through another backend, e.g. single sign-on).
    ``cleaned_data["set_usable_password"]`` says which was chosen. List it before a
    ``NewPasswordMixin`` form class.
    """

    usable_password_help_text = _(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may still be "
        "able to authenticate using other backends, such as Single Sign-On or LDAP.")

    @staticmethod
    def create_usable_password_field(help_text=usable_password_help_text):
        return forms.ChoiceField(
            label=_("Password-based authentication"), required=False, initial="true",
            choices=[("true", _("Enabled")), ("false", _("Disabled"))],
            widget=forms.RadioSelect(attrs={"class": "radiolist inline"}), help_text=help_text)

    def __init__(self, *args, **kwargs):
        super(SetUnusablePasswordMixin, self).__init__(*args, **kwargs)
        if "usable_password" in self.fields:
            # Required only when enabled: checked in clean_new_passwords().
            for name in self.password_fields:
                self.fields[name].required = False

    def clean_new_passwords(self):
        usable = self.cleaned_data.pop("usable_password", None) != "false"
        self.cleaned_data["set_usable_password"] = usable
        if not usable:
            return None
        for name in self.password_fields:
            if not self.cleaned_data.get(name) and name not in self.errors:
                self.add_error(name, ValidationError(self.fields[name].error_messages["required"], code="required"))
        return super(SetUnusablePasswordMixin, self).clean_new_passwords()

    def apply_password(self, user):
        if self.cleaned_data.get("set_usable_password", True):
            super(SetUnusablePasswordMixin, self).apply_password(user)
        else:
            user.set_unusable_password()


class UserCreationForm(NewPasswordMixin, forms.ModelForm):
    """Sign-up: a username and a password typed twice; ``save()`` stores the password hashed."""

    password1 = _password_field(_("Password"))
    password2 = _password_field(_("Password confirmation"),
                                help_text=_("Enter the same password as before, for verification."))

    class Meta:
        model = User
        fields = ("username",)
        field_classes = {"username": UsernameField}

    def __init__(self, *args, **kwargs):
        super(UserCreationForm, self).__init__(*args, **kwargs)
        self.fields["password1"].help_text = _new_password_help()
        username_field = self._meta.model.USERNAME_FIELD
        if username_field in self.fields:
            self.fields[username_field].widget.attrs["autofocus"] = True

    def password_user(self):
        # The unsaved instance, filled from the form, lets the similarity validator compare.
        return self.instance

    def _post_clean(self):
        super(UserCreationForm, self)._post_clean()
        # After the model's fields reached the instance, so validators see the username.
        self.clean_new_passwords()

    def save(self, commit=True):
        user = super(UserCreationForm, self).save(commit=False)
        self.apply_password(user)
        if commit:
            user.save()
            self._save_m2m()
        return user


class AdminUserCreationForm(SetUnusablePasswordMixin, UserCreationForm):
    """The users' admin add form: the sign-up fields and whether the user may log in with a password."""

    usable_password = SetUnusablePasswordMixin.create_usable_password_field()


# The order the admin shows a hash's parts in (a hasher's summary is an unordered dict).
_SUMMARY_ORDER = ("algorithm", "variety", "version", "memory cost", "time cost", "parallelism", "iterations",
                  "work factor", "salt", "checksum", "hash")


class ReadOnlyPasswordHashWidget(forms.Widget):
    """The stored password as its hasher's safe summary (algorithm, masked salt and hash, never the hash
    itself) and a button to the admin's password page (``password_url``, relative to the change page)."""

    read_only = True
    password_url = "../password/"

    def summary(self, value):
        """``[(label, value or None)]`` describing the hash ``value``."""
        if not value or text_type(value).startswith(UNUSABLE_PASSWORD_PREFIX):
            return [(gettext("No password set."), None)]
        try:
            hasher = identify_hasher(value)
            parts = hasher.safe_summary(value)
        except ValueError:
            return [(gettext("Invalid password format or unknown hashing algorithm."), None)]
        keys = sorted(parts, key=lambda key: (_SUMMARY_ORDER.index(key) if key in _SUMMARY_ORDER
                                              else len(_SUMMARY_ORDER), key))
        return [(gettext(key), parts[key]) for key in keys]

    def render(self, name, value, attrs=None):
        usable = bool(value) and not text_type(value).startswith(UNUSABLE_PASSWORD_PREFIX)
        entries = format_html_join(" ", "{}", (
            (format_html("<strong>{}</strong>: <bdi>{}</bdi>", label, part) if part is not None
             else format_html("<strong>{}</strong>", label),) for label, part in self.summary(value)))
        attrs = self.build_attrs(self.attrs, attrs)
        attrs.pop("id", None)  # nothing to focus: the label points nowhere
        return format_html('<div{}><p>{}</p><p><a role="button" class="button" href="{}">{}</a></p></div>',
                           flatatt(attrs), entries, self.password_url,
                           gettext("Reset password") if usable else gettext("Set password"))

    def value_from_datadict(self, data, files, name):
        return None  # never submitted: the hash changes only through the password page

    def id_for_label(self, id_):
        return None


class ReadOnlyPasswordHashField(forms.Field):
    """Shows the password hash read-only (``disabled``): a submitted value is ignored."""

    widget = ReadOnlyPasswordHashWidget

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("disabled", True)
        super(ReadOnlyPasswordHashField, self).__init__(*args, **kwargs)


class UserChangeForm(forms.ModelForm):
    """The users' admin change form: every field, the password as a read-only summary with a link."""

    password = ReadOnlyPasswordHashField(
        label=_("Password"),
        help_text=_("Raw passwords are not stored, so there is no way to see the user\u2019s password."))

    class Meta:
        model = User
        fields = "__all__"
        field_classes = {"username": UsernameField}

    def __init__(self, *args, **kwargs):
        super(UserChangeForm, self).__init__(*args, **kwargs)
        password = self.fields.get("password")
        if password is not None and self.instance is not None and not self.instance.has_usable_password():
            password.help_text = _("Enable password-based authentication for this user by setting a password.")
        user_permissions = self.fields.get("user_permissions")
        if user_permissions is not None:
            # Each permission's label names its content type: one join, not a query per option.
            user_permissions.queryset = user_permissions.queryset.select_related("content_type")


class AuthenticationForm(forms.Form):
    """Log in with username and password. ``get_user()`` is the authenticated user once valid.

    Unknown usernames and wrong passwords get the same error and cost the same
    hashing work (the backend hashes the password either way).
    """

    username = UsernameField(widget=forms.TextInput(attrs={"autofocus": True}))
    password = _password_field(_("Password"), autocomplete="current-password")

    error_messages = {
        "invalid_login": _("Please enter a correct %(username)s and password. Both may be case-sensitive."),
        "inactive": _("This account is inactive."),
    }

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user_cache = None
        super(AuthenticationForm, self).__init__(*args, **kwargs)
        UserModel = get_user_model()
        self.username_field = UserModel._meta.get_field(UserModel.USERNAME_FIELD)
        username_max_length = self.username_field.max_length or 254
        self.fields["username"].max_length = username_max_length
        self.fields["username"].widget.attrs["maxlength"] = username_max_length
        if self.fields["username"].label is None:
            self.fields["username"].label = self.username_field.verbose_name.capitalize()

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            self.user_cache = authenticate(self.request, username=username, password=password)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def confirm_login_allowed(self, user):
        """Refuse a user the backend let through (override to add rules, e.g. verified e-mail)."""
        if not getattr(user, "is_active", True):
            raise ValidationError(self.error_messages["inactive"], code="inactive")

    def get_user(self):
        return self.user_cache

    def get_invalid_login_error(self):
        return ValidationError(self.error_messages["invalid_login"], code="invalid_login",
                               params={"username": self.username_field.verbose_name})


class UserPasswordMixin(NewPasswordMixin):
    """A form given the ``user`` whose password it sets: validated against them, saved on them."""

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super(UserPasswordMixin, self).__init__(*args, **kwargs)
        self.fields[self.password_fields[0]].help_text = _new_password_help()

    def password_user(self):
        return self.user

    def clean(self):
        self.clean_new_passwords()
        return super(UserPasswordMixin, self).clean()

    def save(self, commit=True):
        self.apply_password(self.user)
        if commit:
            self.user.save()
        return self.user


class SetPasswordForm(UserPasswordMixin, forms.Form):
    """Set ``user``'s password without the old one (the password-reset link proved who they are)."""

    password_fields = ("new_password1", "new_password2")

    new_password1 = _password_field(_("New password"))
    new_password2 = _password_field(_("New password confirmation"))


class PasswordChangeForm(SetPasswordForm):
    """Change one's password: the old one first, then the new one twice."""

    old_password = _password_field(_("Old password"), autocomplete="current-password")

    field_order = ["old_password", "new_password1", "new_password2"]

    def __init__(self, user, *args, **kwargs):
        super(PasswordChangeForm, self).__init__(user, *args, **kwargs)
        self.fields["old_password"].widget.attrs["autofocus"] = True

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        if not self.user.check_password(old_password):
            raise ValidationError(_("Your old password was entered incorrectly. Please enter it again."),
                                  code="password_incorrect")
        return old_password


class PasswordResetForm(forms.Form):
    """Ask for a reset link by e-mail address.

    The page says the same whether or not an account has that address, so it
    cannot be used to find out who is registered.
    """

    email = forms.EmailField(label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def get_users(self, email):
        """Active users with this address (any case) and a usable password: who may reset it."""
        UserModel = get_user_model()
        email_field = UserModel.get_email_field_name()
        candidates = UserModel._default_manager.filter(**{"%s__iexact" % email_field: email, "is_active": True})
        wanted = email.casefold() if hasattr(email, "casefold") else email.lower()
        for user in candidates:
            stored = getattr(user, email_field) or ""
            stored = stored.casefold() if hasattr(stored, "casefold") else stored.lower()
            # Compared again here: some databases' case-insensitive match is looser than Unicode's.
            if stored == wanted and user.has_usable_password():
                yield user

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        subject = render_to_string(subject_template_name, context)
        subject = "".join(subject.splitlines())  # a line break would end the header
        body = render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            message.attach_alternative(render_to_string(html_email_template_name, context), "text/html")
        message.send()

    def save(self, domain_override=None, subject_template_name="registration/password_reset_subject.txt",
             email_template_name="registration/password_reset_email.txt", use_https=False,
             token_generator=default_token_generator, from_email=None, request=None,
             html_email_template_name=None, extra_email_context=None):
        """Mail a one-time reset link to each account with the address."""
        email = self.cleaned_data["email"]
        if domain_override:
            site_name = domain = domain_override
        else:
            current_site = get_current_site(request)
            site_name, domain = current_site.name, current_site.domain
        email_field = get_user_model().get_email_field_name()
        for user in self.get_users(email):
            context = {
                "email": getattr(user, email_field),
                "domain": domain,
                "site_name": site_name,
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "user": user,
                "token": token_generator.make_token(user),
                "protocol": "https" if use_https else "http",
            }
            context.update(extra_email_context or {})
            self.send_mail(subject_template_name, email_template_name, context,
                           from_email or settings.DEFAULT_FROM_EMAIL, context["email"],
                           html_email_template_name=html_email_template_name)


class AdminPasswordChangeForm(SetUnusablePasswordMixin, UserPasswordMixin, forms.Form):
    """The admin's "change password" page for any user: the new password twice, no old one.

    For a user without a usable password it also offers to keep password logins disabled.
    """

    required_css_class = "required"
    usable_password_help_text = SetUnusablePasswordMixin.usable_password_help_text + _(
        " If disabled, the current password for this user will be lost.")

    usable_password = SetUnusablePasswordMixin.create_usable_password_field(usable_password_help_text)
    password1 = _password_field(_("Password"))
    password2 = _password_field(_("Password (again)"),
                                help_text=_("Enter the same password as before, for verification."))

    field_order = ["usable_password", "password1", "password2"]

    def __init__(self, user, *args, **kwargs):
        super(AdminPasswordChangeForm, self).__init__(user, *args, **kwargs)
        self.fields["password1"].widget.attrs["autofocus"] = True
        if self.user.has_usable_password():
            del self.fields["usable_password"]
            for name in self.password_fields:
                self.fields[name].required = True

    @property
    def changed_data(self):
        """``["password"]`` once a password (or its absence) was submitted: what the history records."""
        data = super(AdminPasswordChangeForm, self).changed_data
        if "usable_password" in data or ("password1" in data and "password2" in data):
            return ["password"]
        return []
