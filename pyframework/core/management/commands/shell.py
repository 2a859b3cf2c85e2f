"""``shell``: an interactive Python console with settings and apps loaded."""
from __future__ import absolute_import, unicode_literals

import code
import sys

from pyframework.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Runs a Python interactive console with the project's settings loaded."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("-c", "--command", help="Run this code instead of starting a console.")

    def handle(self, *args, **options):
        import pyframework
        from pyframework.conf import settings

        pyframework.setup()
        namespace = {"settings": settings, "__name__": "__main__"}
        if options["command"]:
            exec(compile(options["command"], "<shell -c>", "exec"), namespace)
            return
        banner = "pyframework %s shell on Python %s\nsettings: %s" % (
            pyframework.get_version(), sys.version.split()[0], settings.SETTINGS_MODULE or "configured in code")
        code.interact(banner=banner, local=namespace)
