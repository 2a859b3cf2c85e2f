"""Hot redeploy on a running Tomcat: the embedded H2 kept open for the life of the application.

The example keeps its H2 file database open while it runs (``CONN_MAX_AGE = None``,
``DB_CLOSE_DELAY=-1``). When Tomcat undeploys the WAR, the servlet's ``destroy()`` calls the
application's ``shutdown()``, which closes every thread's connection and sends H2 ``SHUTDOWN``.
Without that, the old deployment's database engine would still hold the file lock in the same
JVM and the new deployment's migrate-on-start-up would fail to open it.
"""
from __future__ import absolute_import, division, unicode_literals

import os
import shutil
import time

import pytest

from deploy_http import fetch
from deploy_servers import STARTED_SERVERS, TomcatServer


@pytest.fixture(scope="module")
def fresh_tomcat(deploy_war_on):
    # No superuser: nothing touches the database before the WAR migrates it at start-up.
    base = deploy_war_on(TomcatServer)
    return STARTED_SERVERS[base]


def served_log(server):
    text = []
    for path in server.extra_logs():
        with open(path, "rb") as log:
            text.append(log.read().decode("utf-8", "replace"))
    return "\n".join(text)


def test_undeploy_then_deploy_again_on_the_same_tomcat(fresh_tomcat, war_path):
    server = fresh_tomcat
    assert fetch(server.base_url + "/blog/").status == 200  # migrated at start-up, queried
    webapps = os.path.join(server.catalina_base, "webapps")
    os.remove(os.path.join(webapps, "mysite.war"))
    server.wait_for(server.base_url + "/", lambda status: status == 404, timeout=120)
    # Tomcat unmaps the context first and destroys the servlet afterwards (after waiting up to its
    # unloadDelay for requests still running): wait for the servlet's log line.
    deadline = time.time() + 60
    log = served_log(server)
    while "Python application shut down" not in log and time.time() < deadline:
        time.sleep(0.5)
        log = served_log(server)
    assert "Python application shut down" in log, log[-3000:]
    assert "Error in the Python application's shutdown" not in log

    started = time.time()
    partial = os.path.join(webapps, "mysite.war.part")
    shutil.copyfile(war_path, partial)
    os.rename(partial, os.path.join(webapps, "mysite.war"))
    server.wait_for(server.base_url + "/", lambda status: status == 200)
    server.record("redeploy (WAR copy to first 200, same JVM)", time.time() - started)
    # The same database file, opened again by the new deployment (its migrations: nothing to do).
    page = fetch(server.base_url + "/blog/")
    assert page.status == 200, page
