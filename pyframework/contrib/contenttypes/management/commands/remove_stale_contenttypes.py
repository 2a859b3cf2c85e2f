"""``remove_stale_contenttypes``: delete the content types of models that no longer exist.

Everything that depends on them goes too (their permissions, generic rows pointing
at them): the command lists it and asks for ``yes`` first, unless ``--noinput``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.apps import apps
from pyframework.contrib.contenttypes.models import ContentType
from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.db import DEFAULT_DB_ALIAS, connections, transaction
from pyframework.db.models.deletion import Collector
from pyframework.utils import compat


class Command(BaseCommand):
    help = "Deletes stale content types in the database (of models that no longer exist)."

    def add_arguments(self, parser):
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Do not prompt the user for input of any kind.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS,
                            help='The database to use. Defaults to the "default" database.')
        parser.add_argument("--include-stale-apps", action="store_true", default=False,
                            help="Deletes stale content types including ones from previously installed apps "
                                 "that have been removed from INSTALLED_APPS.")

    def handle(self, *args, **options):
        using = options["database"]
        if using not in connections.databases:
            raise CommandError("Unknown database %r: it is not in DATABASES." % using)
        ContentType.objects.clear_cache()
        stale = self.stale_content_types(using, options["include_stale_apps"])
        if not stale:
            if options["verbosity"] >= 1:
                self.stdout.write("No stale content types.")
            return
        if options["interactive"] and not self.confirm(stale, using):
            if options["verbosity"] >= 1:
                self.stdout.write("Stale content types remain.")
            return
        with transaction.atomic(using=using):
            for ct in stale:
                if options["verbosity"] >= 2:
                    self.stdout.write("Deleting stale content type '%s | %s'" % (ct.app_label, ct.model))
                ct.delete()
        ContentType.objects.clear_cache()

    @staticmethod
    def stale_content_types(using, include_stale_apps):
        """Content types of installed apps whose model is gone (and of uninstalled apps on request)."""
        installed = dict((config.label, config) for config in apps.get_app_configs())
        stale = []
        for ct in ContentType.objects.using(using).order_by("app_label", "model"):
            config = installed.get(ct.app_label)
            if config is None:
                if include_stale_apps:
                    stale.append(ct)
                continue
            if ct.model not in (config.models or {}):
                stale.append(ct)
        return stale

    def confirm(self, stale, using):
        collector = Collector(using=using)
        collector.collect(stale)
        lines = []
        for ct in stale:
            lines.append("    - Content type for %s.%s" % (ct.app_label, ct.model))
        for model, objs in collector.data.items():
            if model is ContentType:
                continue
            lines.append("    - %d %s object(s)" % (len(objs), model._meta.label))
        for queryset in collector.fast_deletes:
            count = queryset.count()
            if count:
                lines.append("    - %d %s object(s)" % (count, queryset.model._meta.label))
        self.stdout.write(
            "Some content types in your database are stale and can be deleted.\n"
            "Any objects that depend on these content types will also be deleted.\n"
            "The content types and dependent objects that would be deleted are:\n\n%s\n\n"
            "This list doesn't include any cascade deletions to data outside of pyframework's models "
            "(uncommon).\n\nAre you sure you want to delete these content types?\n"
            "If you're unsure, answer 'no'." % "\n".join(lines))
        answer = compat.read_line("Type 'yes' to continue, or 'no' to cancel: ")
        return answer.strip().lower() == "yes"
