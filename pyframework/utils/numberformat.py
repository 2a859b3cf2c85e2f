"""``format()``: a number as text with a given decimal separator, grouping and decimals."""
from __future__ import absolute_import, unicode_literals

from decimal import ROUND_HALF_UP, Decimal

from pyframework.utils.compat import integer_types, text_type


def format(number, decimal_sep, decimal_pos=None, grouping=0, thousand_sep="", force_grouping=False,
           use_grouping=False):
    """``number`` (int, float, Decimal or numeric text) formatted.

    ``decimal_pos``: digits after the separator (rounded half-even for Decimal, padded
    with zeros); ``grouping``: 3 for thousands, or a sequence such as ``(3, 2, 0)`` (Indian
    style: the last number repeats when followed by 0); grouping is applied when
    ``use_grouping`` (``USE_THOUSAND_SEPARATOR``) or ``force_grouping``.
    """
    if number is None or number == "":
        return number
    grouped = (use_grouping or force_grouping) and grouping != 0 and grouping != ()
    if isinstance(number, integer_types) and not grouped and not decimal_pos:
        return text_type(number)
    if isinstance(number, float):
        number = Decimal(repr(number))
    elif not isinstance(number, Decimal):
        number = Decimal(text_type(number))
    if not number.is_finite():
        return text_type(number)
    if decimal_pos is not None:
        number = number.quantize(Decimal(1).scaleb(-decimal_pos), rounding=ROUND_HALF_UP)
    sign = "-" if number.is_signed() and number != 0 else ""
    text = "{0:f}".format(abs(number))
    int_part, _, dec_part = text.partition(".")
    if decimal_pos is not None:
        dec_part = (dec_part + "0" * decimal_pos)[:decimal_pos]
    if grouped:
        int_part = _group(int_part, grouping, thousand_sep)
    return sign + int_part + (decimal_sep + dec_part if dec_part else "")


def _group(digits, grouping, separator):
    if isinstance(grouping, integer_types):
        sizes, repeat = [grouping], True
    else:
        sizes = list(grouping)
        repeat = bool(sizes) and sizes[-1] == 0
        if repeat:
            sizes = sizes[:-1]
    groups = []
    remaining = digits
    index = 0
    while remaining:
        if index < len(sizes):
            size = sizes[index]
        elif repeat and sizes:
            size = sizes[-1]
        else:
            groups.append(remaining)
            break
        groups.append(remaining[-size:])
        remaining = remaining[:-size]
        index += 1
    return separator.join(reversed(groups))
