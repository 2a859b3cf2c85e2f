"""``loaddata``: install fixtures (serialized objects) into the database.

A fixture label is a file name with or without its format extension (``json``,
``jsonl``, ``xml``, optionally compressed ``.gz``/``.bz2``/``.zip``), or a path.
Bare names are looked up in each installed app's ``fixtures/`` folder, in the
folders of the FIXTURE_DIRS setting and in the current directory. Everything is
loaded in one transaction; foreign keys may point forward in the file.
"""
from __future__ import absolute_import, unicode_literals

import bz2
import gzip
import io
import os
import sys
import zipfile

from pyframework.apps import apps
from pyframework.conf import settings
from pyframework.core import serializers
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connections, transaction
from pyframework.utils.compat import text_type

READ_STDIN = "-"


def _read_zip(path):
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if len(names) != 1:
            raise ValueError("Zip-compressed fixtures must contain one file.")
        return archive.read(names[0])


def _read_plain(path):
    with io.open(path, "rb") as handle:
        return handle.read()


def _read_gzip(path):
    handle = gzip.open(path, "rb")
    try:
        return handle.read()
    finally:
        handle.close()


def _read_bz2(path):
    handle = bz2.BZ2File(path, "rb")
    try:
        return handle.read()
    finally:
        handle.close()


COMPRESSION_FORMATS = {None: _read_plain, "gz": _read_gzip, "zip": _read_zip, "bz2": _read_bz2}


def fixture_dirs():
    """The folders bare fixture names are looked up in: apps' fixtures/, FIXTURE_DIRS, then ''."""
    dirs = []
    configured = [os.path.realpath(d) for d in getattr(settings, "FIXTURE_DIRS", ())]
    if len(configured) != len(set(configured)):
        raise ImproperlyConfigured("settings.FIXTURE_DIRS contains duplicates.")
    for app_config in apps.get_app_configs():
        app_dir = os.path.join(app_config.path, "fixtures")
        if app_dir in configured:
            raise ImproperlyConfigured("'%s' is a default fixture directory for the '%s' app and cannot be "
                                       "listed in settings.FIXTURE_DIRS." % (app_dir, app_config.label))
        if os.path.isdir(app_dir):
            dirs.append(app_dir)
    dirs.extend(configured)
    dirs.append("")
    return [os.path.realpath(d) if d else d for d in dirs]


class Command(BaseCommand):
    help = "Installs the named fixture(s) in the database."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("args", metavar="fixture", nargs="+", help="Fixture labels.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS,
                            help='Nominates a specific database to load fixtures into. Defaults to the '
                                 '"default" database.')
        parser.add_argument("--app", dest="app_label", help="Only look for fixtures in the specified app.")
        parser.add_argument("--ignorenonexistent", "-i", action="store_true", dest="ignore",
                            help="Ignores entries in the serialized data for fields that do not currently "
                                 "exist on the model.")
        parser.add_argument("-e", "--exclude", action="append", default=[],
                            help="An app_label or app_label.ModelName to exclude. Can be used multiple times.")
        parser.add_argument("--format", help="Format of serialized data when reading from stdin.")

    def handle(self, *fixture_labels, **options):
        self.ignore = options["ignore"]
        self.using = options["database"]
        self.app_label = options["app_label"]
        self.verbosity = options["verbosity"]
        self.excluded_models, excluded_apps = parse_excludes(options["exclude"])
        self.excluded_apps = set(config.label for config in excluded_apps)
        self.format = options["format"]
        connection = connections[self.using]
        with transaction.atomic(using=self.using):
            with connection.constraint_checks_disabled():
                self.loaddata(fixture_labels)
            # Forward references are resolved by now: every foreign key must point somewhere.
            connection.check_foreign_keys(sorted(self.models, key=lambda model: model._meta.label))
        # Outside the transaction: MySQL/MariaDB would commit at the first DDL-like statement.
        if self.loaded_object_count > 0:
            self.reset_sequences(connection, self.models)
        if self.verbosity >= 1:
            if self.fixture_object_count == self.loaded_object_count:
                self.stdout.write("Installed %d object(s) from %d fixture(s)"
                                  % (self.loaded_object_count, self.fixture_count))
            else:
                self.stdout.write("Installed %d object(s) (of %d) from %d fixture(s)"
                                  % (self.loaded_object_count, self.fixture_object_count, self.fixture_count))

    def reset_sequences(self, connection, models):
        statements = connection.ops.sequence_reset_sql(None, models)
        if statements:
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)

    def loaddata(self, fixture_labels):
        self.fixture_count = 0
        self.loaded_object_count = 0
        self.fixture_object_count = 0
        self.models = set()
        self.serialization_formats = serializers.get_public_serializer_formats()
        self.objs_with_deferred_fields = []
        for fixture_label in fixture_labels:
            if self.find_fixtures(fixture_label) == [] and fixture_label != READ_STDIN:
                raise CommandError("No fixture named '%s' found." % fixture_label)
        for fixture_label in fixture_labels:
            self.load_label(fixture_label)
        for obj in self.objs_with_deferred_fields:
            obj.save_deferred_fields(using=self.using)

    def load_label(self, fixture_label):
        if fixture_label == READ_STDIN:
            if not self.format:
                raise CommandError("--format must be specified when reading from stdin.")
            fixtures = [(None, self.format, lambda: sys.stdin.read())]
        else:
            fixtures = [(path, fmt, (lambda p=path, c=compression: COMPRESSION_FORMATS[c](p)))
                        for path, fmt, compression in self.find_fixtures(fixture_label)]
        for path, fmt, read in fixtures:
            objects_in_fixture = 0
            loaded_in_fixture = 0
            if self.verbosity >= 2:
                self.stdout.write("Installing %s fixture '%s'." % (fmt, path or "stdin"))
            data = read()
            try:
                # Saved as read, so natural keys find the rows saved before them. A natural key
                # naming a later row is resolved at the end; a primary key naming a later row
                # needs a database that checks foreign keys at commit (not H2).
                objects = serializers.deserialize(fmt, data, using=self.using, ignorenonexistent=self.ignore,
                                                  handle_forward_references=True)
                for obj in objects:
                    objects_in_fixture += 1
                    if self._excluded(obj.object):
                        continue
                    self.models.add(obj.object.__class__)
                    try:
                        obj.save(using=self.using)
                    except (DatabaseError, IntegrityError, ValueError) as exc:
                        raise type(exc)("Could not load %s(pk=%s): %s"
                                        % (obj.object._meta.label, obj.object.pk, exc))
                    loaded_in_fixture += 1
                    if obj.deferred_fields:
                        self.objs_with_deferred_fields.append(obj)
            except serializers.DeserializationError as exc:
                raise CommandError("Problem installing fixture '%s': %s" % (path, exc))
            self.fixture_count += 1
            self.loaded_object_count += loaded_in_fixture
            self.fixture_object_count += objects_in_fixture
            if objects_in_fixture == 0 and self.verbosity >= 1:
                self.stderr.write("No fixture data found for '%s'. (File format may be invalid.)"
                                  % os.path.basename(path or "stdin"))

    def _excluded(self, obj):
        return (obj._meta.app_label in self.excluded_apps or type(obj) in self.excluded_models
                or (self.app_label and obj._meta.app_label != self.app_label))

    def parse_name(self, fixture_name):
        """``(name, format or None, compression or None)`` of a fixture label."""
        if fixture_name == READ_STDIN:
            return READ_STDIN, self.format, None
        parts = fixture_name.rsplit(".", 2)
        compression = None
        if len(parts) > 1 and parts[-1] in COMPRESSION_FORMATS:
            compression = parts.pop()
        fmt = None
        if len(parts) > 1:
            if parts[-1] in self.serialization_formats:
                fmt = parts.pop()
            else:
                raise CommandError("Problem installing fixture '%s': %s is not a known serialization format."
                                   % (".".join(parts[:-1]), parts[-1]))
        return ".".join(parts), fmt, compression

    def find_fixtures(self, fixture_label):
        """``[(path, format, compression)]`` of the files ``fixture_label`` names."""
        name, fmt, compression = self.parse_name(fixture_label)
        if name == READ_STDIN:
            return []
        formats = [fmt] if fmt else self.serialization_formats
        compressions = [compression] if compression else list(COMPRESSION_FORMATS)
        if os.path.isabs(name):
            dirs, name = [os.path.dirname(name)], os.path.basename(name)
        elif os.path.dirname(name):
            dirs = [os.path.join(d, os.path.dirname(name)) for d in self.fixture_dirs()]
            name = os.path.basename(name)
        else:
            dirs = self.fixture_dirs()
        found = []
        for directory in dirs:
            in_dir = []
            for each_format in formats:
                for each_compression in compressions:
                    file_name = name + "." + each_format + ("." + each_compression if each_compression else "")
                    path = os.path.join(directory, file_name)
                    if os.path.isfile(path):
                        in_dir.append((os.path.realpath(path), each_format, each_compression))
            if len(in_dir) > 1:
                raise CommandError("Multiple fixtures named '%s' in %s. Aborting."
                                   % (name, text_type(os.path.relpath(directory) if directory else ".")))
            found.extend(in_dir)
        return found

    def fixture_dirs(self):
        dirs = fixture_dirs()
        if self.app_label:
            app_dirs = [os.path.realpath(os.path.join(config.path, "fixtures")) for config in apps.get_app_configs()
                        if config.label == self.app_label]
            dirs = [d for d in dirs if d in app_dirs or d not in
                    [os.path.realpath(os.path.join(c.path, "fixtures")) for c in apps.get_app_configs()]]
        return dirs


def parse_excludes(excludes):
    """``(models, app configs)`` of ``--exclude`` labels (``app_label`` or ``app_label.Model``)."""
    excluded_models, excluded_apps = set(), set()
    for label in excludes:
        if "." in label:
            try:
                excluded_models.add(apps.get_model(label))
            except LookupError:
                raise CommandError("Unknown model in excludes: %s" % label)
        else:
            try:
                excluded_apps.add(apps.get_app_config(label))
            except LookupError:
                raise CommandError("No installed app with label '%s'." % label)
    return excluded_models, excluded_apps
