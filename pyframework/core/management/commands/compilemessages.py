"""``compilemessages``: compile every ``.po`` catalog into the ``.mo`` file the run time reads.

The catalogs compiled are those below the current directory's ``locale`` folders, in
``LOCALE_PATHS``, in each installed app's ``locale`` folder and the framework's own, so a
fresh checkout gets every translation with one command (``gradle war`` and the test set-up
do the same). Directories that cannot be written (a framework installed read-only) are
reported and skipped. The compiler is pure Python (``pyframework.utils.translation.pofile``),
so no GNU gettext is needed, on CPython or on Jython.
"""
from __future__ import absolute_import, unicode_literals

import fnmatch
import os

from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.utils.translation import pofile
from pyframework.utils.translation.trans_real import all_locale_paths


def _is_stale(po_path, mo_path):
    try:
        return os.path.getmtime(mo_path) < os.path.getmtime(po_path)
    except OSError:
        return True


def locale_directories(start):
    """``start``'s ``locale`` folders, then every directory the translation machinery searches."""
    found = []
    for directory, dirnames, _ in os.walk(start):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in ("build", "node_modules")]
        if os.path.basename(directory) == "locale":
            found.append(directory)
            dirnames[:] = []
    for directory in all_locale_paths():
        if os.path.isdir(directory):
            found.append(directory)
    result = []
    for directory in found:
        directory = os.path.realpath(directory)
        if directory not in result:
            result.append(directory)
    return result


class Command(BaseCommand):
    help = ("Compiles the .po catalogs of the current directory, LOCALE_PATHS, the installed apps and "
            "the framework into .mo files.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--locale", "-l", action="append", default=[], help="Locale(s) to compile (repeatable).")
        parser.add_argument("--exclude", "-x", action="append", default=[], help="Locale(s) to skip.")
        parser.add_argument("--use-fuzzy", "-f", action="store_true", help="Compile fuzzy translations too.")
        parser.add_argument("--ignore", "-i", action="append", dest="ignore_patterns", default=[],
                            help="Glob patterns of directories to skip.")
        parser.add_argument("--force", action="store_true", help="Compile catalogs whose .mo is up to date too.")

    def handle(self, *args, **options):
        compiled = 0
        errors = []
        for locale_dir in locale_directories(os.getcwd()):
            if any(fnmatch.fnmatchcase(locale_dir, p) or fnmatch.fnmatchcase(os.path.basename(os.path.dirname(
                    locale_dir)), p) for p in options["ignore_patterns"]):
                continue
            for po_path in pofile.find_po_files(locale_dir):
                locale = os.path.relpath(po_path, locale_dir).split(os.sep)[0]
                if options["locale"] and locale not in options["locale"] or locale in options["exclude"]:
                    continue
                mo_path = po_path[:-3] + ".mo"
                if not options["force"] and not _is_stale(po_path, mo_path):
                    continue
                if not os.access(os.path.dirname(po_path), os.W_OK):
                    self.stderr.write("skipped %s: the directory is not writable" % po_path)
                    continue
                try:
                    pofile.compile_po_file(po_path, mo_path, use_fuzzy=options["use_fuzzy"])
                except (pofile.PoFileError, UnicodeDecodeError) as exc:
                    errors.append("%s: %s" % (po_path, exc))
                    continue
                compiled += 1
                if options["verbosity"] > 0:
                    self.stdout.write("processing file %s in %s" % (os.path.basename(po_path),
                                                                      os.path.dirname(po_path)))
        if errors:
            raise CommandError("compilemessages could not compile:\n%s" % "\n".join(errors))
        if options["verbosity"] > 1:
            self.stdout.write("%d catalog(s) compiled" % compiled)
