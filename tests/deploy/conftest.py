"""Fixtures that deploy the example WAR on real servlet containers.

``server`` is parametrized over every container, so each test in this folder
runs once per server. The servers come from gradle/servers.gradle (pinned
versions, cached in build/servers/); the WAR from ``gradle war`` in
examples/mysite, or from the file named by PYFRAMEWORK_DEPLOY_WAR.

Nothing here skips when a server or the WAR is missing: a deployment test
that quietly does nothing proves nothing, so such a run fails and says what
to fix. Every test here is marked ``cpython_only``: it drives external JVMs
over HTTP and needs subprocess/process-group control.
"""
from __future__ import absolute_import, division, unicode_literals

import os
import shutil
import subprocess
import sys

import pytest

from deploy_servers import (PayaraMicroServer, ServerError, TomcatServer,
                            read_properties)
from pyframework.utils.compat import JYTHON

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

SERVER_FIXTURES = ["tomcat", "payara"]

# Start-up and deploy durations, printed in the terminal summary.
TIMINGS = []


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # The marker itself is registered by tests/conftest.py. tryfirst: it must
    # be on the items before "-m" deselection or the Jython skip looks at them.
    for item in items:
        if str(item.fspath).startswith(HERE + os.sep):
            item.add_marker(pytest.mark.cpython_only(
                reason="starts JVM servers and talks to them over HTTP"))


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.section("deployment timings")
        for line in TIMINGS:
            terminalreporter.write_line(line)


def announce(config, message):
    """Show progress right away, even while pytest captures output."""
    capture = config.pluginmanager.getplugin("capturemanager")
    writer = config.pluginmanager.getplugin("terminalreporter")
    if capture is None or writer is None:
        return
    with capture.global_and_fixture_disabled():
        writer.write_line("[deploy] " + message)


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
               for key in ("tomcat.home", "payara.micro.jar"))


@pytest.fixture(scope="session")
def server_distributions(request):
    """Locations of the pinned servers, downloaded on first use."""
    if JYTHON or sys.version_info[0] < 3:
        pytest.skip("deployment tests drive external servers from CPython only")
    if not servers_are_fetched():
        announce(request.config, "fetching the pinned servers (first download is ~115 MB)")
        run_gradle(request.config, ["fetchServers"], ROOT,
                   "Fetching the test servers")
    return read_properties(SERVERS_PROPERTIES)


@pytest.fixture(scope="session")
def war_path(request):
    """The example project's WAR, built once per session."""
    override = os.environ.get(WAR_OVERRIDE_VARIABLE)
    if override:
        if not os.path.isfile(override):
            pytest.fail("%s names %s, which is not a file" % (WAR_OVERRIDE_VARIABLE, override),
                        pytrace=False)
        return os.path.abspath(override)
    if not os.path.isfile(os.path.join(EXAMPLE_PROJECT, "build.gradle")):
        pytest.fail("No WAR to deploy: %s has no build.gradle (or set %s to a WAR file)"
                    % (EXAMPLE_PROJECT, WAR_OVERRIDE_VARIABLE), pytrace=False)
    stage_project()
    run_gradle(request.config, ["-q", "-PpyframeworkHome=%s" % ROOT, "-PpyframeworkSettings=deploy_probe.settings",
                                "war"], STAGED_PROJECT, "Building the example WAR (with tests/deploy/deploy_probe)")
    if not os.path.isfile(EXAMPLE_WAR):
        pytest.fail("'gradle war' in %s succeeded but produced no %s"
                    % (EXAMPLE_PROJECT, EXAMPLE_WAR), pytrace=False)
    return EXAMPLE_WAR


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


def deployed(request, server_class, **options):
    """Start a ``server_class`` serving the WAR until the session ends; return its base URL.

    ``options`` go to the ``server_class`` constructor.
    """
    distributions = request.getfixturevalue("server_distributions")
    war = request.getfixturevalue("war_path")
    workdir = str(request.getfixturevalue("tmp_path_factory").mktemp(server_class.__name__))
    server = server_class(workdir, war, distributions, **options)
    request.addfinalizer(server.stop)
    TIMINGS.append("%s version: %s" % (server.name, server.version))
    announce(request.config, "starting %s %s on port %d (log: %s)"
             % (server.name, server.version, server.port, server.log_path))
    problem = None
    try:
        server.start()
    except ServerError as error:
        problem = str(error)
    TIMINGS.extend(server.timings)
    for line in server.timings:
        announce(request.config, line)
    if problem:
        # Failing outside the except block keeps the report to one message.
        pytest.fail(problem, pytrace=False)
    return server.base_url


@pytest.fixture(scope="session")
def tomcat(request):
    """Base URL (ending in /mysite) of a stand-alone Tomcat serving the WAR."""
    return deployed(request, TomcatServer)


@pytest.fixture(scope="session")
def payara(request):
    """Base URL (ending in /mysite) of a Payara Micro instance serving the WAR."""
    return deployed(request, PayaraMicroServer)


@pytest.fixture(scope="session", params=SERVER_FIXTURES)
def server(request):
    """Base URL of each server in turn; tests using it run once per server."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="session")
def deploy_war_on(request):
    """``deploy_war_on(server_class, **options)``: one more server serving the WAR, e.g. with
    a different database configuration; it runs until the session ends. Returns its base URL.
    """
    def deploy(server_class, **options):
        return deployed(request, server_class, **options)
    return deploy
