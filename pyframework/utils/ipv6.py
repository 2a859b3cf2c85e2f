"""IPv6 addresses: checked and written in their canonical short form (Django's ``utils.ipv6``).

Parsed here rather than with ``ipaddress``, which Jython 2.7 lacks, so both runtimes accept
and print the same addresses: lower-case hex, no leading zeros, the longest run of two or
more zero groups as ``::`` (RFC 5952), IPv4-mapped addresses as ``::ffff:a.b.c.d``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ValidationError
from pyframework.utils.compat import string_types
from pyframework.utils.translation import gettext_lazy as _

MAX_IPV6_ADDRESS_LENGTH = 39
_HEX = frozenset("0123456789abcdefABCDEF")


def parse_ipv4(text):
    """The four octets of a dotted-quad IPv4 address, or ValueError (no leading zeros)."""
    if not isinstance(text, string_types):
        raise ValueError("Not a string: %r" % (text,))
    parts = text.split(".")
    if len(parts) != 4:
        raise ValueError("Expected 4 octets in %r" % text)
    octets = []
    for part in parts:
        if not part or len(part) > 3 or not part.isdigit() or not all("0" <= c <= "9" for c in part):
            raise ValueError("Invalid octet %r in %r" % (part, text))
        if len(part) > 1 and part[0] == "0":
            raise ValueError("Leading zeros are not permitted in %r" % text)
        value = int(part)
        if value > 255:
            raise ValueError("Octet %d (> 255) not permitted in %r" % (value, text))
        octets.append(value)
    return octets


def _parse_ipv6(text, max_length=MAX_IPV6_ADDRESS_LENGTH):
    """The eight 16-bit groups of an IPv6 address, or ValueError.

    A zone (``fe80::1%eth0``) is accepted and dropped; the last 32 bits may be written as
    dotted IPv4 (``::ffff:1.2.3.4``); ``::`` stands for one or more zero groups.
    """
    if not isinstance(text, string_types):
        raise ValueError("Not a string: %r" % (text,))
    if len(text) > max_length:
        raise ValueError("Unable to convert %s to an IPv6 address (value too long)." % text)
    body, percent, zone = text.partition("%")
    if percent and (not zone or "%" in zone):
        raise ValueError("Invalid zone in %r" % text)
    if body.count("::") > 1 or ":::" in body:
        raise ValueError("At most one '::' permitted in %r" % text)
    tail = []
    if "." in body:
        ipv4 = body.rpartition(":")[2]
        octets = parse_ipv4(ipv4)
        tail = [(octets[0] << 8) | octets[1], (octets[2] << 8) | octets[3]]
        body = body[:len(body) - len(ipv4)]
        if not body.endswith("::"):
            body = body[:-1]  # the colon before the IPv4 part
    if "::" in body:
        head_text, rest_text = body.split("::")
        head = head_text.split(":") if head_text else []
        rest = rest_text.split(":") if rest_text else []
        missing = 8 - len(head) - len(rest) - len(tail)
        if missing < 1:
            raise ValueError("The '::' in %r stands for no group" % text)
        groups = head + ["0"] * missing + rest
    else:
        groups = body.split(":") if body else []
        if len(groups) + len(tail) != 8:
            raise ValueError("Exactly 8 groups expected in %r" % text)
    values = []
    for group in groups:
        if not group or len(group) > 4 or not all(c in _HEX for c in group):
            raise ValueError("Invalid group %r in %r" % (group, text))
        values.append(int(group, 16))
    return values + tail


def _format_ipv6(groups, unpack_ipv4=False):
    if groups[:6] == [0, 0, 0, 0, 0, 0xFFFF]:
        ipv4 = "%d.%d.%d.%d" % (groups[6] >> 8, groups[6] & 0xFF, groups[7] >> 8, groups[7] & 0xFF)
        return ipv4 if unpack_ipv4 else "::ffff:" + ipv4
    best_start, best_length, start = -1, 0, None
    for index, value in enumerate(groups + [1]):
        if value == 0 and start is None:
            start = index
        elif value != 0 and start is not None:
            if index - start > best_length:
                best_start, best_length = start, index - start
            start = None
    hextets = ["%x" % value for value in groups]
    if best_length > 1:
        return ":".join(hextets[:best_start]) + "::" + ":".join(hextets[best_start + best_length:])
    return ":".join(hextets)


def clean_ipv6_address(ip_str, unpack_ipv4=False, error_message=_("This is not a valid IPv6 address."),
                       max_length=MAX_IPV6_ADDRESS_LENGTH):
    """``ip_str`` in canonical short form (``"2001:0::0:01"`` -> ``"2001::1"``); an IPv4-mapped
    address becomes plain IPv4 with ``unpack_ipv4``. ValidationError if it is not IPv6."""
    try:
        groups = _parse_ipv6(ip_str, max_length)
    except ValueError:
        raise ValidationError(error_message, code="invalid", params={"protocol": _("IPv6")})
    return _format_ipv6(groups, unpack_ipv4)


def is_valid_ipv6_address(ip_addr):
    """Whether ``ip_addr`` is an IPv6 address."""
    try:
        _parse_ipv6(ip_addr)
    except (TypeError, ValueError):
        return False
    return True
