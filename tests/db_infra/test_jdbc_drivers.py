"""The pinned JDBC drivers and jaydebeapi are where the database tests and the WAR expect them."""
from __future__ import unicode_literals

import glob
import os
import re
import subprocess
import tempfile

import pytest

import dbtesting

ROOT = dbtesting.ROOT


def pinned_versions():
    """artifact -> version, read from gradle/jdbc-drivers.gradle (the only place they are pinned)."""
    with open(os.path.join(ROOT, "gradle", "jdbc-drivers.gradle")) as handle:
        text = handle.read()
    return dict((artifact, version) for artifact, version in
                re.findall(r"'[\w.]+:([\w.-]+)'\s*:\s*'([\w.-]+)'", text))


def test_every_driver_is_pinned():
    assert sorted(pinned_versions()) == ["h2", "mariadb-java-client", "postgresql", "sqlite-jdbc"]


@pytest.mark.cpython_only("reads build/jdbc, which tests/run.sh fills through Gradle")
def test_build_jdbc_holds_exactly_the_pinned_jars():
    dbtesting.jdbc_jars()  # fetches them with Gradle when missing
    names = sorted(os.path.basename(path) for path in glob.glob(os.path.join(dbtesting.JARS_DIR, "*.jar")))
    assert names == sorted("%s-%s.jar" % item for item in pinned_versions().items())


def test_jaydebeapi_imports():
    import jaydebeapi

    assert hasattr(jaydebeapi, "connect")


@pytest.mark.skipif(not dbtesting.JYTHON, reason="the JVM classpath is Jython's")
@pytest.mark.parametrize("class_name", ["org.h2.Driver", "org.sqlite.JDBC", "org.postgresql.Driver",
                                        "org.mariadb.jdbc.Driver"])
def test_driver_classes_are_on_the_jython_classpath(class_name):
    from java.lang import Class

    assert Class.forName(class_name).getName() == class_name


@pytest.mark.parametrize("driver, url", [
    ("org.h2.Driver", "jdbc:h2:mem:drivers_check"),
    ("org.sqlite.JDBC", "jdbc:sqlite::memory:"),
])
def test_embedded_drivers_answer_a_query(driver, url):
    if dbtesting.jdbc_unavailable_reason():
        pytest.skip(dbtesting.jdbc_unavailable_reason())
    conn = dbtesting.jdbc_connect(driver, url)
    try:
        cursor = conn.cursor()
        cursor.execute("SELECT 6 * 7")
        assert int(cursor.fetchone()[0]) == 42
    finally:
        conn.close()


@pytest.mark.cpython_only("pip and Gradle read the requirement file from CPython")
def test_war_requirements_pin_jaydebeapi_by_hash():
    with open(os.path.join(ROOT, "war-templates", "python-requirements.txt")) as handle:
        text = handle.read()
    assert re.search(r"^JayDeBeApi==1\.2\.3 --hash=sha256:[0-9a-f]{64}$", text, re.M)


@pytest.mark.cpython_only("starts a PostgreSQL server with a shell script")
def test_dbservers_script_starts_a_private_postgresql_and_stops_it():
    if not os.environ.get("PYFRAMEWORK_TEST_POSTGRES_URL") and not dbtesting._env_flag("CI"):
        pytest.skip("PostgreSQL tests are off here (no PYFRAMEWORK_TEST_POSTGRES_URL)")
    # Not pytest's tmpdir: the server's OS user (postgres, when run as root) must reach the folder.
    state = tempfile.mkdtemp(prefix="pyframework-dbservers-test.")
    env = dict(os.environ, PYFRAMEWORK_DBSERVERS_DIR=state)
    script = os.path.join(ROOT, "tests", "dbservers.sh")
    exports = subprocess.check_output(["bash", script, "start"], env=env).decode("utf-8")
    try:
        settings = dict(re.findall(r"^export (\w+)=(.*)$", exports, re.M))
        assert re.match(r"^jdbc:postgresql://127\.0\.0\.1:\d+/postgres$", settings["PYFRAMEWORK_TEST_POSTGRES_URL"])
        assert settings["PYFRAMEWORK_TEST_POSTGRES_USER"] == "pyframework"
        status = subprocess.check_output(["bash", script, "status"], env=env).decode("utf-8")
        assert "postgresql: running on port" in status
        conn = dbtesting.jdbc_connect("org.postgresql.Driver", settings["PYFRAMEWORK_TEST_POSTGRES_URL"],
                                      "pyframework", "")
        try:
            cursor = conn.cursor()
            cursor.execute("SELECT current_setting('server_version_num')")
            assert int(cursor.fetchone()[0]) >= 150000
        finally:
            conn.close()
    finally:
        subprocess.check_call(["bash", script, "stop"], env=env)
    assert not os.path.exists(state)
