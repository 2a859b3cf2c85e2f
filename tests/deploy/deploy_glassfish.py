"""Eclipse GlassFish 7 serving the example WAR from a JDBC pool on the private PostgreSQL.

Set up as a GlassFish administrator does it, with asadmin only:

    asadmin create-domain --portbase B     a private domain under build/glassfish-domains/
    (domain.xml: every listener on 127.0.0.1; the PostgreSQL driver in the domain's lib/)
    asadmin start-domain                   the server inherits PYFRAMEWORK_DB_JNDI=jdbc/mysite
    asadmin create-jdbc-connection-pool    org.postgresql.ds.PGSimpleDataSource, validated
    asadmin create-jdbc-resource           jdbc/mysite, the JNDI name the settings read
    asadmin deploy --contextroot mysite    the WAR; its migrations create the tables at start-up

The database is a fresh one on the PostgreSQL of tests/dbservers.sh
(PYFRAMEWORK_TEST_POSTGRES_URL...), created with psql.
"""
from __future__ import absolute_import, division, unicode_literals

import errno
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import uuid

from deploy_manage import create_superuser
from deploy_servers import CONTEXT_PATH, READ_TIMEOUT_MILLIS, ServerError, ServerProcess, _own_session_tied_to_parent

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOMAINS_DIR = os.path.join(ROOT, "build", "glassfish-domains")
JDBC_DRIVERS = os.path.join(ROOT, "build", "jdbc")
DOMAIN = "domain1"
POOL = "mysite-pool"
JNDI_NAME = "jdbc/mysite"
ASADMIN_TIMEOUT_SECONDS = 300
# create-domain --portbase B gives the domain's ports at fixed offsets from B.
PORT_OFFSETS = {"admin": 48, "http": 80, "https": 81, "iiop": 37, "iiop_ssl": 38, "iiop_mutual": 39,
                "jms": 76, "jmx": 86, "osgi_shell": 66, "debug": 9}


def free_port_base():
    """A multiple of 100 whose every GlassFish port offset is free on 127.0.0.1."""
    for _ in range(200):
        base = 100 * (200 + int(uuid.uuid4().int % 400))  # 20000..59900
        if all(_port_is_free(base + offset) for offset in PORT_OFFSETS.values()):
            return base
    raise ServerError("GlassFish: no free port base found between 20000 and 60000")


def _port_is_free(port):
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind(("127.0.0.1", port))
        return True
    except (IOError, OSError, socket.error):
        return False
    finally:
        probe.close()


def postgres_settings():
    """Host, port, user and password of the test PostgreSQL, or None when none is configured."""
    url = os.environ.get("PYFRAMEWORK_TEST_POSTGRES_URL", "")
    match = re.match(r"jdbc:postgresql://([^:/]+)(?::(\d+))?/", url)
    if not match:
        return None
    return {"host": match.group(1), "port": int(match.group(2) or 5432),
            "user": os.environ.get("PYFRAMEWORK_TEST_POSTGRES_USER", "postgres"),
            "password": os.environ.get("PYFRAMEWORK_TEST_POSTGRES_PASSWORD", "")}


def psql(postgres, database, sql):
    """Run one SQL statement with psql; return its unaligned, tuples-only output."""
    environment = dict(os.environ, PGPASSWORD=postgres["password"])
    command = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", postgres["host"],
               "-p", str(postgres["port"]), "-U", postgres["user"], "-d", database, "-c", sql]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment)
    except OSError as error:
        raise ServerError("psql (Debian's postgresql-client) is needed: %s" % error)
    output = process.communicate()[0].decode("utf-8", "replace")
    if process.returncode != 0:
        raise ServerError("psql %s failed: %s" % (sql, output))
    return output


def _asadmin_property(value):
    """A value inside asadmin's --property a=b:c=d syntax: ':' and '=' escaped, '()' for empty."""
    if value == "":
        return "()"
    return re.sub(r"([:=\\])", r"\\\1", value)


class _DomainProcess(object):
    """poll() for the server JVM that start-domain left running (its pid file)."""

    def __init__(self, pid_file):
        self.pid_file = pid_file
        self.returncode = None

    def pid(self):
        try:
            with open(self.pid_file) as handle:
                return int(handle.read().strip())
        except (IOError, OSError, ValueError):
            return None

    def poll(self):
        pid = self.pid()
        if pid is None:
            return None  # not written yet
        try:
            os.kill(pid, 0)
        except OSError as error:
            if error.errno == errno.ESRCH:
                self.returncode = "gone"
                return self.returncode
        return None


class GlassfishServer(ServerProcess):
    """Eclipse GlassFish 7 (full platform) in a private domain, the WAR reading PostgreSQL by JNDI."""

    name = "GlassFish"
    location_property = "glassfish.home"
    version_property = "glassfish.version"
    deployment_failure_markers = (b"Exception while deploying the app", b"Exception while loading the app")

    def __init__(self, workdir, war_path, distributions, postgres, superuser=False):
        super(GlassfishServer, self).__init__(workdir, war_path, distributions)
        self.postgres = postgres
        # Whether the database gets its tables and the admin superuser before the deployment,
        # from CPython's manage.py as an operator does it (the site's start-up migrate then has
        # nothing left to do).
        self.seed_superuser = superuser
        self.database = "mysite_glassfish_%s" % uuid.uuid4().hex[:10]
        self.port_base = free_port_base()
        self.port = self.port_base + PORT_OFFSETS["http"]
        self.admin_port = self.port_base + PORT_OFFSETS["admin"]
        self.domain_dir = os.path.join(DOMAINS_DIR, os.path.basename(workdir) + "-%d" % os.getpid())
        self.server_log = os.path.join(self.domain_dir, DOMAIN, "logs", "server.log")
        self.group = None

    def asadmin_path(self):
        return os.path.join(self.location, "bin", "asadmin")

    def asadmin(self, *arguments, **options):
        """Run ``asadmin ARGUMENTS`` (output into console.log); raise a ServerError when it fails."""
        command = [self.asadmin_path(), "--interactive=false"] + list(arguments)
        environment = dict(os.environ, AS_JAVA=os.environ.get("JAVA_HOME", ""), **options.get("env", {}))
        if not environment["AS_JAVA"]:
            del environment["AS_JAVA"]
        with open(self.log_path, "ab") as log:
            log.write(("$ %s\n" % " ".join(command)).encode("utf-8"))
            log.flush()
            try:
                # Own session: start-domain's server JVM stays in this process group, which
                # stop() signals if stop-domain does not end it.
                process = subprocess.Popen(command, cwd=self.workdir, env=environment, stdin=subprocess.PIPE,
                                           stdout=log, stderr=subprocess.STDOUT,
                                           preexec_fn=_own_session_tied_to_parent if options.get("leader") else None)
            except OSError as error:
                raise ServerError("GlassFish: could not run %s: %s" % (command[0], error))
            if options.get("leader"):
                self.group = process.pid
            deadline = time.time() + ASADMIN_TIMEOUT_SECONDS
            while process.poll() is None and time.time() < deadline:
                time.sleep(0.2)
            if process.poll() is None:
                process.kill()
                process.wait()
                raise self.failure("asadmin %s did not finish in %d s" % (arguments[0], ASADMIN_TIMEOUT_SECONDS))
        if process.returncode != 0:
            raise self.failure("asadmin %s failed (exit %d)" % (" ".join(arguments), process.returncode))

    def remote(self, *arguments):
        self.asadmin("--host", "127.0.0.1", "--port", str(self.admin_port), *arguments)

    def extra_logs(self):
        return [self.server_log]

    def create_domain(self):
        if not os.path.isdir(DOMAINS_DIR):
            os.makedirs(DOMAINS_DIR)
        self.asadmin("create-domain", "--domaindir", self.domain_dir, "--portbase", str(self.port_base),
                     "--nopassword=true", "--checkports=true", DOMAIN)
        config = os.path.join(self.domain_dir, DOMAIN, "config", "domain.xml")
        with open(config) as handle:
            text = handle.read()
        # Loopback only, every listener; a stalled request body ends as quickly as on Tomcat.
        text = text.replace('address="0.0.0.0"', 'address="127.0.0.1"').replace("address=*:", "address=127.0.0.1:")
        text = re.sub(r"<network-listener (?![^>]*address=)", '<network-listener address="127.0.0.1" ', text)
        text = re.sub(r'<transport name="tcp"(?![^>]*read-timeout)',
                      '<transport name="tcp" read-timeout-millis="%d"' % READ_TIMEOUT_MILLIS, text)
        with open(config, "w") as handle:
            handle.write(text)
        drivers = glob.glob(os.path.join(JDBC_DRIVERS, "postgresql-*.jar"))
        if not drivers:
            raise ServerError("GlassFish: no PostgreSQL driver in %s (gradle jdbcDrivers)" % JDBC_DRIVERS)
        # The domain's lib/ is on the common class loader: the pool's driver goes there
        # (what `asadmin add-library` does on a running server).
        shutil.copy(drivers[0], os.path.join(self.domain_dir, DOMAIN, "lib"))

    def pool_and_deploy_commands(self):
        """The asadmin commands run against the started domain, one per line (multimode)."""
        properties = ":".join("%s=%s" % (name, _asadmin_property(value)) for name, value in [
            ("serverName", self.postgres["host"]), ("portNumber", str(self.postgres["port"])),
            ("databaseName", self.database), ("user", self.postgres["user"]),
            ("password", self.postgres["password"])])
        return [
            "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource "
            "--restype javax.sql.DataSource --isconnectvalidatereq=true --validationmethod auto-commit "
            "--property %s %s" % (properties, POOL),
            "create-jdbc-resource --connectionpoolid %s %s" % (POOL, JNDI_NAME),
            "ping-connection-pool %s" % POOL,
            'deploy --contextroot %s --name mysite "%s"' % (CONTEXT_PATH.lstrip("/"), self.war_path),
        ]

    def start(self):
        psql(self.postgres, "postgres", 'CREATE DATABASE "%s"' % self.database)
        if self.seed_superuser:
            self.create_superuser()
        started = time.time()
        self.create_domain()
        self.record("create-domain", time.time() - started)
        self.process = _DomainProcess(os.path.join(self.domain_dir, DOMAIN, "config", "pid"))
        started = time.time()
        self.asadmin("start-domain", "--domaindir", self.domain_dir, DOMAIN, leader=True, env={
            "PYFRAMEWORK_DB_JNDI": JNDI_NAME, "PYFRAMEWORK_DB_DIALECT": "postgresql",
            # A fresh database: the site creates its tables itself.
            "PYFRAMEWORK_MIGRATE_ON_STARTUP": "1"})
        self.record("start-domain", time.time() - started)
        # One asadmin JVM for the pool, the resource and the deployment (each start costs seconds).
        commands = os.path.join(self.workdir, "deploy.asadmin")
        with open(commands, "w") as handle:
            handle.write("\n".join(self.pool_and_deploy_commands()) + "\n")
        started = time.time()
        self.remote("multimode", "--file", commands)
        self.wait_for(self.base_url + "/", lambda status: status == 200)
        self.record("JDBC pool + resource + asadmin deploy to first 200 of /mysite/", time.time() - started)

    def create_superuser(self):
        drivers = glob.glob(os.path.join(JDBC_DRIVERS, "postgresql-*.jar"))
        if not drivers:
            raise ServerError("GlassFish: no PostgreSQL driver in %s (gradle jdbcDrivers)" % JDBC_DRIVERS)
        environment = {
            "PYFRAMEWORK_DB_URL": "jdbc:postgresql://%s:%d/%s" % (self.postgres["host"], self.postgres["port"],
                                                                self.database),
            "PYFRAMEWORK_DB_DRIVER": "org.postgresql.Driver",
            "PYFRAMEWORK_DB_USER": self.postgres["user"],
            "PYFRAMEWORK_DB_PASSWORD": self.postgres["password"],
            "PYFRAMEWORK_JDBC_JARS": sorted(drivers)[-1],
        }
        try:
            seconds = create_superuser(environment)
        except Exception as error:
            raise ServerError("GlassFish: could not create the superuser in %s: %s" % (self.database, error))
        self.record("superuser (manage.py migrate + createsuperuser on PostgreSQL)", seconds)

    def stop(self):
        if self.process is None:
            return
        try:
            self.asadmin("stop-domain", "--domaindir", self.domain_dir, DOMAIN)
        except ServerError:
            pass
        if self.group is not None:
            try:
                os.killpg(self.group, signal.SIGKILL)
            except OSError as error:
                if error.errno != errno.ESRCH:
                    raise
        self.process = None
        # Keep the server log with the test's other logs; the domain itself is bulky.
        if os.path.exists(self.server_log):
            shutil.copy(self.server_log, os.path.join(self.workdir, "server.log"))
        shutil.rmtree(self.domain_dir, ignore_errors=True)
