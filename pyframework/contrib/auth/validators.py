"""Validators of usernames."""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.core.validators import RegexValidator
from pyframework.utils.translation import gettext_lazy as _


class ASCIIUsernameValidator(RegexValidator):
    regex = r"^[\w.@+-]+\Z"
    message = ("Enter a valid username. This value may contain only unaccented English letters, "
               "numbers, and @/./+/-/_ characters.")
    flags = re.ASCII if hasattr(re, "ASCII") else 0


class UnicodeUsernameValidator(RegexValidator):
    regex = r"^[\w.@+-]+\Z"
    message = _(
        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.")
    flags = re.UNICODE
