"""Exceptions of the admin (Django's ``django.contrib.admin.exceptions``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import SuspiciousOperation


class AlreadyRegistered(Exception):
    """The model is already registered with this admin site."""


class NotRegistered(Exception):
    """The model is not registered with this admin site."""


class DisallowedModelAdminLookup(SuspiciousOperation):
    """A change-list filter names a lookup the ModelAdmin does not expose (answered with 400)."""


class DisallowedModelAdminToField(SuspiciousOperation):
    """A ``_to_field`` parameter names a field that may not be referenced (answered with 400)."""


class IncorrectLookupParameters(Exception):
    """A change-list filter value the database cannot use (a malformed date, a text for a number)."""
