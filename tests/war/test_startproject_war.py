"""A project made by `pyframework startproject` from a pip-installed pyframework builds its WAR.

No checkout is involved on the project's side: pyframework is installed (not editable) into a
fresh virtual environment, the generated build.gradle applies org.pyframework.war in the
``plugins {}`` form, and the generated settings.gradle finds it in Maven local, here
build/maven-repo (``-Dmaven.repo.local``), where this checkout's plugin was just published.
"""
from __future__ import unicode_literals

import os
import re
import subprocess
import sys
import zipfile

import pytest

from gradle_plugin_support import MAVEN_REPO, plugin_version, publish_plugin
from war_build import REPO_ROOT, find_executable

pytestmark = pytest.mark.cpython_only("creates a virtual environment and runs Gradle")


def run(command, cwd):
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.communicate()[0].decode("utf-8", "replace")
    assert process.returncode == 0, "%s failed:\n%s" % (" ".join(command), output[-3000:])
    return output


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    if find_executable("gradle") is None:
        pytest.skip("gradle is needed to build WARs")
    work = tmp_path_factory.mktemp("startproject-war")
    venv = str(work / "venv")
    run([sys.executable, "-m", "venv", venv], str(work))
    python = os.path.join(venv, "bin", "python")
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", REPO_ROOT], str(work))
    location = run([python, "-c", "import pyframework; print(pyframework.__file__)"], str(work))
    assert not location.strip().startswith(REPO_ROOT), location
    run([os.path.join(venv, "bin", "pyframework"), "startproject", "warsite"], str(work))
    project = str(work / "warsite")
    publish_plugin()
    output = run(["gradle", "--console=plain", "-Dmaven.repo.local=" + MAVEN_REPO, "war"], project)
    return project, output


def test_build_gradle_uses_the_plugins_block(generated):
    project, _ = generated
    with open(os.path.join(project, "build.gradle")) as handle:
        text = handle.read()
    assert "id 'org.pyframework.war' version '%s'" % plugin_version() in text
    assert "pyframeworkHome" not in text and "apply from" not in text


def test_the_war_is_built_and_reported(generated):
    project, output = generated
    war = os.path.join(project, "build", "libs", "warsite.war")
    # The progress lines of every step, then the WAR's path and size.
    assert "Staging Python code into build/pyframework/python" in output
    assert re.search(r"^Precompiling [1-9][0-9]+ Python modules for Jython 2\.7\.4\.\.\.$", output, re.M), output
    assert "Collecting static files with warsite.settings" in output
    assert re.search(r"^WAR: %s \([0-9]+\.[0-9] MB\)$" % re.escape(war), output, re.M), output
    with zipfile.ZipFile(war) as archive:
        names = set(archive.namelist())
    assert "WEB-INF/python/warsite/settings$py.class" in names
    assert "WEB-INF/python/pyframework/__init__$py.class" in names
    assert "WEB-INF/python/jinja2/__init__.py" in names
    assert "static/site.css" in names
    assert "WEB-INF/lib/pyframework-servlet-%s.jar" % plugin_version() in names


def test_a_second_build_without_changes_does_no_work(generated):
    project, _ = generated
    output = run(["gradle", "--console=plain", "-Dmaven.repo.local=" + MAVEN_REPO, "war"], project)
    # Gradle's summary: "4 actionable tasks: 4 up-to-date".
    assert re.search(r"^(\d+) actionable tasks?: \1 up-to-date$", output, re.M), output


def test_manage_py_war_runs_the_gradle_build(generated):
    project, _ = generated
    python = os.path.join(os.path.dirname(project), "venv", "bin", "python")
    output = run([python, "manage.py", "war", "--", "-Dmaven.repo.local=" + MAVEN_REPO], project)
    assert "--console=plain war -Dmaven.repo.local=" in output.splitlines()[0]
    assert "BUILD SUCCESSFUL" in output
