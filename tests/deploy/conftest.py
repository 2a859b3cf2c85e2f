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
import sys

import pytest

import deploy_build
from deploy_build import announce
from deploy_glassfish import GlassfishServer, postgres_settings
from deploy_servers import STARTED_SERVERS, PayaraMicroServer, ServerError, Tomcat11Server, TomcatServer
from pyframework.utils.compat import JYTHON

HERE = os.path.dirname(os.path.abspath(__file__))

SERVER_FIXTURES = ["tomcat", "tomcat11", "payara", "glassfish"]

# Start-up and deploy durations, printed in the terminal summary.
TIMINGS = []


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # The marker itself is registered by tests/conftest.py.
    deploy_build.mark_cpython_only(items, HERE, "starts JVM servers and talks to them over HTTP")


def pytest_terminal_summary(terminalreporter):
    deploy_build.write_timings(terminalreporter, "deployment timings", TIMINGS)


@pytest.fixture(scope="session")
def server_distributions(request):
    """Locations of the pinned servers, downloaded on first use."""
    if JYTHON or sys.version_info[0] < 3:
        pytest.skip("deployment tests drive external servers from CPython only")
    return deploy_build.server_distributions(request.config)


@pytest.fixture(scope="session")
def war_path(request):
    """The example project's WAR, built once per session."""
    return deploy_build.example_war(request.config)


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
    STARTED_SERVERS[server.base_url] = server
    return server.base_url


@pytest.fixture(scope="session")
def tomcat(request):
    """Base URL (ending in /mysite) of a stand-alone Tomcat serving the WAR; its embedded
    database has the admin superuser (deploy_manage.ADMIN_USERNAME)."""
    return deployed(request, TomcatServer, superuser=True)


@pytest.fixture(scope="session")
def tomcat11(request):
    """Base URL (ending in /mysite) of a stand-alone Tomcat 11 serving the WAR; its embedded
    database has the admin superuser (deploy_manage.ADMIN_USERNAME)."""
    return deployed(request, Tomcat11Server, superuser=True)


@pytest.fixture(scope="session")
def glassfish(request):
    """Base URL (ending in /mysite) of Eclipse GlassFish 7 serving the WAR, its database a JDBC
    pool (JNDI jdbc/mysite) on the private PostgreSQL of tests/dbservers.sh, which has the admin
    superuser (deploy_manage.ADMIN_USERNAME)."""
    postgres = postgres_settings()
    if postgres is None:
        pytest.fail("The GlassFish deployment needs PostgreSQL: set PYFRAMEWORK_TEST_POSTGRES_URL "
                    "(eval \"$(bash tests/dbservers.sh start)\")", pytrace=False)
    return deployed(request, GlassfishServer, postgres=postgres, superuser=True)


@pytest.fixture(scope="session")
def payara(request):
    """Base URL (ending in /mysite) of a Payara Micro instance serving the WAR; its embedded
    database has the admin superuser (deploy_manage.ADMIN_USERNAME)."""
    return deployed(request, PayaraMicroServer, superuser=True)


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
