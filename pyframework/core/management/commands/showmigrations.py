"""``showmigrations``: every migration of every app, with [X] for the applied ones."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Shows all available migrations for the current project."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("args", metavar="app_label", nargs="*", help="Show only these apps.")
        parser.add_argument("--database", default="default", help="The database to read. Defaults to 'default'.")
        formats = parser.add_mutually_exclusive_group()
        formats.add_argument("--list", "-l", action="store_const", dest="format", const="list",
                             help="List the migrations of each app (the default).")
        formats.add_argument("--plan", "-p", action="store_const", dest="format", const="plan",
                             help="List every migration in the order it would be applied.")
        parser.set_defaults(format="list")

    def handle(self, *app_labels, **options):
        from pyframework.db import connections
        from pyframework.db.migrations.loader import MigrationLoader

        self.verbosity = options["verbosity"]
        loader = MigrationLoader(connections[options["database"]], ignore_no_migrations=True)
        if options["format"] == "plan":
            self.show_plan(loader, app_labels)
        else:
            self.show_list(loader, app_labels)

    def show_list(self, loader, app_labels):
        from pyframework.apps import apps

        labels = sorted(config.label for config in apps.get_app_configs())
        if app_labels:
            unknown = [label for label in app_labels if label not in labels]
            if unknown:
                raise CommandError("No migrations present for: %s" % ", ".join(unknown))
            labels = [label for label in labels if label in app_labels]
        graph = loader.graph
        for label in labels:
            self.stdout.write(label)
            shown = set()
            for leaf in graph.leaf_nodes(label):
                for key in graph.forwards_plan(leaf):
                    if key[0] == label and key not in shown:
                        shown.add(key)
                        mark = "X" if key in loader.applied_migrations else " "
                        self.stdout.write(" [%s] %s" % (mark, key[1]))
            if not shown:
                self.stdout.write(" (no migrations)")

    def show_plan(self, loader, app_labels):
        graph = loader.graph
        targets = [key for key in graph.leaf_nodes() if not app_labels or key[0] in app_labels]
        seen = []
        for target in targets:
            for key in graph.forwards_plan(target):
                if key not in seen:
                    seen.append(key)
        for key in seen:
            mark = "X" if key in loader.applied_migrations else " "
            line = "[%s]  %s.%s" % (mark, key[0], key[1])
            if self.verbosity >= 2:
                parents = sorted("%s.%s" % parent.key for parent in graph.node_map[key].parents)
                if parents:
                    line += " ... (%s)" % ", ".join(parents)
            self.stdout.write(line)
        if not seen:
            self.stdout.write("(no migrations)")
