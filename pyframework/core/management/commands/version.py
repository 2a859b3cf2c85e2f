"""``version``: print the framework version."""
from __future__ import absolute_import, unicode_literals

import pyframework
from pyframework.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prints the pyframework version."
    requires_system_checks = []

    def handle(self, *args, **options):
        return pyframework.get_version()
