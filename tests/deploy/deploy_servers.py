"""Start and stop real servlet containers with the example WAR deployed.

Each server runs as its own process group with private, throw-away
configuration under a temporary directory, listens on a free loopback port
and writes its console output to a log file whose tail ends up in every
failure message. Stopping is SIGTERM (graceful), then SIGKILL for the whole
group, so a failed test run never leaves a server behind.
"""
from __future__ import absolute_import, division, unicode_literals

import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

from deploy_http import fetch
from deploy_manage import create_superuser, embedded_h2_environment

# Generous: the JVM, the container and the Jython runtime in the WAR all
# start cold, and the build machine may be busy.
READY_TIMEOUT_SECONDS = 240
STOP_TIMEOUT_SECONDS = 30
# Lets a lying Content-Length test end quickly instead of after the
# containers' default 20-60 seconds.
READ_TIMEOUT_MILLIS = 3000
LOG_TAIL_LINES = 60
FAILURE_EXCERPT_LINES = 12
CONTEXT_PATH = "/mysite"
# Every server started in this session, by base URL: tests that need more than the URL.
STARTED_SERVERS = {}


def _load_prctl():
    """libc's prctl on CPython/Linux, else None; looked up before any fork."""
    if not sys.platform.startswith("linux"):  # Jython reports "java..."
        return None
    try:
        import ctypes
        return ctypes.CDLL(None).prctl
    except (ImportError, OSError, AttributeError):
        return None


_PRCTL = _load_prctl()
_PR_SET_PDEATHSIG = 1


def _own_session_tied_to_parent():
    """Runs in the child before exec: own process group, dies with pytest.

    The process group lets stop() signal every child the server spawns; the
    parent-death signal (Linux) ends the server even if pytest itself is
    killed before its teardown can run.
    """
    os.setsid()
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGTERM)


def signal_group(process, signal_number):
    try:
        os.killpg(process.pid, signal_number)
    except OSError as error:
        if error.errno != errno.ESRCH:  # the group is already gone
            raise


def stop_process_group(process, timeout=STOP_TIMEOUT_SECONDS):
    """SIGTERM the process group ``process`` leads, wait up to ``timeout`` seconds, then SIGKILL it."""
    signal_group(process, signal.SIGTERM)
    deadline = time.time() + timeout
    while process.poll() is None and time.time() < deadline:
        time.sleep(0.2)
    # Also ends children that outlived a graceful leader.
    signal_group(process, signal.SIGKILL)
    process.wait()


class ServerError(Exception):
    """A server could not be prepared, started or reached."""


def free_loopback_port():
    """Return a TCP port on 127.0.0.1 that nobody listens on right now."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
    finally:
        probe.close()


def read_properties(path):
    """Parse a flat ``key=value`` file such as build/servers/servers.properties."""
    values = {}
    with open(path) as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                values[key.strip()] = value.strip()
    return values


def log_tail(path, lines=LOG_TAIL_LINES):
    try:
        with open(path, "rb") as log:
            text = log.read().decode("utf-8", "replace")
    except (IOError, OSError):
        return "(no log at %s)" % path
    return "\n".join(text.splitlines()[-lines:])


class ServerProcess(object):
    """One container process serving the WAR under CONTEXT_PATH."""

    name = "server"
    # Keys of build/servers/servers.properties (written by gradle/servers.gradle).
    location_property = None
    version_property = None
    # Log lines (bytes) that mean the deployment failed for good.
    deployment_failure_markers = ()

    def __init__(self, workdir, war_path, distributions, superuser=False):
        self.workdir = workdir
        # Whether the embedded database gets its tables and the admin superuser
        # (deploy_manage) before the server starts.
        self.superuser = superuser
        self.war_path = war_path
        self.location = distributions[self.location_property]
        self.version = distributions[self.version_property]
        self.port = free_loopback_port()
        self.log_path = os.path.join(workdir, "console.log")
        self.process = None
        self.timings = []

    @property
    def root_url(self):
        return "http://127.0.0.1:%d" % self.port

    @property
    def base_url(self):
        return self.root_url + CONTEXT_PATH

    def command(self):
        raise NotImplementedError

    def environment(self):
        return dict(os.environ)

    def extra_logs(self):
        """Log files besides the console output worth showing on failure."""
        return []

    def launch(self):
        log = open(self.log_path, "ab")
        try:
            self.process = subprocess.Popen(
                self.command(), cwd=self.workdir, env=self.environment(),
                stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=_own_session_tied_to_parent)
        except OSError as error:
            raise ServerError("%s: could not run %s: %s" % (self.name, self.command()[0], error))
        finally:
            log.close()

    def failure(self, message):
        parts = ["%s: %s" % (self.name, message),
                 "--- last lines of %s ---" % self.log_path, log_tail(self.log_path)]
        for path in self.extra_logs():
            parts.extend(["--- last lines of %s ---" % path, log_tail(path)])
        return ServerError("\n".join(parts))

    def deployment_failure(self):
        """The log lines explaining a failed deployment, or None.

        Both containers keep running after a failed deployment; without this
        check a broken WAR would cost the whole readiness timeout.
        """
        for path in [self.log_path] + self.extra_logs():
            try:
                with open(path, "rb") as log:
                    lines = log.read().splitlines()
            except (IOError, OSError):
                continue
            for number, line in enumerate(lines):
                if any(marker in line for marker in self.deployment_failure_markers):
                    excerpt = lines[number:number + FAILURE_EXCERPT_LINES]
                    return b"\n".join(excerpt).decode("utf-8", "replace")
        return None

    def wait_for(self, url, accept, timeout=READY_TIMEOUT_SECONDS):
        """Poll ``url`` until ``accept(status)`` holds; return the seconds it took."""
        started = time.time()
        last_seen = "no answer yet"
        while time.time() - started < timeout:
            if self.process.poll() is not None:
                raise self.failure("exited with code %s while waiting for %s"
                                   % (self.process.returncode, url))
            explanation = self.deployment_failure()
            if explanation:
                raise self.failure("the WAR failed to deploy:\n%s" % explanation)
            try:
                status = fetch(url, timeout=10).status
            except (IOError, OSError, socket.error) as error:
                last_seen = "connection error: %s" % error
            else:
                if accept(status):
                    return time.time() - started
                last_seen = "HTTP %d" % status
            time.sleep(0.25)
        raise self.failure("%s not ready after %d s (last: %s)" % (url, timeout, last_seen))

    def temporary_directory(self):
        """The server JVM's java.io.tmpdir, where the WAR keeps its embedded database."""
        raise NotImplementedError

    def seed_embedded_database(self):
        """With ``superuser``: migrate the embedded database and create the admin superuser in it.

        Runs before the server opens the database file (H2 locks it while it is open).
        """
        if self.superuser:
            folder = self.temporary_directory()
            if not os.path.isdir(folder):
                os.makedirs(folder)
            try:
                seconds = create_superuser(embedded_h2_environment(folder))
            except Exception as error:
                raise ServerError("%s: could not create the superuser in the embedded database: %s"
                                  % (self.name, error))
            self.record("superuser (manage.py migrate + createsuperuser)", seconds)

    def record(self, label, seconds):
        self.timings.append("%s %s: %.1f s" % (self.name, label, seconds))

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        stop_process_group(self.process)
        for path in self.bulky_paths():
            shutil.rmtree(path, ignore_errors=True)

    def bulky_paths(self):
        """Unpacked copies of the WAR and runtime: removed after stop, logs stay."""
        return []


TOMCAT_SERVER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Private test instance: loopback only, no shutdown port, no AJP. -->
<Server port="-1" shutdown="SHUTDOWN">
  <Listener className="org.apache.catalina.startup.VersionLoggerListener" />
  <Service name="Catalina">
    <Connector address="127.0.0.1" port="%(port)d" protocol="HTTP/1.1"
               connectionTimeout="%(read_timeout)d" URIEncoding="UTF-8" />
    <Engine name="Catalina" defaultHost="localhost" backgroundProcessorDelay="1">
      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="true" />
    </Engine>
  </Service>
</Server>
"""


class TomcatServer(ServerProcess):
    """Stand-alone Tomcat: a private CATALINA_BASE, the WAR hot-deployed by copy."""

    name = "Tomcat"
    deployment_failure_markers = (
        b"Error deploying web application archive",
        b"One or more listeners failed to start",
        b"One or more Filters failed to start",
        b"threw load() exception",
        b"Context [/mysite] startup failed",
    )

    location_property = "tomcat.home"
    version_property = "tomcat.version"

    def __init__(self, workdir, war_path, distributions, superuser=False):
        super(TomcatServer, self).__init__(workdir, war_path, distributions, superuser)
        self.catalina_home = self.location
        self.catalina_base = os.path.join(workdir, "catalina-base")

    def prepare_base(self):
        conf = os.path.join(self.catalina_base, "conf")
        shutil.copytree(os.path.join(self.catalina_home, "conf"), conf)
        for folder in ("logs", "temp", "webapps", "work"):
            os.makedirs(os.path.join(self.catalina_base, folder))
        with open(os.path.join(conf, "server.xml"), "w") as server_xml:
            server_xml.write(TOMCAT_SERVER_XML % {
                "port": self.port, "read_timeout": READ_TIMEOUT_MILLIS})

    def command(self):
        # "run" keeps Tomcat in the foreground; catalina.sh execs the JVM, so
        # the process we hold is the server itself.
        return ["sh", os.path.join(self.catalina_home, "bin", "catalina.sh"), "run"]

    def environment(self):
        env = super(TomcatServer, self).environment()
        env["CATALINA_HOME"] = self.catalina_home
        env["CATALINA_BASE"] = self.catalina_base
        env.pop("CATALINA_PID", None)
        return env

    def extra_logs(self):
        logs = os.path.join(self.catalina_base, "logs")
        if not os.path.isdir(logs):
            return []
        return [os.path.join(logs, name) for name in sorted(os.listdir(logs))
                if name.startswith(("catalina.", "localhost."))]

    def bulky_paths(self):
        return [os.path.join(self.catalina_base, folder) for folder in ("webapps", "work", "temp")]

    def temporary_directory(self):
        return os.path.join(self.catalina_base, "temp")  # catalina.sh's CATALINA_TMPDIR

    def start(self):
        self.prepare_base()
        self.seed_embedded_database()
        started = time.time()
        self.launch()
        # Any HTTP answer (404: nothing deployed yet) means the connector is up.
        self.wait_for(self.root_url + "/", lambda status: status > 0)
        self.record("start-up (JVM launch to connector answering)", time.time() - started)
        webapps = os.path.join(self.catalina_base, "webapps")
        # Copy under a name the deployer ignores, then rename atomically, so
        # Tomcat never deploys a half-copied archive.
        partial = os.path.join(webapps, "mysite.war.part")
        copy_started = time.time()
        shutil.copyfile(self.war_path, partial)
        os.rename(partial, os.path.join(webapps, "mysite.war"))
        self.wait_for(self.base_url + "/", lambda status: status == 200)
        self.record("deploy (WAR copy to first 200 of /mysite/)", time.time() - copy_started)


class Tomcat11Server(TomcatServer):
    """The same stand-alone set-up on Tomcat 11 (Jakarta Servlet 6.1)."""

    name = "Tomcat 11"
    location_property = "tomcat11.home"
    version_property = "tomcat11.version"


# asadmin commands applied before boot: listen on loopback only, give up on
# a stalled request body as quickly as the Tomcat connector does, and leave
# X-Frame-Options to the application (Payara adds SAMEORIGIN by default).
PAYARA_PREBOOT_COMMANDS = """\
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
set configs.config.server-config.network-config.transports.transport.tcp.read-timeout-millis=%(read_timeout)d
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xframe-options=false
"""


class PayaraMicroServer(ServerProcess):
    """Payara Micro 6 (GlassFish-derived): boots and deploys the WAR in one go."""

    name = "Payara Micro"
    deployment_failure_markers = (b"Exception while deploying the app",)

    location_property = "payara.micro.jar"
    version_property = "payara.micro.version"

    def temporary_directory(self):
        return self.bulky_paths()[0]  # -Djava.io.tmpdir in command()

    def command(self):
        root, runtime = self.bulky_paths()
        if not os.path.isdir(root):
            os.makedirs(root)  # Payara refuses a --rootdir that does not exist
        preboot = os.path.join(self.workdir, "preboot.asadmin")
        with open(preboot, "w") as commands:
            commands.write(PAYARA_PREBOOT_COMMANDS % {"read_timeout": READ_TIMEOUT_MILLIS})
        return [
            # A private temporary directory, like Tomcat's CATALINA_BASE/temp: the
            # example's embedded database lives there.
            "java", "-Djava.io.tmpdir=" + root, "-jar", self.location,
            "--deploy", self.war_path,
            "--contextroot", CONTEXT_PATH.lstrip("/"),
            "--port", str(self.port),
            "--nocluster",
            "--nohazelcast",
            "--disablephonehome",
            "--prebootcommandfile", preboot,
            "--rootdir", root,
            "--unpackdir", runtime,
        ]

    def bulky_paths(self):
        return [os.path.join(self.workdir, folder) for folder in ("root", "runtime")]

    def start(self):
        self.seed_embedded_database()
        started = time.time()
        self.launch()
        self.wait_for(self.base_url + "/", lambda status: status == 200)
        self.record("boot + deploy (JVM launch to first 200 of /mysite/)", time.time() - started)
