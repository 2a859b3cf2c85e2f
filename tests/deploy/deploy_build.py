"""What the deployment and browser tests deploy: the pinned servers and the example WAR, each made once.

Both are built on first use in a test session (``gradle fetchServers`` downloads the
servers into build/servers/, ``gradle war`` builds the example project) and remembered
for the rest of it, so every folder of tests deploying the WAR shares one build.
Nothing here skips: a missing tool or a failed build fails the session and says what to fix.
"""
from __future__ import absolute_import, division, unicode_literals

import os
import shutil
import subprocess

import pytest

from deploy_servers import read_properties
from gradle_plugin_support import PUBLISH_COMMAND

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SERVERS_SCRIPT = os.path.join(ROOT, "gradle", "servers.gradle")
SERVERS_PROPERTIES = os.path.join(ROOT, "build", "servers", "servers.properties")
EXAMPLE_PROJECT = os.path.join(ROOT, "examples", "mysite")
PROBE_PACKAGE = os.path.join(HERE, "deploy_probe")
# The deployed project: a copy of examples/mysite plus the test-only deploy_probe package, so
# probe views (a column label from the query string...) never ship with the example.
STAGED_PROJECT = os.path.join(ROOT, "build", "deploy-project")
EXAMPLE_WAR = os.path.join(STAGED_PROJECT, "build", "libs", "mysite.war")
STAGING_SKIPPED = ("build", ".gradle", "db.sqlite3")
WAR_OVERRIDE_VARIABLE = "PYFRAMEWORK_DEPLOY_WAR"
OUTPUT_TAIL_CHARS = 4000

_BUILT = {}


def announce(config, message, prefix="[deploy] "):
    """Show progress right away, even while pytest captures output."""
    capture = config.pluginmanager.getplugin("capturemanager")
    writer = config.pluginmanager.getplugin("terminalreporter")
    if capture is None or writer is None:
        return
    with capture.global_and_fixture_disabled():
        writer.write_line(prefix + message)


def mark_cpython_only(items, folder, reason):
    """Mark every collected test under ``folder`` cpython_only (call from a tryfirst
    pytest_collection_modifyitems: the marks must be on before "-m" deselection and the Jython skip)."""
    for item in items:
        if str(item.fspath).startswith(folder + os.sep):
            item.add_marker(pytest.mark.cpython_only(reason=reason))


def write_timings(terminalreporter, title, lines):
    """The start-up and deploy durations of the servers, as a section of pytest's summary."""
    if lines:
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)


def run_gradle(config, arguments, cwd, what):
    """Run Gradle, failing the session with its output if it fails."""
    command = ["gradle", "--console=plain"] + arguments
    announce(config, "%s: %s (in %s)" % (what, " ".join(command), cwd))
    try:
        finished = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT)
    except OSError as error:
        pytest.fail("%s needs Gradle on PATH: %s" % (what, error), pytrace=False)
    output = finished.communicate()[0].decode("utf-8", "replace")
    if finished.returncode != 0:
        pytest.fail("%s failed (exit %d):\n%s" % (what, finished.returncode,
                                                  output[-OUTPUT_TAIL_CHARS:]), pytrace=False)
    return output


def servers_are_fetched():
    if not os.path.exists(SERVERS_PROPERTIES):
        return False
    if os.path.getmtime(SERVERS_SCRIPT) > os.path.getmtime(SERVERS_PROPERTIES):
        return False  # a pinned version may have changed
    locations = read_properties(SERVERS_PROPERTIES)
    return all(os.path.exists(locations.get(key, ""))
               for key in ("tomcat.home", "tomcat11.home", "payara.micro.jar", "glassfish.home"))


def server_distributions(config):
    """Locations of the pinned servers (servers.properties), downloaded on first use."""
    if "servers" not in _BUILT:
        if not servers_are_fetched():
            announce(config, "fetching the pinned servers (first download is ~115 MB)")
            run_gradle(config, ["fetchServers"], ROOT, "Fetching the test servers")
        _BUILT["servers"] = read_properties(SERVERS_PROPERTIES)
    return _BUILT["servers"]


def example_war(config):
    """The example project's WAR, with the test-only deploy_probe package (or the file
    PYFRAMEWORK_DEPLOY_WAR names), built once per session."""
    if "war" in _BUILT:
        return _BUILT["war"]
    override = os.environ.get(WAR_OVERRIDE_VARIABLE)
    if override:
        if not os.path.isfile(override):
            pytest.fail("%s names %s, which is not a file" % (WAR_OVERRIDE_VARIABLE, override),
                        pytrace=False)
        war = os.path.abspath(override)
    else:
        if not os.path.isfile(os.path.join(EXAMPLE_PROJECT, "build.gradle")):
            pytest.fail("No WAR to deploy: %s has no build.gradle (or set %s to a WAR file)"
                        % (EXAMPLE_PROJECT, WAR_OVERRIDE_VARIABLE), pytrace=False)
        # The example applies org.pyframework.war from build/maven-repo: publish this checkout's first.
        run_gradle(config, PUBLISH_COMMAND[1:], ROOT, "Publishing the Gradle plugin")
        stage_project()
        run_gradle(config, ["-q", "war"], STAGED_PROJECT,
                   "Building the example WAR (with tests/deploy/deploy_probe)")
        if not os.path.isfile(EXAMPLE_WAR):
            pytest.fail("'gradle war' in %s succeeded but produced no %s"
                        % (EXAMPLE_PROJECT, EXAMPLE_WAR), pytrace=False)
        war = EXAMPLE_WAR
    _BUILT["war"] = war
    return war


def stage_project():
    """Refresh build/deploy-project from examples/mysite and deploy_probe (its build/ is kept)."""
    if not os.path.isdir(STAGED_PROJECT):
        os.makedirs(STAGED_PROJECT)
    for name in os.listdir(STAGED_PROJECT):
        if name not in STAGING_SKIPPED:
            target = os.path.join(STAGED_PROJECT, name)
            shutil.rmtree(target) if os.path.isdir(target) else os.remove(target)
    ignored = shutil.ignore_patterns("__pycache__", "*.pyc", "*$py.class", *STAGING_SKIPPED)
    for name in os.listdir(EXAMPLE_PROJECT):
        if name in STAGING_SKIPPED:
            continue
        source = os.path.join(EXAMPLE_PROJECT, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(STAGED_PROJECT, name), ignore=ignored)
        else:
            shutil.copy2(source, STAGED_PROJECT)
    shutil.copytree(PROBE_PACKAGE, os.path.join(STAGED_PROJECT, "deploy_probe"), ignore=ignored)
    # build/deploy-project sits two folders below the checkout, as examples/mysite does, so the
    # example's relative paths (the plugin repository, frameworkDir) still hold; only the
    # settings module changes.
    with open(os.path.join(STAGED_PROJECT, "build.gradle"), "a") as build_gradle:
        build_gradle.write("\n// tests/deploy/deploy_build.py: the example plus the test-only probe views.\n"
                           "pyframework {\n    settings = 'deploy_probe.settings'\n}\n")
