"""The example project's ``manage.py``, run from CPython against a site's database, as an operator would.

A site's first superuser is made by ``manage.py migrate`` and ``manage.py createsuperuser``
run from a build or admin machine with the production database settings; nobody can run
them inside a servlet container. The tests do exactly that: before a server starts, they
create the tables and the superuser in the database the WAR will open (its embedded H2
file, through the jdbc backend and JPype), or in the dev server's sqlite3 file.
"""
from __future__ import absolute_import, division, unicode_literals

import glob
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLE_PROJECT = os.path.join(ROOT, "examples", "mysite")
JDBC_DRIVERS = os.path.join(ROOT, "build", "jdbc")
# The WAR's embedded database: <java.io.tmpdir>/mysite-database/mysite (mysite/settings.py).
EMBEDDED_DATABASE_FOLDER = "mysite-database"
MANAGE_TIMEOUT_SECONDS = 300
OUTPUT_TAIL_CHARS = 4000

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "quince-harbour-17-lantern"


class ManageError(Exception):
    """manage.py failed; the message has its command line and output."""


def h2_driver_jar():
    """The pinned H2 driver of build/jdbc, fetched with ``gradle jdbcDrivers`` on first use."""
    jars = glob.glob(os.path.join(JDBC_DRIVERS, "h2-*.jar"))
    if not jars:
        subprocess.check_call(["gradle", "-q", "--console=plain", "jdbcDrivers"], cwd=ROOT)
        jars = glob.glob(os.path.join(JDBC_DRIVERS, "h2-*.jar"))
    if not jars:
        raise ManageError("gradle jdbcDrivers put no H2 driver into %s" % JDBC_DRIVERS)
    return sorted(jars)[-1]


def embedded_h2_environment(temporary_directory):
    """Environment naming the H2 file a WAR whose java.io.tmpdir is ``temporary_directory`` opens."""
    database = os.path.join(temporary_directory, EMBEDDED_DATABASE_FOLDER, "mysite")
    return {
        "PYFRAMEWORK_DB_URL": "jdbc:h2:file:%s;LOCK_TIMEOUT=10000" % database.replace(os.sep, "/"),
        "PYFRAMEWORK_DB_DRIVER": "org.h2.Driver",
        "PYFRAMEWORK_DB_USER": "sa",
        "PYFRAMEWORK_DB_PASSWORD": "",
        "PYFRAMEWORK_JDBC_JARS": h2_driver_jar(),
    }


def project_environment(environment):
    """os.environ plus ``environment``, with this checkout's pyframework first on the path.

    (An installed pyframework, ``pip install -e`` of another checkout, must not be what runs.)
    """
    env = dict(os.environ)
    env.update(environment)
    env["PYTHONPATH"] = os.pathsep.join([ROOT] + [part for part in env.get("PYTHONPATH", "").split(os.pathsep) if part])
    return env


def manage(arguments, environment, timeout=MANAGE_TIMEOUT_SECONDS):
    """Run ``python manage.py ARGUMENTS`` in the example project with ``environment`` added."""
    command = [sys.executable, "manage.py"] + list(arguments)
    env = project_environment(environment)
    process = subprocess.Popen(command, cwd=EXAMPLE_PROJECT, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        output = process.communicate(timeout=timeout)[0]
    except subprocess.TimeoutExpired:
        process.kill()
        output = process.communicate()[0]
        raise ManageError("%s did not finish in %d s:\n%s" % (" ".join(command), timeout,
                                                               output.decode("utf-8", "replace")[-OUTPUT_TAIL_CHARS:]))
    if process.returncode != 0:
        raise ManageError("%s failed (exit %d):\n%s" % (" ".join(command), process.returncode,
                                                        output.decode("utf-8", "replace")[-OUTPUT_TAIL_CHARS:]))
    return output.decode("utf-8", "replace")


def create_superuser(environment, username=ADMIN_USERNAME, password=ADMIN_PASSWORD, email=ADMIN_EMAIL):
    """``migrate``, then ``createsuperuser --noinput`` on the database ``environment`` names.

    Returns the seconds it took.
    """
    started = time.time()
    manage(["migrate", "--noinput", "--verbosity", "0"], environment)
    manage(["createsuperuser", "--noinput", "--username", username, "--email", email],
           dict(environment, PYFRAMEWORK_SUPERUSER_PASSWORD=password))
    return time.time() - started
