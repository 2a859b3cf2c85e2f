"""The contenders: two WARs on one stand-alone Tomcat, and two gunicorn servers.

Every server listens on its own free port of 127.0.0.1 and keeps its files
(CATALINA_BASE, sqlite3 databases, logs) under the run's work directory.
"""
import glob
import os
import shutil
import subprocess
import sys

from benchkit.processes import BenchError, Process, free_loopback_port, log_tail

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(BENCH_DIR)
PFBENCH_DIR = os.path.join(BENCH_DIR, "pfbench")
DJBENCH_DIR = os.path.join(BENCH_DIR, "djbench")
RAWSERVLET_DIR = os.path.join(BENCH_DIR, "rawservlet")

READY_TIMEOUT = 300
# A fixed heap, so the JVM's memory figure does not depend on the machine's RAM.
TOMCAT_JAVA_OPTS = "-Xms512m -Xmx1g"

TOMCAT_SERVER_XML = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Private benchmark instance: loopback only, no shutdown port, no AJP. -->
<Server port="-1" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000" URIEncoding="UTF-8" />
    <Engine name="Catalina" defaultHost="localhost" backgroundProcessorDelay="1">
      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="true" />
    </Engine>
  </Service>
</Server>
"""
DEPLOYMENT_FAILURES = (b"Error deploying web application archive", b"startup failed",
                       b"threw load() exception", b"One or more listeners failed to start")


ALL_SCENARIOS = ("hello", "page", "form-post", "admin-changelist")


class Contender(object):
    """One thing wrk loads: a name, a base URL, the scenarios it implements, its server.

    ``paths`` overrides a scenario's path (the Django project's app is ``shop``, not ``catalog``);
    ``headers`` holds extra request headers per scenario (the admin's session cookie).
    """

    def __init__(self, key, label, base_url, scenarios, server, ready_seconds, paths=None):
        self.key = key
        self.label = label
        self.base_url = base_url
        self.scenarios = scenarios
        self.server = server
        self.ready_seconds = ready_seconds
        self.paths = paths or {}
        self.headers = {}

    def url(self, path):
        return self.base_url + path

    def path(self, scenario):
        return self.paths.get(scenario.name, scenario.path)


def run_checked(command, cwd, what, env=None):
    """Run a build or set-up command; on failure raise with the end of its output."""
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = "\n".join(result.stdout.decode("utf-8", "replace").splitlines()[-40:])
        raise BenchError("%s failed (%s, exit %d):\n%s" % (what, " ".join(command), result.returncode, tail))


def publish_plugin():
    """The org.pyframework.war plugin of this checkout into build/maven-repo, where pfbench finds it."""
    run_checked(["gradle", "-q", "publishToMavenLocal",
                 "-Dmaven.repo.local=" + os.path.join(REPO_DIR, "build", "maven-repo")],
                REPO_DIR, "publishing the Gradle plugin")


def build_war(project_dir, name, uses_plugin=True):
    """``gradle war`` in ``project_dir`` (a pyframework project unless ``uses_plugin`` is false);
    the path of build/libs/<name>.war."""
    print("Building %s.war with gradle ..." % name, flush=True)
    if uses_plugin:
        publish_plugin()
    run_checked(["gradle", "-q", "war"], project_dir, "gradle war for %s" % name)
    path = os.path.join(project_dir, "build", "libs", name + ".war")
    if not os.path.isfile(path):
        raise BenchError("gradle war did not produce %s" % path)
    return path


def tomcat_home():
    """Tomcat 10.1 fetched by gradle/servers.gradle into build/servers/ (fetched now if missing)."""
    pattern = os.path.join(REPO_DIR, "build", "servers", "apache-tomcat-10.1.*")
    found = sorted(glob.glob(pattern))
    if not found:
        print("Fetching Tomcat (gradle fetchTomcat) ...", flush=True)
        run_checked(["gradle", "-q", "-b", "gradle/servers.gradle", "fetchTomcat"], REPO_DIR, "fetching Tomcat")
        found = sorted(glob.glob(pattern))
    if not found:
        raise BenchError("no Tomcat under %s after gradle fetchTomcat" % pattern)
    return found[-1]


class TomcatWithWars(object):
    """A private CATALINA_BASE holding both WARs: pyframework's and the raw servlet's."""

    def __init__(self, workdir, java_opts=TOMCAT_JAVA_OPTS):
        self.home = tomcat_home()
        self.base = os.path.join(workdir, "catalina-base")
        self.port = free_loopback_port()
        conf = os.path.join(self.base, "conf")
        shutil.copytree(os.path.join(self.home, "conf"), conf)
        for folder in ("logs", "temp", "webapps", "work"):
            os.makedirs(os.path.join(self.base, folder))
        with open(os.path.join(conf, "server.xml"), "w") as server_xml:
            server_xml.write(TOMCAT_SERVER_XML % self.port)
        env = dict(os.environ, CATALINA_HOME=self.home, CATALINA_BASE=self.base, CATALINA_OPTS=java_opts)
        env.pop("CATALINA_PID", None)
        self.process = Process("Tomcat", ["sh", os.path.join(self.home, "bin", "catalina.sh"), "run"],
                               self.base, env, os.path.join(workdir, "tomcat-console.log"))
        self.root_url = "http://127.0.0.1:%d" % self.port
        self.connector_seconds = self.process.wait_for(self.root_url + "/", lambda status: True, READY_TIMEOUT)

    def check_deployments(self):
        with open(self.process.log_path, "rb") as log:
            text = log.read()
        for marker in DEPLOYMENT_FAILURES:
            if marker in text:
                raise self.process.failure("a WAR failed to deploy (%s)" % marker.decode())

    def deploy(self, war_path, context):
        """Copy the WAR in (atomically, by rename); the seconds until /<context>/hello answers 200."""
        webapps = os.path.join(self.base, "webapps")
        partial = os.path.join(webapps, context + ".war.part")
        shutil.copyfile(war_path, partial)
        os.rename(partial, os.path.join(webapps, context + ".war"))
        return self.process.wait_for("%s/%s/hello" % (self.root_url, context), lambda status: status == 200,
                                     READY_TIMEOUT, self.check_deployments)

    def jvm_pid(self):
        # catalina.sh run execs the JVM, so the process we started is the JVM itself.
        return self.process.popen.pid


def start_tomcat_contenders(workdir, keys, pfbench_war, raw_war):
    tomcat = TomcatWithWars(workdir)
    contenders = []
    print("Tomcat connector up after %.1f s" % tomcat.connector_seconds, flush=True)
    if "war" in keys:
        seconds = tomcat.deploy(pfbench_war, "pfbench")
        print("pfbench.war: deploy to first 200 in %.1f s" % seconds, flush=True)
        contenders.append(Contender("war", "pyframework WAR (Tomcat, Jython, H2)", tomcat.root_url + "/pfbench",
                                    ALL_SCENARIOS, tomcat.process, seconds))
    if "raw" in keys:
        seconds = tomcat.deploy(raw_war, "rawservlet")
        print("rawservlet.war: deploy to first 200 in %.1f s" % seconds, flush=True)
        contenders.append(Contender("raw", "raw servlet (Tomcat, JDBC, H2)", tomcat.root_url + "/rawservlet",
                                    ("hello", "page"), tomcat.process, seconds))
    return tomcat, contenders


def gunicorn_workers():
    return 2 * (os.cpu_count() or 1)


def start_gunicorn(workdir, key, label, project_dir, module, env, paths=None):
    """Migrate a fresh sqlite3 database, then serve ``module`` with 2 x cores sync workers.

    No access log (gunicorn's default), as on Tomcat: writing one line per request would be measured too.
    """
    run_checked([sys.executable, "manage.py", "migrate", "-v", "0"], project_dir, "migrate for %s" % key, env)
    port = free_loopback_port()
    command = [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:%d" % port,
               "--workers", str(gunicorn_workers()), "--worker-class", "sync",
               "--log-level", "warning", module]
    process = Process(key, command, project_dir, env, os.path.join(workdir, key + ".log"))
    base_url = "http://127.0.0.1:%d" % port
    seconds = process.wait_for(base_url + "/hello", lambda status: status == 200, READY_TIMEOUT)
    print("%s: start to first 200 in %.1f s" % (label, seconds), flush=True)
    return Contender(key, label, base_url, ALL_SCENARIOS, process, seconds, paths)


def start_pyframework_gunicorn(workdir):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([REPO_DIR, PFBENCH_DIR]),
               PFBENCH_SQLITE_PATH=os.path.join(workdir, "pfbench.sqlite3"),
               PYFRAMEWORK_SETTINGS_MODULE="pfbench.settings")
    return start_gunicorn(workdir, "pf-gunicorn", "pyframework (CPython, gunicorn, sqlite3)",
                          PFBENCH_DIR, "pfbench.wsgi:application", env)


def start_django_gunicorn(workdir):
    env = dict(os.environ, PYTHONPATH=DJBENCH_DIR, DJBENCH_SQLITE_PATH=os.path.join(workdir, "djbench.sqlite3"),
               DJANGO_SETTINGS_MODULE="djbench.settings")
    return start_gunicorn(workdir, "django", "Django 5 (CPython, gunicorn, sqlite3)",
                          DJBENCH_DIR, "djbench.wsgi:application", env,
                          paths={"admin-changelist": "/admin/shop/product/"})


def log_excerpt(contender):
    return log_tail(contender.server.log_path, 20)
