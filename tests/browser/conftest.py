"""Fixtures of the browser tests: a headless Chromium, and the example project served two ways.

``site`` is parametrized, so each test runs against the dev server (CPython,
sqlite3) and against the example WAR on a stand-alone Tomcat (Jython, embedded
H2). Both sites start with the admin superuser already in their database
(tests/deploy/deploy_manage.py). Screenshots go to build/browser-screenshots/.

Every test here is ``cpython_only``: it drives a browser and servers in
subprocesses. Nothing skips when Chromium, a server or the WAR is missing: the
set-up installs or builds what it can and otherwise fails saying what to fix.
"""
from __future__ import absolute_import, division, unicode_literals

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
DEPLOY = os.path.join(os.path.dirname(HERE), "deploy")
if DEPLOY not in sys.path:
    sys.path.insert(0, DEPLOY)

import deploy_build  # noqa: E402
from browser_sites import DevServerSite  # noqa: E402
from browser_support import BrowserPage, start_chromium  # noqa: E402
from deploy_servers import ServerError, TomcatServer  # noqa: E402
from pyframework.utils.compat import JYTHON  # noqa: E402

SITE_FIXTURES = ["devserver_site", "tomcat_site"]
TIMINGS = []


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    deploy_build.mark_cpython_only(items, HERE, "drives Chromium and servers in subprocesses")


def pytest_terminal_summary(terminalreporter):
    deploy_build.write_timings(terminalreporter, "browser test timings", TIMINGS)


def started(request, server):
    request.addfinalizer(server.stop)
    deploy_build.announce(request.config, "starting %s on port %d (log: %s)"
                          % (server.name, server.port, server.log_path), prefix="[browser] ")
    problem = None
    try:
        server.start()
    except ServerError as error:
        problem = str(error)
    TIMINGS.extend(server.timings)
    if problem:
        pytest.fail(problem, pytrace=False)
    return server.base_url


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the session; each test starts without cookies."""
    if JYTHON:
        pytest.skip("the browser tests run on CPython")
    driver = start_chromium()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def devserver_site(request, tmp_path_factory):
    """Base URL of the example project on ``manage.py runserver``."""
    return started(request, DevServerSite(str(tmp_path_factory.mktemp("devserver"))))


@pytest.fixture(scope="session")
def tomcat_site(request, tmp_path_factory):
    """Base URL (ending in /mysite) of the example WAR on a stand-alone Tomcat."""
    war = deploy_build.example_war(request.config)
    distributions = deploy_build.server_distributions(request.config)
    server = TomcatServer(str(tmp_path_factory.mktemp("tomcat-browser")), war, distributions, superuser=True)
    return started(request, server)


@pytest.fixture(params=SITE_FIXTURES, ids=["devserver", "tomcat"])
def page(request, chromium):
    """The browser on each site in turn, with no cookies: a visitor who is not logged in."""
    base = request.getfixturevalue(request.param)
    chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})
    return BrowserPage(chromium, base, "devserver" if request.param == "devserver_site" else "tomcat")
