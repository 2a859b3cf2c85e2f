"""``dumpdata``: write the database's contents (or some apps' or models') as a fixture."""
from __future__ import absolute_import, unicode_literals

import io

from pyframework.apps import apps
from pyframework.core import serializers
from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.core.management.commands.loaddata import parse_excludes
from pyframework.db import DEFAULT_DB_ALIAS
from pyframework.utils.compat import NativeStringIO


class Command(BaseCommand):
    help = ("Output the contents of the database as a fixture of the given format (using each model's "
            "default manager unless --all is specified).")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("args", metavar="app_label[.ModelName]", nargs="*",
                            help="Restricts dumped data to the specified app_label or app_label.ModelName.")
        parser.add_argument("--format", default="json", help="Specifies the output serialization format for "
                                                              "fixtures.")
        parser.add_argument("--indent", type=int, help="Specifies the indent level to use when pretty-printing "
                                                       "output.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS,
                            help='Nominates a specific database to dump fixtures from. Defaults to the '
                                 '"default" database.')
        parser.add_argument("-e", "--exclude", action="append", default=[],
                            help="An app_label or app_label.ModelName to exclude (use multiple --exclude to "
                                 "exclude multiple apps/models).")
        parser.add_argument("--natural-foreign", action="store_true", dest="use_natural_foreign_keys",
                            help="Use natural foreign keys if they are available.")
        parser.add_argument("--natural-primary", action="store_true", dest="use_natural_primary_keys",
                            help="Use natural primary keys if they are available.")
        parser.add_argument("-a", "--all", action="store_true", dest="use_base_manager",
                            help="Use the base manager, not the default one (rows it would filter out too).")
        parser.add_argument("--pks", dest="primary_keys",
                            help="Only dump objects with given primary keys. Accepts a comma-separated list of "
                                 "keys. This option only works when you specify one model.")
        parser.add_argument("-o", "--output", help="Specifies file to which the output is written.")

    def handle(self, *app_labels, **options):
        fmt = options["format"]
        using = options["database"]
        excludes = options["exclude"]
        primary_keys = [pk.strip() for pk in options["primary_keys"].split(",")] if options["primary_keys"] else []
        excluded_models, excluded_apps = parse_excludes(excludes)
        app_list = self._app_list(app_labels, excluded_apps, primary_keys)
        if fmt not in serializers.get_public_serializer_formats():
            try:
                serializers.get_serializer(fmt)
            except serializers.SerializerDoesNotExist:
                pass
            raise CommandError("Unknown serialization format: %s" % fmt)

        def get_objects():
            models = serializers.sort_dependencies(list(app_list.items()), allow_cycles=True)
            for model in models:
                if model in excluded_models or model._meta.proxy or not model._meta.managed:
                    continue
                manager = model._base_manager if options["use_base_manager"] else model._default_manager
                queryset = manager.using(using).order_by(model._meta.pk.name)
                if primary_keys:
                    queryset = queryset.filter(pk__in=primary_keys)
                for obj in queryset.iterator():
                    yield obj

        output = options["output"]
        stream = io.open(output, "w", encoding="utf-8") if output else None
        buffer = None if stream else NativeStringIO()
        try:
            serializers.serialize(fmt, get_objects(), indent=options["indent"],
                                  use_natural_foreign_keys=options["use_natural_foreign_keys"],
                                  use_natural_primary_keys=options["use_natural_primary_keys"],
                                  stream=_TextStream(stream) if stream else buffer)
        except Exception as exc:
            raise CommandError("Unable to serialize database: %s" % exc)
        finally:
            if stream:
                stream.close()
        if buffer is not None:
            text = buffer.getvalue()
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            self.stdout.write(text, ending="" if text.endswith("\n") else "\n")

    @staticmethod
    def _app_list(app_labels, excluded_apps, primary_keys):
        """{app_config: [models] or None (all)} for the labels."""
        app_list = {}
        if not app_labels:
            if primary_keys:
                raise CommandError("You can only use --pks option with one model")
            for config in apps.get_app_configs():
                if config.models_module is not None and config not in excluded_apps:
                    app_list[config] = None
            return app_list
        if len(app_labels) > 1 and primary_keys:
            raise CommandError("You can only use --pks option with one model")
        for label in app_labels:
            app_label, _, model_label = label.partition(".")
            try:
                config = apps.get_app_config(app_label)
            except LookupError as exc:
                raise CommandError(str(exc))
            if model_label:
                try:
                    model = config.get_model(model_label)
                except LookupError:
                    raise CommandError("Unknown model: %s.%s" % (app_label, model_label))
                models = app_list.setdefault(config, [])
                if models is not None and model not in models:
                    models.append(model)
            else:
                if primary_keys:
                    raise CommandError("You can only use --pks option with one model")
                app_list[config] = None
        return app_list


class _TextStream(object):
    """Text to a file opened in text mode, whatever the serializer writes (the XML one writes bytes)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, data):
        if isinstance(data, bytes):
            data = data.decode("utf-8")
        self.stream.write(data)
