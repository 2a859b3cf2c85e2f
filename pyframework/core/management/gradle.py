"""``manage.py war`` and ``manage.py apprun``: the project's Gradle tasks, for users who live in manage.py.

Both run Gradle in the project folder (the one holding build.gradle): the project's own
``./gradlew`` when it has one, else ``gradle`` from PATH. Gradle's output goes straight to the
terminal; a failed build is a CommandError carrying Gradle's exit status.
"""
from __future__ import absolute_import, unicode_literals

import os
import subprocess

from pyframework.conf import settings
from pyframework.core.management.base import BaseCommand, CommandError

BUILD_FILES = ("build.gradle", "build.gradle.kts")


def find_project_dir(explicit=None):
    """The folder with the project's build.gradle: ``explicit``, else settings.BASE_DIR, else the
    current directory or one of its parents."""
    if explicit:
        candidates = [explicit]
    else:
        candidates = []
        base_dir = getattr(settings, "BASE_DIR", None) if settings.configured else None
        if base_dir:
            candidates.append("%s" % base_dir)
        directory = os.getcwd()
        while True:
            candidates.append(directory)
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
    for candidate in candidates:
        if any(os.path.isfile(os.path.join(candidate, name)) for name in BUILD_FILES):
            return os.path.abspath(candidate)
    if explicit:
        raise CommandError("%s has no build.gradle: --project-dir names the folder holding the project's "
                           "Gradle build" % explicit)
    raise CommandError("No build.gradle found in BASE_DIR or the current directory: run this from the project "
                       "folder (the one `startproject` made) or pass --project-dir")


def find_gradle(project_dir):
    """The project's ./gradlew, else the first ``gradle`` on PATH."""
    wrapper = os.path.join(project_dir, "gradlew")
    if os.name != "nt" and os.path.isfile(wrapper) and os.access(wrapper, os.X_OK):
        return wrapper
    names = ["gradle.bat", "gradle"] if os.name == "nt" else ["gradle"]
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        for name in names:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    raise CommandError("Gradle is needed to build the WAR and was not found on PATH "
                       "(Debian: apt-get install gradle; or add the Gradle wrapper, ./gradlew, to the project)")


class GradleCommand(BaseCommand):
    """Runs one Gradle task of the project; subclasses name it in ``gradle_task``."""

    gradle_task = None
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--project-dir", help="The folder holding build.gradle (default: BASE_DIR, "
                                                  "else the current directory or a parent).")
        parser.add_argument("gradle_args", nargs="*", metavar="GRADLE_ARG",
                            help="More arguments for Gradle, after `--` (e.g. -- --info).")

    def gradle_arguments(self, options):
        """Arguments placed before the task name (e.g. -P properties)."""
        return []

    def handle(self, *args, **options):
        project_dir = find_project_dir(options.get("project_dir"))
        command = ([find_gradle(project_dir), "--console=plain"] + self.gradle_arguments(options)
                   + [self.gradle_task] + list(options.get("gradle_args") or []))
        if options.get("verbosity", 1) >= 1:
            self.stdout.write("$ %s   (in %s)" % (" ".join(command), project_dir))
            self.stdout.flush()
        try:
            status = subprocess.call(command, cwd=project_dir)
        except OSError as exc:
            raise CommandError("Could not run %s: %s" % (command[0], exc))
        except KeyboardInterrupt:
            status = 130
        if status != 0:
            raise CommandError("gradle %s failed (exit status %d)" % (self.gradle_task, status), returncode=status)
