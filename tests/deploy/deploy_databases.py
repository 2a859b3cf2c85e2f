"""Databases for the deployment tests: an H2 TCP server, and a Tomcat that pools it behind JNDI.

The H2 server runs in its own JVM and process group, so a test can stop it
while the web application is connected (the database "goes away") and start
it again on the same port and files (the database "comes back").
"""
from __future__ import absolute_import, division, unicode_literals

import os
import shutil
import socket
import subprocess
import time

from deploy_servers import (ServerError, TomcatServer, _own_session_tied_to_parent, free_loopback_port,
                            log_tail)

H2_READY_TIMEOUT_SECONDS = 60
H2_STOP_TIMEOUT_SECONDS = 20
JNDI_NAME = "jdbc/mysite"

# Tomcat's DBCP pool, declared for every web application of the private
# Tomcat (conf/context.xml). testOnBorrow + validationQuery hand out only
# connections that still work, so the pool recovers after a database outage.
JNDI_RESOURCE = """\
  <Resource name="%(name)s" auth="Container" type="javax.sql.DataSource"
            driverClassName="org.h2.Driver" url="%(url)s" username="sa" password=""
            maxTotal="8" maxIdle="4" maxWaitMillis="10000"
            validationQuery="SELECT 1" testOnBorrow="true" />
"""


class H2TcpServer(object):
    """``org.h2.tools.Server -tcp`` on a free loopback port, keeping its files in ``workdir``."""

    def __init__(self, workdir, h2_jar):
        self.workdir = workdir
        self.h2_jar = h2_jar
        self.port = free_loopback_port()
        self.base_dir = os.path.join(workdir, "h2-data")
        self.log_path = os.path.join(workdir, "h2.log")
        self.process = None

    def url(self, database="mysite"):
        return "jdbc:h2:tcp://127.0.0.1:%d/%s" % (self.port, database)

    def start(self):
        # -ifNotExists lets the first client create the database remotely.
        command = ["java", "-cp", self.h2_jar, "org.h2.tools.Server", "-tcp", "-tcpPort", str(self.port),
                   "-baseDir", self.base_dir, "-ifNotExists"]
        log = open(self.log_path, "ab")
        try:
            self.process = subprocess.Popen(command, cwd=self.workdir, stdin=subprocess.PIPE, stdout=log,
                                            stderr=subprocess.STDOUT, preexec_fn=_own_session_tied_to_parent)
        except OSError as error:
            raise ServerError("H2: could not run java: %s" % error)
        finally:
            log.close()
        deadline = time.time() + H2_READY_TIMEOUT_SECONDS
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise ServerError("H2 exited with code %s:\n%s" % (self.process.returncode, log_tail(self.log_path)))
            if self.accepts_connections():
                return
            time.sleep(0.2)
        raise ServerError("H2 not listening on port %d after %d s:\n%s"
                          % (self.port, H2_READY_TIMEOUT_SECONDS, log_tail(self.log_path)))

    def accepts_connections(self):
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=2).close()
            return True
        except (IOError, OSError, socket.error):
            return False

    def stop(self):
        """Shut the server down under its clients: their connections break.

        SIGTERM, not SIGKILL: H2 closes its databases in a JVM shutdown hook,
        so committed data is on disk when the server comes back.
        """
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        deadline = time.time() + H2_STOP_TIMEOUT_SECONDS
        while self.process.poll() is None and time.time() < deadline:
            time.sleep(0.2)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


class JndiTomcatServer(TomcatServer):
    """A Tomcat whose web applications find ``java:comp/env/jdbc/mysite``, a pooled H2 TCP database.

    The pool is Tomcat's, so the H2 driver goes into Tomcat's own lib/
    folder, and the WAR is told the JNDI name through the environment.
    """

    name = "Tomcat (JNDI DataSource)"

    def __init__(self, workdir, war_path, distributions, database_url, h2_jar):
        super(JndiTomcatServer, self).__init__(workdir, war_path, distributions)
        self.database_url = database_url
        self.h2_jar = h2_jar

    def prepare_base(self):
        super(JndiTomcatServer, self).prepare_base()
        lib = os.path.join(self.catalina_base, "lib")
        os.makedirs(lib)
        shutil.copy(self.h2_jar, lib)
        context_xml = os.path.join(self.catalina_base, "conf", "context.xml")
        with open(context_xml) as existing:
            text = existing.read()
        resource = JNDI_RESOURCE % {"name": JNDI_NAME, "url": self.database_url}
        with open(context_xml, "w") as updated:
            updated.write(text.replace("</Context>", resource + "</Context>"))

    def environment(self):
        env = super(JndiTomcatServer, self).environment()
        env["PYFRAMEWORK_DB_JNDI"] = "java:comp/env/" + JNDI_NAME
        env["PYFRAMEWORK_DB_DIALECT"] = "h2"
        # A fresh database server: the site creates its tables itself.
        env["PYFRAMEWORK_MIGRATE_ON_STARTUP"] = "1"
        return env
