"""Copying a project or app skeleton: what ``startproject`` and ``startapp`` share.

Every file of the skeleton is copied; in text files the placeholders
``{{ project_name }}``, ``{{ app_name }}``, ``{{ camel_case_app_name }}``,
``{{ secret_key }}``, ``{{ pyframework_home }}`` and ``{{ pyframework_version }}``
are replaced (and nothing else, so Jinja templates in the skeleton stay intact).
Files ending in ``-tpl`` lose that suffix: it keeps skeleton ``.py`` files from
being imported or byte-compiled as part of the framework.
"""
from __future__ import absolute_import, unicode_literals

import importlib
import io
import keyword
import os
import re
import shutil
import stat

import pyframework
from pyframework.core.management.base import BaseCommand, CommandError

TEMPLATE_SUFFIX = "-tpl"
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\Z")
PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
# Resolved at import: __file__ may be relative to a working directory that changes later.
PACKAGE_DIR = os.path.dirname(os.path.abspath(pyframework.__file__))
SKELETONS_DIR = os.path.join(PACKAGE_DIR, "conf")


def framework_home():
    """The directory holding the ``pyframework`` package (the framework checkout)."""
    return os.path.dirname(PACKAGE_DIR).replace(os.sep, "/")


def validate_identifier(name, kind):
    """Refuse names that can't be imported."""
    if not name:
        raise CommandError("You must provide a %s name." % kind)
    if not IDENTIFIER.match(name) or keyword.iskeyword(name):
        raise CommandError(
            "'%s' is not a valid %s name: use letters, digits and underscores, not starting with a "
            "digit, and not a Python keyword." % (name, kind))


def validate_unused(name, kind):
    """Refuse names that would shadow an existing module."""
    try:
        importlib.import_module(name)
    except ImportError:
        return
    raise CommandError(
        "'%s' conflicts with the name of an existing Python module and cannot be used as a %s "
        "name. Please try another name." % (name, kind))


class TemplateCommand(BaseCommand):
    """Copy ``pyframework/conf/<kind>_template`` to a new directory, filling in placeholders."""

    requires_system_checks = []
    kind = None  # "project" or "app"

    def add_arguments(self, parser):
        parser.add_argument("name", help="Name of the %s." % self.kind)
        parser.add_argument("directory", nargs="?",
                            help="Optional existing directory to create the %s in." % self.kind)

    def context(self, name):
        return {"pyframework_home": framework_home(), "pyframework_version": pyframework.get_version()}

    def handle(self, *args, **options):
        name, directory = options["name"], options.get("directory")
        validate_identifier(name, self.kind)
        if directory is None:
            target = os.path.join(os.getcwd(), name)
            if os.path.exists(target):
                raise CommandError("'%s' already exists. Choose another name or remove it first." % target)
        else:
            target = os.path.abspath(os.path.expanduser(directory))
            if not os.path.isdir(target):
                raise CommandError("Destination directory '%s' does not exist; create it first." % target)
        validate_unused(name, self.kind)
        if directory is None:
            os.makedirs(target)
        source = os.path.join(SKELETONS_DIR, "%s_template" % self.kind)
        values = self.context(name)
        created = self.copy_tree(source, target, values, rename={"%s_name" % self.kind: name})
        verbosity = options.get("verbosity", 1)
        if verbosity >= 2:
            for path in created:
                self.stdout.write("Created %s" % path)
        if verbosity >= 1:
            self.stdout.write(self.next_steps(name, target))

    def next_steps(self, name, target):
        """What to tell the user once the files are created."""
        return "Created %s '%s' in %s" % (self.kind, name, target)

    def copy_tree(self, source, target, values, rename):
        created = []
        for root, dirs, files in os.walk(source):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            relative = os.path.relpath(root, source)
            parts = [] if relative == os.curdir else relative.split(os.sep)
            destination_dir = os.path.join(target, *[rename.get(part, part) for part in parts])
            if not os.path.isdir(destination_dir):
                os.makedirs(destination_dir)
            for filename in sorted(files):
                if filename.endswith((".pyc", ".class")):
                    continue
                new_name = filename[:-len(TEMPLATE_SUFFIX)] if filename.endswith(TEMPLATE_SUFFIX) else filename
                stem, dot, extension = new_name.partition(".")
                new_name = rename.get(stem, stem) + dot + extension
                destination = os.path.join(destination_dir, new_name)
                if os.path.exists(destination):
                    raise CommandError("'%s' already exists; not overwriting it." % destination)
                self.copy_file(os.path.join(root, filename), destination, values)
                created.append(destination)
        return created

    @staticmethod
    def copy_file(source, destination, values):
        with io.open(source, "rb") as handle:
            raw = handle.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            shutil.copyfile(source, destination)  # binary: copied as is
        else:
            text = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
            with io.open(destination, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        mode = os.stat(source).st_mode
        if mode & stat.S_IXUSR:
            os.chmod(destination, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
