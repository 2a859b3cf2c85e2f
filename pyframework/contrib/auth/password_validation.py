"""Password strength rules (AUTH_PASSWORD_VALIDATORS) and the functions that apply them."""
from __future__ import absolute_import, unicode_literals

import gzip
import io
import os
import re
from difflib import SequenceMatcher

from pyframework.conf import settings
from pyframework.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from pyframework.core.signals import setting_changed
from pyframework.urls.utils import get_callable
from pyframework.utils.translation import gettext as _
from pyframework.utils.translation import ngettext

_validators = {}


def _reset_validators(**kwargs):
    if kwargs.get("setting") == "AUTH_PASSWORD_VALIDATORS":
        _validators.clear()


setting_changed.connect(_reset_validators)


def get_password_validators(validator_config):
    """Instances of the validators described by ``validator_config`` (a list of {"NAME", "OPTIONS"})."""
    validators = []
    for entry in validator_config:
        validator_class = get_callable(entry["NAME"], "AUTH_PASSWORD_VALIDATORS NAME")
        validators.append(validator_class(**entry.get("OPTIONS", {})))
    return validators


def get_default_password_validators():
    if "default" not in _validators:
        _validators["default"] = get_password_validators(settings.AUTH_PASSWORD_VALIDATORS)
    return _validators["default"]


def validate_password(password, user=None, password_validators=None):
    """None if the password passes every validator; else ValidationError listing every failure."""
    if password_validators is None:
        password_validators = get_default_password_validators()
    errors = []
    for validator in password_validators:
        try:
            validator.validate(password, user)
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)


def password_changed(password, user=None, password_validators=None):
    """Tell the validators a password was set (for those that keep a history)."""
    if password_validators is None:
        password_validators = get_default_password_validators()
    for validator in password_validators:
        if hasattr(validator, "password_changed"):
            validator.password_changed(password, user)


def password_validators_help_texts(password_validators=None):
    if password_validators is None:
        password_validators = get_default_password_validators()
    return [validator.get_help_text() for validator in password_validators]


class MinimumLengthValidator(object):
    def __init__(self, min_length=8):
        self.min_length = min_length

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(self.get_error_message(), code="password_too_short",
                                  params={"min_length": self.min_length})

    def get_error_message(self):
        return ngettext("This password is too short. It must contain at least %(min_length)d character.",
                        "This password is too short. It must contain at least %(min_length)d characters.",
                        self.min_length)

    def get_help_text(self):
        return ngettext("Your password must contain at least %(min_length)d character.",
                        "Your password must contain at least %(min_length)d characters.",
                        self.min_length) % {"min_length": self.min_length}


def _exceeds_similarity(password, value, max_similarity):
    matcher = SequenceMatcher(a=password, b=value)
    # quick_ratio() is a cheap upper bound of ratio(): most passwords stop there.
    return matcher.quick_ratio() >= max_similarity and matcher.ratio() >= max_similarity


class UserAttributeSimilarityValidator(object):
    """The password must not resemble the username, names or e-mail address (or their parts)."""

    DEFAULT_USER_ATTRIBUTES = ("username", "first_name", "last_name", "email")

    def __init__(self, user_attributes=DEFAULT_USER_ATTRIBUTES, max_similarity=0.7):
        if max_similarity < 0.1:
            raise ValueError("max_similarity must be at least 0.1")
        self.user_attributes = user_attributes
        self.max_similarity = max_similarity

    def validate(self, password, user=None):
        if not user:
            return
        password = password.lower()
        for attribute_name in self.user_attributes:
            value = getattr(user, attribute_name, None)
            if not value or not hasattr(value, "lower"):
                continue
            value = value.lower()
            parts = [value] + [part for part in re.split(r"\W+", value) if part != value]
            for part in parts:
                if part and _exceeds_similarity(password, part, self.max_similarity):
                    raise ValidationError(
                        _("The password is too similar to the %(verbose_name)s."), code="password_too_similar",
                        params={"verbose_name": _verbose_name(user, attribute_name)})

    def get_help_text(self):
        return _("Your password can't be too similar to your other personal information.")


def _verbose_name(user, attribute_name):
    try:
        return "%s" % user._meta.get_field(attribute_name).verbose_name
    except (AttributeError, FieldDoesNotExist):
        return attribute_name


DEFAULT_PASSWORD_LIST_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "common-passwords.txt.gz")


class CommonPasswordValidator(object):
    """The password must not be on a list of commonly used ones.

    The default list (common-passwords.txt.gz, one lower-case password a line)
    is written by ``python -m pyframework.contrib.auth.common_passwords`` from
    patterns everyone uses: keyboard walks, digit runs, weak words with years
    and digits appended. ``password_list_path`` names another file (plain or gzipped).
    """

    def __init__(self, password_list_path=DEFAULT_PASSWORD_LIST_PATH):
        self.passwords = frozenset(_read_password_list(password_list_path))

    def validate(self, password, user=None):
        if password.lower().strip() in self.passwords:
            raise ValidationError(_("This password is too common."), code="password_too_common")

    def get_help_text(self):
        return _("Your password can't be a commonly used password.")


def _read_password_list(path):
    try:
        if path.endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                data = handle.read()
        else:
            with io.open(path, "rb") as handle:
                data = handle.read()
    except (IOError, OSError) as exc:
        raise ImproperlyConfigured("CommonPasswordValidator cannot read password_list_path %r: %s" % (path, exc))
    return [line.strip().lower() for line in data.decode("utf-8").splitlines() if line.strip()]


class NumericPasswordValidator(object):
    def validate(self, password, user=None):
        if password.isdigit():
            raise ValidationError(_("This password is entirely numeric."), code="password_entirely_numeric")

    def get_help_text(self):
        return _("Your password can't be entirely numeric.")
