"""``check``: run the system checks; exit status 1 when one fails."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import checks
from pyframework.core.management.base import BaseCommand, CommandError

LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


class Command(BaseCommand):
    help = "Checks the project's configuration for common problems."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("-t", "--tag", dest="tags", action="append",
                            help="Run only checks with this tag (repeatable).")
        parser.add_argument("--list-tags", action="store_true", help="List the available tags.")
        parser.add_argument("--deploy", action="store_true", help="Also run the deployment checks.")
        parser.add_argument("--fail-level", default="ERROR", choices=LEVELS,
                            help="Fail (exit status 1) on messages at or above this level. Default: ERROR.")

    def handle(self, *args, **options):
        deploy = options["deploy"]
        if options["list_tags"]:
            self.stdout.write("\n".join(sorted(checks.registry.tags_available(deploy))))
            return
        tags = options["tags"]
        unknown = [tag for tag in tags or () if not checks.tag_exists(tag, deploy)]
        if unknown:
            raise CommandError("There is no system check with the '%s' tag." % unknown[0])
        self.check(tags=tags, display_num_errors=True, include_deployment_checks=deploy,
                   fail_level=getattr(checks, options["fail_level"]))
