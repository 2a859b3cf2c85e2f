"""DiscoverRunner (``manage.py test``): discovery, labels, tags, test databases, --keepdb, exit status."""
from __future__ import unicode_literals

import os
import subprocess
import sys

import pytest

from pyframework.db import connection
from pyframework.test import override_settings
from pyframework.test.runner import DiscoverRunner
from pyframework.utils.compat import NativeStringIO

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

MODELS = '''
from pyframework.db import models


class Item(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = "runner_app"
'''

TESTS = '''
from pyframework.db import connection
from pyframework.test import SimpleTestCase, TestCase, TransactionTestCase, tag

from runner_app.models import Item

SEEN = []


class ItemTests(TestCase):
    fixtures = ["items"]

    def test_fixture_loaded(self):
        SEEN.append(connection.settings_dict.get("URL") or connection.settings_dict["NAME"])
        self.assertEqual(list(Item.objects.values_list("name", flat=True)), ["from-fixture"])

    @tag("slow")
    def test_tagged(self):
        Item.objects.create(name="x")


class CommitTests(TransactionTestCase):
    def test_commits(self):
        Item.objects.create(name="committed")
        self.assertEqual(Item.objects.count(), 1)


class NoDatabaseTests(SimpleTestCase):
    def test_nothing(self):
        self.assertTrue(True)
'''

FAILING = '''
from pyframework.test import SimpleTestCase


class Failing(SimpleTestCase):
    def test_fails(self):
        self.assertEqual(1, 2)
'''


@pytest.fixture
def project(tmpdir):
    app = tmpdir.mkdir("runner_app")
    app.join("__init__.py").write("")
    app.join("models.py").write(MODELS)
    app.join("tests.py").write(TESTS)
    app.join("urls.py").write("urlpatterns = []\n")
    app.mkdir("fixtures").join("items.json").write(
        '[{"model": "runner_app.item", "pk": 1, "fields": {"name": "from-fixture"}}]')
    sys.path.insert(0, str(tmpdir))
    try:
        yield tmpdir
    finally:
        sys.path.remove(str(tmpdir))
        for name in [n for n in sys.modules if n == "runner_app" or n.startswith("runner_app.")]:
            del sys.modules[name]


def test_runner_creates_a_test_database_and_runs_the_suite(db, project):
    real = dict(connection.settings_dict)
    with override_settings(INSTALLED_APPS=["runner_app"], ROOT_URLCONF="runner_app.urls"):
        runner = DiscoverRunner(verbosity=0, interactive=False)
        failures = runner.run_tests(["runner_app"])
        import runner_app.tests as tests_module
    assert failures == 0
    # The tests ran on a database of their own, then the alias came back to the real one.
    assert tests_module.SEEN and tests_module.SEEN[0] not in (real.get("URL"), real["NAME"])
    assert connection.settings_dict.get("URL") == real.get("URL")
    assert connection.settings_dict["NAME"] == real["NAME"]
    assert "runner_app_item" not in connection.introspection.table_names()


def test_labels_tags_and_patterns(db, project):
    with override_settings(INSTALLED_APPS=["runner_app"], ROOT_URLCONF="runner_app.urls"):
        def ids(**options):
            suite = DiscoverRunner(verbosity=0, **options).build_suite(options.pop("labels", ["runner_app"]))
            return [test.id().rpartition(".")[0].rpartition(".")[2] + "." + test.id().rpartition(".")[2]
                    for test in suite]

        everything = ids()
        # TestCase classes run first, then the other SimpleTestCases.
        assert everything == ["ItemTests.test_fixture_loaded", "ItemTests.test_tagged", "CommitTests.test_commits",
                              "NoDatabaseTests.test_nothing"]
        assert ids(tags=["slow"]) == ["ItemTests.test_tagged"]
        assert "ItemTests.test_tagged" not in ids(exclude_tags=["slow"])
        assert ids(test_name_patterns=["nothing"]) == ["NoDatabaseTests.test_nothing"]
        assert ids(labels=["runner_app.tests.CommitTests"]) == ["CommitTests.test_commits"]
        assert ids(reverse=True) == list(reversed(everything))
        assert ids(labels=[str(project.join("runner_app"))]) == everything


def test_databases_of_the_suite(db, project):
    with override_settings(INSTALLED_APPS=["runner_app"], ROOT_URLCONF="runner_app.urls"):
        runner = DiscoverRunner(verbosity=0)
        assert runner.get_databases(runner.build_suite(["runner_app"])) == {"default": False}
        assert runner.get_databases(runner.build_suite(["runner_app.tests.NoDatabaseTests"])) == {}


SETTINGS = '''
SECRET_KEY = "runner-test"
INSTALLED_APPS = ["runner_app"]
ROOT_URLCONF = "runner_app.urls"
DATABASES = {"default": {"ENGINE": "pyframework.db.backends.sqlite3", "NAME": %r,
                         "TEST": {"NAME": %r}}}
'''


@pytest.mark.cpython_only(reason="runs manage.py test in a subprocess")
def test_manage_py_test_exit_status_and_keepdb(project):
    test_db = str(project.join("test.sqlite3"))
    project.join("runner_settings.py").write(SETTINGS % (str(project.join("db.sqlite3")), test_db))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(project), ROOT]))

    def manage(*args):
        process = subprocess.Popen([sys.executable, "-m", "pyframework", "test", "--settings=runner_settings"]
                                   + list(args), cwd=str(project), env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
        output = process.communicate()[0].decode("utf-8", "replace")
        return process.returncode, output

    status, output = manage("runner_app", "-v", "2", "--keepdb")
    assert status == 0, output
    assert "Ran 4 tests" in output and "OK" in output
    assert "Using existing test database for alias 'default'" in output
    assert os.path.exists(test_db)  # kept
    project.join("runner_app", "test_failing.py").write(FAILING)
    status, output = manage("runner_app")
    assert not os.path.exists(test_db)  # without --keepdb: destroyed at the end
    assert status == 1 and "FAILED (failures=1)" in output, output


def test_runner_output_goes_to_unittests_stream(db, project):
    # The runner writes through unittest's stream: the suite's output is the runner's.
    stream = NativeStringIO()

    class QuietRunner(DiscoverRunner):
        def get_test_runner_kwargs(self):
            return dict(super(QuietRunner, self).get_test_runner_kwargs(), stream=stream)

    with override_settings(INSTALLED_APPS=["runner_app"], ROOT_URLCONF="runner_app.urls"):
        assert QuietRunner(verbosity=1).run_tests(["runner_app.tests.NoDatabaseTests"]) == 0
    assert "Ran 1 test" in stream.getvalue()


PYTEST_TESTS = '''
import pytest

from pyframework.core import mail
from pyframework.core.mail import send_mail
from pyframework.db import connection
from pyframework.test import TestCase, TransactionTestCase

from runner_app.models import Item


class ItemTests(TestCase):
    fixtures = ["items"]

    @classmethod
    def setUpTestData(cls):
        cls.extra = Item.objects.create(name="extra")

    def test_fixture_and_test_data(self):
        self.assertEqual(Item.objects.count(), 2)


class Committing(TransactionTestCase):
    def test_commits(self):
        Item.objects.create(name="c")
        self.assertEqual(Item.objects.count(), 1)


def test_db_fixture_rolls_back(db):
    Item.objects.create(name="rolled back")
    assert connection.in_atomic_block


def test_db_fixture_sees_nothing_left(db):
    assert Item.objects.count() == 0


def test_transactional_db(transactional_db):
    Item.objects.create(name="t")
    assert not connection.in_atomic_block


def test_settings_fixture(settings):
    settings.APPEND_SLASH = False
    from pyframework.conf import settings as real
    assert real.APPEND_SLASH is False


def test_settings_restored():
    from pyframework.conf import settings as real
    assert real.APPEND_SLASH is True


def test_mail_and_queries(db, mailoutbox, pyframework_assert_num_queries, client, rf):
    send_mail("s", "b", "f@example.com", ["t@example.com"])
    assert [m.subject for m in mailoutbox] == ["s"] and mail.outbox is mailoutbox
    with pyframework_assert_num_queries(1):
        list(Item.objects.all())
    assert rf.get("/x/").path == "/x/"
    assert client.get("/nowhere/").status_code == 404


def test_without_database_access():
    with pytest.raises(Exception):
        Item.objects.count()
'''


@pytest.mark.cpython_only(reason="runs pytest in a subprocess")
def test_pytest_plugin_runs_the_same_classes(project):
    project.join("runner_settings.py").write(SETTINGS % (str(project.join("db.sqlite3")), ""))
    project.join("runner_app", "tests.py").write(PYTEST_TESTS)
    # Only the plugin named on the command line: an installed pyframework also offers it through
    # its pytest11 entry point, which would register it a second time.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(project), ROOT]), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    env.pop("PYFRAMEWORK_SETTINGS_MODULE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-p", "pyframework.test.pytest_plugin", "-p", "no:cacheprovider",
         "--ds=runner_settings", "-v", "-s", "runner_app/tests.py"],
        cwd=str(project), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.communicate()[0].decode("utf-8", "replace")
    assert process.returncode == 0, output
    assert "9 passed" in output, output
    # One test database for the whole session.
    assert output.count("Creating test database for alias 'default'") == 1, output
