"""The humanize filters: ``intcomma``, ``intword``, ``apnumber``, ``ordinal``, ``naturalday``
and ``naturaltime``, translated into the active language like Django's.

They are installed in every Jinja2 engine when ``pyframework.contrib.humanize`` is in
``INSTALLED_APPS``: ``{{ 45000|intcomma }}``, ``{{ post.published|naturaltime }}``.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import re
from decimal import ROUND_UP, Decimal

from pyframework import template
from pyframework.template import l10n
from pyframework.utils import formats, timezone
from pyframework.utils.compat import text_type
from pyframework.utils.safestring import mark_safe
from pyframework.utils.timesince import timesince
from pyframework.utils.translation import (
    gettext as _, ngettext, npgettext_lazy, pgettext)

register = template.Library()


@register.filter(is_safe=True)
def ordinal(value):
    """``1st``, ``2nd``, ``3rd``, ``11th``... (a value that is not a number comes back as it is)."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return value
    if value < 0:
        return text_type(value)
    if value % 100 in (11, 12, 13):
        # Translators: ordinal format for 11 (11th), 12 (12th), and 13 (13th).
        pattern = pgettext("ordinal 11, 12, 13", "{}th")
    else:
        pattern = {
            # Translators: ordinal format when value ends with 1, e.g. 81st, except 11.
            1: pgettext("ordinal 1", "{}st"),
            # Translators: ordinal format when value ends with 2, e.g. 82nd, except 12.
            2: pgettext("ordinal 2", "{}nd"),
            # Translators: ordinal format when value ends with 3, e.g. 83rd, except 13.
            3: pgettext("ordinal 3", "{}rd"),
        }.get(value % 10) or pgettext("ordinal 0", "{}th")
    return mark_safe(pattern.format(value))


def _group_by_three(text):
    match = re.match(r"-?\d+", text)
    if match is None:
        return text
    head = match.group(0)
    sign, digits = ("-", head[1:]) if head.startswith("-") else ("", head)
    grouped = re.sub(r"\d{3}", r"\g<0>,", digits[::-1])[::-1].lstrip(",")
    return sign + grouped + text[len(head):]


@register.filter(is_safe=True)
def intcomma(value, use_l10n=True):
    """``4500`` as ``4,500`` (``4.500`` in German): the active language's thousands separator."""
    if use_l10n:
        try:
            if not isinstance(value, (float, Decimal)):
                value = int(value)
        except (TypeError, ValueError):
            return intcomma(value, False)
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return _group_by_three(text_type(value))


# (power of ten, the text for a count): ngettext at call time, so the active language applies.
INTWORD_CONVERTERS = (
    (6, lambda number: ngettext("%(value)s million", "%(value)s million", number)),
    (9, lambda number: ngettext("%(value)s billion", "%(value)s billion", number)),
    (12, lambda number: ngettext("%(value)s trillion", "%(value)s trillion", number)),
    (15, lambda number: ngettext("%(value)s quadrillion", "%(value)s quadrillion", number)),
    (18, lambda number: ngettext("%(value)s quintillion", "%(value)s quintillion", number)),
    (21, lambda number: ngettext("%(value)s sextillion", "%(value)s sextillion", number)),
    (24, lambda number: ngettext("%(value)s septillion", "%(value)s septillion", number)),
    (27, lambda number: ngettext("%(value)s octillion", "%(value)s octillion", number)),
    (30, lambda number: ngettext("%(value)s nonillion", "%(value)s nonillion", number)),
    (33, lambda number: ngettext("%(value)s decillion", "%(value)s decillion", number)),
    (100, lambda number: ngettext("%(value)s googol", "%(value)s googol", number)),
)


def _plural_count(value):
    """The count that picks the plural form: 1.0 is singular, 1.5 plural (rounded away from one)."""
    return int(Decimal(value - 1).quantize(Decimal("0"), rounding=ROUND_UP)) + 1


@register.filter(is_safe=False)
def intword(value):
    """``1200000`` as ``1.2 million``; numbers under a million come back as they are."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return value
    magnitude = abs(value)
    if magnitude < 1000000:
        return value
    for exponent, converter in INTWORD_CONVERTERS:
        large = 10 ** exponent
        if magnitude < large * 1000:
            scaled = Decimal(value) / Decimal(large)
            return converter(_plural_count(abs(scaled))) % {"value": l10n.floatformat(scaled, 1)}
    return value


@register.filter(is_safe=True)
def apnumber(value):
    """1 to 9 spelt out (Associated Press style); other values as they are."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return value
    if not 0 < value < 10:
        return value
    return (_("one"), _("two"), _("three"), _("four"), _("five"),
            _("six"), _("seven"), _("eight"), _("nine"))[value - 1]


@register.filter(expects_localtime=True)
def naturalday(value, arg=None):
    """``today``, ``tomorrow`` or ``yesterday`` for a date close to today, else the ``date`` filter's output."""
    tzinfo = getattr(value, "tzinfo", None)
    try:
        if isinstance(value, datetime.datetime) and tzinfo is not None:
            value = timezone.localtime(value)
            tzinfo = value.tzinfo
        day = datetime.date(value.year, value.month, value.day)
    except AttributeError:
        return value  # not a date
    today = datetime.datetime.now(tzinfo).date()
    days = (day - today).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    return l10n.date(day, arg)


PAST_SUBSTRINGS = {
    "year": npgettext_lazy("naturaltime-past", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("naturaltime-past", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("naturaltime-past", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("naturaltime-past", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("naturaltime-past", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("naturaltime-past", "%(num)d minute", "%(num)d minutes", "num"),
}
FUTURE_SUBSTRINGS = {
    "year": npgettext_lazy("naturaltime-future", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("naturaltime-future", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("naturaltime-future", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("naturaltime-future", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("naturaltime-future", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("naturaltime-future", "%(num)d minute", "%(num)d minutes", "num"),
}


# Under a day: (seconds per unit, the "ago" text, the "from now" text). Literal calls, so that
# makemessages extracts them (the same reason the two tables above are written out).
_SHORT_DELTAS = (
    (1, lambda n: ngettext("a second ago", "%(count)s seconds ago", n),
     lambda n: ngettext("a second from now", "%(count)s seconds from now", n)),
    (60, lambda n: ngettext("a minute ago", "%(count)s minutes ago", n),
     lambda n: ngettext("a minute from now", "%(count)s minutes from now", n)),
    (3600, lambda n: ngettext("an hour ago", "%(count)s hours ago", n),
     lambda n: ngettext("an hour from now", "%(count)s hours from now", n)),
)


@register.filter
def naturaltime(value):
    """How long ago (or from now) ``value`` is: ``now``, ``30 seconds ago``, ``2 hours from now``,
    ``1 day, 3 hours ago``. A value that is not a datetime comes back as it is."""
    if not isinstance(value, datetime.datetime):
        return value
    now = datetime.datetime.now(timezone.utc if timezone.is_aware(value) else None)
    future = value > now
    delta = value - now if future else now - value
    if delta.days != 0:
        if future:
            return pgettext("naturaltime", "%(delta)s from now") % {
                "delta": timesince(now, value, time_strings=FUTURE_SUBSTRINGS)}
        return pgettext("naturaltime", "%(delta)s ago") % {
            "delta": timesince(value, now, time_strings=PAST_SUBSTRINGS)}
    if delta.seconds == 0:
        return _("now")
    unit, past_text, future_text = [row for row in _SHORT_DELTAS if delta.seconds >= row[0]][-1]
    count = delta.seconds // unit
    return (future_text if future else past_text)(count) % {"count": count}
