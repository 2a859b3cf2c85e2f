"""models.GenericIPAddressField and forms.GenericIPAddressField, stored on every database."""
from __future__ import unicode_literals

import pytest

from pyframework import forms
from pyframework.core.exceptions import ValidationError
from pyframework.db import models


class Host(models.Model):
    address = models.GenericIPAddressField()
    mapped = models.GenericIPAddressField(unpack_ipv4=True, blank=True, null=True)
    v4 = models.GenericIPAddressField(protocol="IPv4", blank=True, null=True)

    class Meta:
        app_label = "dbm_ip"


def test_stored_in_short_form_and_found_by_any_spelling(db, create_tables):
    create_tables(Host)
    Host.objects.create(address="2001:0db8:0000:0000:0000:0000:0000:0001", mapped="::ffff:0a00:0001",
                        v4="192.0.2.1")
    Host.objects.create(address="192.0.2.7")
    host = Host.objects.get(address="2001:db8:0::1")
    assert (host.address, host.mapped, host.v4) == ("2001:db8::1", "10.0.0.1", "192.0.2.1")
    assert Host.objects.filter(address="192.0.2.7", mapped__isnull=True).count() == 1
    assert Host.objects.filter(address__in=["::1", "192.0.2.7"]).count() == 1


def test_validation_deconstruction_and_form_field():
    field = Host._meta.get_field("v4")
    with pytest.raises(ValidationError) as info:
        field.clean("::1", None)
    assert info.value.messages == ["Enter a valid IPv4 address."]
    assert Host._meta.get_field("address").clean(" 2001:DB8::0:1 ", None) == "2001:db8::1"
    with pytest.raises(ValidationError):
        Host._meta.get_field("address").clean("", None)
    assert field.deconstruct()[3] == {"protocol": "IPv4", "blank": True, "null": True}
    assert Host._meta.get_field("mapped").deconstruct()[3]["unpack_ipv4"] is True
    form_field = Host._meta.get_field("address").formfield()
    assert isinstance(form_field, forms.GenericIPAddressField) and form_field.max_length == 39
    assert form_field.clean("::ffff:10.0.0.1") == "::ffff:10.0.0.1"
    assert forms.GenericIPAddressField(unpack_ipv4=True).clean("::ffff:10.0.0.1") == "10.0.0.1"
    with pytest.raises(ValidationError) as info:
        forms.GenericIPAddressField(protocol="IPv6").clean("10.0.0.1")
    assert info.value.messages == ["Enter a valid IPv6 address."]
    assert forms.GenericIPAddressField(required=False).clean("") == ""
