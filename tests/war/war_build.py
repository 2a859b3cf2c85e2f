"""Helpers for tests/war: running Gradle on pyframework projects."""
from __future__ import unicode_literals

import os
import subprocess

import pytest

from gradle_plugin_support import PublishError, publish_plugin

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def find_executable(name):
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def run_gradle(project_dir, *tasks):
    """Run `gradle -q TASKS` in project_dir with this checkout's plugin; return stdout's last line."""
    gradle = find_executable("gradle")
    if gradle is None or find_executable("java") is None:
        pytest.skip("gradle and java are needed to build WARs")
    try:
        publish_plugin()
    except PublishError as error:
        raise AssertionError(str(error))
    command = [gradle, "-q"] + list(tasks)
    process = subprocess.Popen(command, cwd=project_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.communicate()[0].decode("utf-8", "replace")
    if process.returncode != 0:
        raise AssertionError("%s failed in %s:\n%s" % (" ".join(command), project_dir, output))
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def write_files(root, files):
    """Create files (relative '/'-path -> text) under root."""
    for relative, text in files.items():
        path = os.path.join(root, *relative.split("/"))
        if not os.path.isdir(os.path.dirname(path)):
            os.makedirs(os.path.dirname(path))
        with open(path, "w") as handle:
            handle.write(text)
