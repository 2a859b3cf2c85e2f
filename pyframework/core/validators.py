"""Reusable value validators for model fields (and forms): callables raising ValidationError."""
from __future__ import absolute_import, unicode_literals

import re
from decimal import Decimal

from pyframework.core.exceptions import ValidationError
from pyframework.utils.compat import string_types, text_type, urlsplit
from pyframework.utils.ipv6 import is_valid_ipv6_address, parse_ipv4
from pyframework.utils.translation import gettext_lazy as _
from pyframework.utils.translation import ngettext_lazy

EMPTY_VALUES = (None, "", [], (), {})


class RegexValidator(object):
    regex = ""
    message = _("Enter a valid value.")
    code = "invalid"
    inverse_match = False
    flags = 0

    def __init__(self, regex=None, message=None, code=None, inverse_match=None, flags=None):
        if regex is not None:
            self.regex = regex
        if message is not None:
            self.message = message
        if code is not None:
            self.code = code
        if inverse_match is not None:
            self.inverse_match = inverse_match
        if flags is not None:
            self.flags = flags
        if isinstance(self.regex, string_types):
            self.regex = re.compile(self.regex, self.flags)

    def __call__(self, value):
        matched = bool(self.regex.search(text_type(value)))
        if matched == self.inverse_match:
            raise ValidationError(self.message, code=self.code, params={"value": value})

    def __eq__(self, other):
        return (isinstance(other, RegexValidator) and self.regex.pattern == other.regex.pattern
                and self.message == other.message and self.code == other.code
                and self.inverse_match == other.inverse_match)

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__

    def deconstruct(self):
        kwargs = {}
        for name in ("message", "code", "inverse_match"):
            if getattr(self, name) != getattr(type(self), name):
                kwargs[name] = getattr(self, name)
        if self.regex.pattern != getattr(type(self).regex, "pattern", type(self).regex):
            kwargs["regex"] = self.regex.pattern
        return "%s.%s" % (type(self).__module__, type(self).__name__), (), kwargs


class URLValidator(RegexValidator):
    """http(s)/ftp(s) URLs with a host name, IPv4 address or bracketed IPv6 address."""

    regex = re.compile(
        r"^(?:[a-z0-9.+-]*)://"
        r"(?:[^\s:@/]+(?::[^\s:@/]*)?@)?"
        r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}"
        r"|\[[0-9a-f:.]+\]"
        r"|(?:[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)*"
        r"(?:[a-z\u00a1-\uffff]{2,63}|xn--[a-z0-9]{1,59})\.?"
        r"|localhost)"
        r"(?::\d{1,5})?"
        r"(?:[/?#][^\s]*)?\Z", re.IGNORECASE)
    message = _("Enter a valid URL.")
    schemes = ["http", "https", "ftp", "ftps"]
    max_length = 2048

    def __init__(self, schemes=None, **kwargs):
        super(URLValidator, self).__init__(**kwargs)
        if schemes is not None:
            self.schemes = schemes

    def __call__(self, value):
        if not isinstance(value, string_types) or len(value) > self.max_length:
            raise ValidationError(self.message, code=self.code, params={"value": value})
        scheme = value.split("://")[0].lower()
        if scheme not in self.schemes:
            raise ValidationError(self.message, code=self.code, params={"value": value})
        super(URLValidator, self).__call__(value)
        if not urlsplit(value).hostname:
            raise ValidationError(self.message, code=self.code, params={"value": value})


class EmailValidator(object):
    message = _("Enter a valid email address.")
    code = "invalid"
    user_regex = re.compile(
        r"(^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\Z"
        r'|^"([\001-\010\013\014\016-\037!#-\[\]-\177]|\\[\001-\011\013\014\016-\177])*"\Z)',
        re.IGNORECASE)
    domain_regex = re.compile(
        r"((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)(?:[A-Z0-9-]{2,63}(?<!-))\Z", re.IGNORECASE)
    literal_regex = re.compile(r"\[([A-F0-9:.]+)\]\Z", re.IGNORECASE)
    domain_allowlist = ["localhost"]

    def __init__(self, message=None, code=None, allowlist=None):
        if message is not None:
            self.message = message
        if code is not None:
            self.code = code
        if allowlist is not None:
            self.domain_allowlist = allowlist

    def __call__(self, value):
        if not value or "@" not in value or len(value) > 320:
            raise ValidationError(self.message, code=self.code, params={"value": value})
        user_part, domain_part = value.rsplit("@", 1)
        if not self.user_regex.match(user_part):
            raise ValidationError(self.message, code=self.code, params={"value": value})
        if domain_part in self.domain_allowlist or self.literal_regex.match(domain_part):
            return
        try:
            ascii_domain = domain_part.encode("idna").decode("ascii")
        except UnicodeError:
            raise ValidationError(self.message, code=self.code, params={"value": value})
        if not self.domain_regex.match(ascii_domain):
            raise ValidationError(self.message, code=self.code, params={"value": value})

    def __eq__(self, other):
        return (isinstance(other, EmailValidator) and self.message == other.message
                and self.code == other.code and self.domain_allowlist == other.domain_allowlist)

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__

    def deconstruct(self):
        return "pyframework.core.validators.EmailValidator", (), {}


validate_email = EmailValidator()

slug_re = re.compile(r"^[-a-zA-Z0-9_]+\Z")
validate_slug = RegexValidator(
    slug_re, _("Enter a valid \u201cslug\u201d consisting of letters, numbers, underscores or hyphens."),
    "invalid")
slug_unicode_re = re.compile(r"^[-\w]+\Z", re.UNICODE)
validate_unicode_slug = RegexValidator(
    slug_unicode_re,
    _("Enter a valid \u201cslug\u201d consisting of Unicode letters, numbers, underscores, or hyphens."),
    "invalid")

integer_re = re.compile(r"^-?\d+\Z")
validate_integer = RegexValidator(integer_re, _("Enter a valid integer."), "invalid")


class BaseValidator(object):
    """Compare a derived value (``clean(value)``) with a limit; subclasses say how."""

    message = _("Ensure this value is %(limit_value)s (it is %(show_value)s).")
    code = "limit_value"

    def __init__(self, limit_value, message=None):
        self.limit_value = limit_value
        if message:
            self.message = message

    def __call__(self, value):
        cleaned = self.clean(value)
        limit = self.limit_value() if callable(self.limit_value) else self.limit_value
        if self.compare(cleaned, limit):
            params = {"limit_value": limit, "show_value": cleaned, "value": value}
            raise ValidationError(self.message, code=self.code, params=params)

    def compare(self, a, b):
        return a is not b

    def clean(self, x):
        return x

    def __eq__(self, other):
        return (type(self) is type(other) and self.limit_value == other.limit_value
                and self.message == other.message)

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__

    def deconstruct(self):
        return "%s.%s" % (type(self).__module__, type(self).__name__), (self.limit_value,), {}


class MaxValueValidator(BaseValidator):
    message = _("Ensure this value is less than or equal to %(limit_value)s.")
    code = "max_value"

    def compare(self, a, b):
        return a > b


class MinValueValidator(BaseValidator):
    message = _("Ensure this value is greater than or equal to %(limit_value)s.")
    code = "min_value"

    def compare(self, a, b):
        return a < b


class MinLengthValidator(BaseValidator):
    message = ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).", "limit_value")
    code = "min_length"

    def compare(self, a, b):
        return a < b

    def clean(self, x):
        return len(x)


class MaxLengthValidator(BaseValidator):
    message = ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).", "limit_value")
    code = "max_length"

    def compare(self, a, b):
        return a > b

    def clean(self, x):
        return len(x)


class DecimalValidator(object):
    """At most ``max_digits`` digits in total and ``decimal_places`` after the point."""

    messages = {
        "invalid": _("Enter a number."),
        "max_digits": ngettext_lazy("Ensure that there are no more than %(max)s digit in total.",
                                    "Ensure that there are no more than %(max)s digits in total.", "max"),
        "max_decimal_places": ngettext_lazy("Ensure that there are no more than %(max)s decimal place.",
                                            "Ensure that there are no more than %(max)s decimal places.", "max"),
        "max_whole_digits": ngettext_lazy(
            "Ensure that there are no more than %(max)s digit before the decimal point.",
            "Ensure that there are no more than %(max)s digits before the decimal point.", "max"),
    }

    def __init__(self, max_digits, decimal_places):
        self.max_digits = max_digits
        self.decimal_places = decimal_places

    def __call__(self, value):
        sign, digit_tuple, exponent = Decimal(value).as_tuple()
        if exponent in ("F", "n", "N"):
            raise ValidationError(self.messages["invalid"], code="invalid", params={"value": value})
        if exponent >= 0:
            digits = len(digit_tuple)
            if digit_tuple != (0,):
                digits += exponent
            decimals = 0
        elif abs(exponent) > len(digit_tuple):
            digits = decimals = abs(exponent)
        else:
            digits = len(digit_tuple)
            decimals = abs(exponent)
        whole_digits = digits - decimals
        if self.max_digits is not None and digits > self.max_digits:
            raise ValidationError(self.messages["max_digits"], code="max_digits",
                                  params={"max": self.max_digits, "value": value})
        if self.decimal_places is not None and decimals > self.decimal_places:
            raise ValidationError(self.messages["max_decimal_places"], code="max_decimal_places",
                                  params={"max": self.decimal_places, "value": value})
        if (self.max_digits is not None and self.decimal_places is not None
                and whole_digits > self.max_digits - self.decimal_places):
            raise ValidationError(self.messages["max_whole_digits"], code="max_whole_digits",
                                  params={"max": self.max_digits - self.decimal_places, "value": value})

    def __eq__(self, other):
        return (isinstance(other, DecimalValidator) and self.max_digits == other.max_digits
                and self.decimal_places == other.decimal_places)

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__

    def deconstruct(self):
        return "pyframework.core.validators.DecimalValidator", (self.max_digits, self.decimal_places), {}


class ProhibitNullCharactersValidator(object):
    message = _("Null characters are not allowed.")
    code = "null_characters_not_allowed"

    def __call__(self, value):
        if "\x00" in text_type(value):
            raise ValidationError(self.message, code=self.code, params={"value": value})

    def __eq__(self, other):
        return isinstance(other, ProhibitNullCharactersValidator)

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__

    def deconstruct(self):
        return "pyframework.core.validators.ProhibitNullCharactersValidator", (), {}


def validate_ipv4_address(value):
    """A dotted-quad IPv4 address (``"192.0.2.1"``; no leading zeros)."""
    try:
        parse_ipv4(value)
    except ValueError:
        raise ValidationError(_("Enter a valid %(protocol)s address."), code="invalid",
                              params={"protocol": _("IPv4"), "value": value})


def validate_ipv6_address(value):
    """An IPv6 address, in any of its written forms."""
    if not is_valid_ipv6_address(value):
        raise ValidationError(_("Enter a valid %(protocol)s address."), code="invalid",
                              params={"protocol": _("IPv6"), "value": value})


def validate_ipv46_address(value):
    """An IPv4 or an IPv6 address."""
    try:
        validate_ipv4_address(value)
    except ValidationError:
        try:
            validate_ipv6_address(value)
        except ValidationError:
            raise ValidationError(_("Enter a valid %(protocol)s address."), code="invalid",
                                  params={"protocol": _("IPv4 or IPv6"), "value": value})


ip_address_validator_map = {
    "both": [validate_ipv46_address],
    "ipv4": [validate_ipv4_address],
    "ipv6": [validate_ipv6_address],
}


def ip_address_validators(protocol, unpack_ipv4):
    """The validators of a GenericIPAddressField for ``protocol`` ("both", "IPv4", "IPv6")."""
    if protocol != "both" and unpack_ipv4:
        raise ValueError("You can only use `unpack_ipv4` if `protocol` is set to 'both'")
    try:
        return ip_address_validator_map[protocol.lower()]
    except KeyError:
        raise ValueError("The protocol '%s' is unknown. Supported: %s" % (protocol, sorted(ip_address_validator_map)))
