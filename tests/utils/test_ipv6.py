"""utils.ipv6 and the IP address validators: the same answers on CPython and Jython."""
from __future__ import unicode_literals

import pytest

from pyframework.core import validators
from pyframework.core.exceptions import ValidationError
from pyframework.utils.ipv6 import clean_ipv6_address, is_valid_ipv6_address


@pytest.mark.parametrize("given, short", [
    ("::", "::"), ("::1", "::1"), ("1::", "1::"), ("fe80::1%eth0", "fe80::1"),
    ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"), ("1:0:0:1:0:0:0:1", "1:0:0:1::1"),
    ("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"), ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
    ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"), ("::1.2.3.4", "::102:304"),
    ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"), ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
    ("0:0:0:0:0:ffff:a00:1", "::ffff:10.0.0.1"),
])
def test_valid_addresses_in_their_short_form(given, short):
    assert is_valid_ipv6_address(given)
    assert clean_ipv6_address(given) == short


@pytest.mark.parametrize("bad", [
    "", ":", "1:", ":1::2", "1::2::3", ":::", "12345::", "gggg::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::",
    "1::2:3:4:5:6:7:8", "1.2.3.4", "::ffff:01.2.3.4", "::ffff:256.1.1.1", "fe80::%", "1" * 40, None, 12,
])
def test_invalid_addresses(bad):
    assert not is_valid_ipv6_address(bad)
    if bad is not None and not isinstance(bad, int):
        with pytest.raises(ValidationError) as info:
            clean_ipv6_address(bad)
        assert info.value.code == "invalid"


def test_unpacking_ipv4_mapped_addresses():
    assert clean_ipv6_address("::ffff:0a0a:0a0a", unpack_ipv4=True) == "10.10.10.10"
    assert clean_ipv6_address("::ffff:0a0a:0a0a") == "::ffff:10.10.10.10"
    assert clean_ipv6_address("2001::1", unpack_ipv4=True) == "2001::1"


def test_validators():
    validators.validate_ipv4_address("192.0.2.255")
    validators.validate_ipv6_address("2001:db8::1")
    validators.validate_ipv46_address("192.0.2.1")
    validators.validate_ipv46_address("::1")
    for validator, bad, protocol in ((validators.validate_ipv4_address, "192.0.2.256", "IPv4"),
                                     (validators.validate_ipv4_address, "01.2.3.4", "IPv4"),
                                     (validators.validate_ipv6_address, "1.2.3.4", "IPv6"),
                                     (validators.validate_ipv46_address, "nope", "IPv4 or IPv6")):
        with pytest.raises(ValidationError) as info:
            validator(bad)
        assert info.value.messages == ["Enter a valid %s address." % protocol]
    assert validators.ip_address_validators("IPv4", False) == [validators.validate_ipv4_address]
    with pytest.raises(ValueError):
        validators.ip_address_validators("ipv4", True)
    with pytest.raises(ValueError):
        validators.ip_address_validators("ipx", False)
