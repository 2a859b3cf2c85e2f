"""``collectstatic``: copy every static file the finders see into one directory.

The first file found for a path wins, in the finders' order (STATICFILES_DIRS,
then apps), exactly as the development server would serve it.
"""
from __future__ import absolute_import, unicode_literals

import fnmatch
import os
import shutil

from pyframework.core.management.base import BaseCommand, CommandError

DEFAULT_IGNORE_PATTERNS = [".*", "*~", "*.pyc", "*$py.class", "__pycache__", "CVS"]


def iter_static_files(ignore_patterns):
    """Yield (relative '/'-path, absolute source path) for every static file, first match only."""
    from pyframework.contrib.staticfiles import finders

    seen = set()
    for prefix, directory in finders.get_locations():
        for root, dirs, files in os.walk(directory):
            dirs[:] = sorted(d for d in dirs if not _ignored(d, ignore_patterns))
            for filename in sorted(files):
                if _ignored(filename, ignore_patterns):
                    continue
                source = os.path.join(root, filename)
                relative = os.path.relpath(source, directory).replace(os.sep, "/")
                if prefix:
                    relative = prefix + "/" + relative
                if relative not in seen:
                    seen.add(relative)
                    yield relative, source


def _ignored(name, patterns):
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _unchanged(source, destination):
    try:
        target = os.stat(destination)
    except OSError:
        return False
    origin = os.stat(source)
    return origin.st_size == target.st_size and int(origin.st_mtime) == int(target.st_mtime)


class Command(BaseCommand):
    help = "Collects the static files of STATICFILES_DIRS and of every app into STATIC_ROOT (or --output)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Directory to collect into (default: STATIC_ROOT).")
        parser.add_argument("--clear", "-c", action="store_true",
                            help="Delete the existing contents of the output directory first.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Accepted for compatibility: this command never prompts.")
        parser.add_argument("--dry-run", "-n", action="store_true", help="List what would be copied; copy nothing.")
        parser.add_argument("--ignore", "-i", action="append", default=[], dest="ignore_patterns",
                            metavar="PATTERN", help="Ignore files and directories matching this glob (repeatable).")
        parser.add_argument("--no-default-ignore", action="store_false", dest="use_default_ignore_patterns",
                            help="Don't ignore %s." % ", ".join(DEFAULT_IGNORE_PATTERNS))

    def handle(self, *args, **options):
        from pyframework.conf import settings

        output = options["output"] or settings.STATIC_ROOT
        if not output:
            raise CommandError("Set the STATIC_ROOT setting or pass --output DIR to say where to collect files.")
        output = os.path.abspath(output)
        patterns = list(options["ignore_patterns"])
        if options["use_default_ignore_patterns"]:
            patterns += DEFAULT_IGNORE_PATTERNS
        dry_run = options["dry_run"]
        if options["clear"] and os.path.isdir(output) and not dry_run:
            shutil.rmtree(output)
        copied = unmodified = 0
        for relative, source in iter_static_files(patterns):
            destination = os.path.join(output, *relative.split("/"))
            if _unchanged(source, destination):
                unmodified += 1
                continue
            copied += 1
            if options["verbosity"] >= 2 or dry_run:
                self.stdout.write("%s '%s'" % ("Would copy" if dry_run else "Copying", source))
            if not dry_run:
                directory = os.path.dirname(destination)
                if not os.path.isdir(directory):
                    os.makedirs(directory)
                shutil.copy2(source, destination)
        if options["verbosity"] >= 1:
            summary = "%d static file%s %s to '%s'" % (
                copied, "" if copied == 1 else "s", "would be copied" if dry_run else "copied", output)
            if unmodified:
                summary += ", %d unmodified" % unmodified
            self.stdout.write(summary + ".")
