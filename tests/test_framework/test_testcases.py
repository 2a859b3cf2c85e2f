"""TestCase, TransactionTestCase and their database assertions, on every test database.

The unittest classes below are not collected by pytest (``__test__ = False``): each pytest
test creates the tables on the matrix database, runs one class with unittest's own
machinery (setUpClass, class cleanups, result) and checks what happened.
"""
from __future__ import unicode_literals

import unittest

from pyframework.db import connection, models, transaction
from pyframework.test import TestCase, TransactionTestCase, skipIfDBFeature, skipUnlessDBFeature

APP = "test_framework_tc"


class Shelf(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = APP


class Book(models.Model):
    title = models.CharField(max_length=100)
    shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE, null=True, related_name="books")

    class Meta:
        app_label = APP
        ordering = ["title"]


def run(case_class, *names):
    """Run the tests ``names`` (all when empty) of ``case_class``; returns the unittest result."""
    loader = unittest.TestLoader()
    if names:
        suite = unittest.TestSuite([case_class(name) for name in names])
    else:
        suite = loader.loadTestsFromTestCase(case_class)
    result = unittest.TestResult()
    suite.run(result)
    return result


def assert_passed(result, count):
    problems = ["%s: %s" % (test, trace) for test, trace in result.errors + result.failures]
    assert not problems, "\n".join(problems)
    assert result.testsRun == count


def rows_seen_elsewhere():
    """Book titles as a separate connection (not the test's transaction) sees them."""
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            qn = other.ops.quote_name
            cursor.execute("SELECT %s FROM %s" % (qn("title"), qn(Book._meta.db_table)))
            return sorted(row[0] for row in cursor.fetchall())
    finally:
        other.close()


class SetUpTestDataTests(TestCase):
    __test__ = False

    @classmethod
    def setUpTestData(cls):
        cls.shelf = Shelf.objects.create(name="fiction")
        cls.book = Book.objects.create(title="Dune", shelf=cls.shelf)
        cls.loaded = ["x"]

    def test_1_changes_are_rolled_back(self):
        self.assertEqual(Book.objects.count(), 1)
        Book.objects.create(title="Emma")
        self.book.title = "changed in memory"
        self.loaded.append("y")
        Book.objects.filter(title="Dune").delete()
        self.assertEqual(Book.objects.count(), 1)

    def test_2_each_test_starts_from_setUpTestData(self):
        self.assertQuerySetEqual(Book.objects.all(), ["Dune"], transform=lambda book: book.title)
        self.assertEqual(self.book.title, "Dune")
        self.assertEqual(self.loaded, ["x"])
        # Deep copies share one memo per test: the book's shelf is the test's shelf.
        self.assertIs(self.book.shelf, self.shelf)

    def test_3_in_a_transaction(self):
        self.assertTrue(connection.in_atomic_block)


def test_testcase_rolls_back_each_test_and_the_class(create_tables):
    create_tables(Shelf, Book)
    assert_passed(run(SetUpTestDataTests), 3)
    assert Book.objects.count() == 0 and Shelf.objects.count() == 0
    assert not connection.in_atomic_block


class OnCommitTests(TestCase):
    __test__ = False

    def test_callbacks_are_captured_and_run(self):
        ran = []
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            transaction.on_commit(lambda: ran.append("outer"))
            with transaction.atomic():
                transaction.on_commit(lambda: ran.append("inner"))
        self.assertEqual(len(callbacks), 2)
        self.assertEqual(ran, ["outer", "inner"])

    def test_callbacks_not_executed_by_default(self):
        ran = []
        with self.captureOnCommitCallbacks() as callbacks:
            transaction.on_commit(lambda: ran.append(1))
        self.assertEqual(len(callbacks), 1)
        self.assertEqual(ran, [])
        callbacks[0]()
        self.assertEqual(ran, [1])

    def test_durable_block_inside_the_test_transaction(self):
        with transaction.atomic(durable=True):
            Shelf.objects.create(name="durable")
        self.assertEqual(Shelf.objects.count(), 1)


def test_capture_on_commit_callbacks(create_tables):
    create_tables(Shelf)
    assert_passed(run(OnCommitTests), 3)


class NumQueriesTests(TestCase):
    __test__ = False

    def test_passes(self):
        with self.assertNumQueries(2):
            Shelf.objects.create(name="a")
            list(Shelf.objects.all())
        self.assertNumQueries(1, lambda: list(Shelf.objects.all()))
        self.assertNumQueries(0, lambda: None, using="default")

    def test_fails_with_the_queries_listed(self):
        with self.assertNumQueries(5):
            list(Shelf.objects.filter(name="x"))


def test_assert_num_queries(create_tables):
    create_tables(Shelf)
    result = run(NumQueriesTests)
    assert result.testsRun == 2 and not result.errors
    assert [test._testMethodName for test, _ in result.failures] == ["test_fails_with_the_queries_listed"]
    message = result.failures[0][1]
    assert "1 queries executed, 5 expected" in message and "Captured queries were:\n1. SELECT" in message


class QuerySetEqualTests(TestCase):
    __test__ = False

    @classmethod
    def setUpTestData(cls):
        for title in ("b", "a", "c"):
            Book.objects.create(title=title)

    def test_ordered_and_unordered(self):
        self.assertQuerySetEqual(Book.objects.all(), ["a", "b", "c"], transform=lambda b: b.title)
        self.assertQuerySetEqual(Book.objects.order_by("-title").values_list("title", flat=True), ["c", "b", "a"])
        self.assertQuerySetEqual(Book.objects.values_list("title", flat=True).order_by(),
                                 ["c", "a", "b"], ordered=False)
        with self.assertRaises(AssertionError):
            self.assertQuerySetEqual(Book.objects.all(), ["a", "c", "b"], transform=lambda b: b.title)

    def test_unordered_queryset_against_many_values_is_an_error(self):
        with self.assertRaisesMessage(ValueError, "Trying to compare non-ordered queryset"):
            self.assertQuerySetEqual(Shelf.objects.all(), [1, 2])


def test_assert_queryset_equal(create_tables):
    create_tables(Shelf, Book)
    assert_passed(run(QuerySetEqualTests), 2)


class CommittingTests(TransactionTestCase):
    __test__ = False
    seen = []

    def test_1_commits(self):
        self.assertFalse(connection.in_atomic_block)
        Book.objects.create(title="committed")
        self.seen.append(rows_seen_elsewhere())

    def test_2_tables_were_flushed(self):
        self.assertEqual(Book.objects.count(), 0)


def test_transaction_testcase_commits_then_flushes(create_tables):
    create_tables(Shelf, Book)
    CommittingTests.seen = []
    assert_passed(run(CommittingTests), 2)
    assert CommittingTests.seen == [["committed"]]
    assert Book.objects.count() == 0


class ResetSequencesTests(TransactionTestCase):
    __test__ = False
    reset_sequences = True
    pks = []

    def test_1(self):
        self.pks.append(Shelf.objects.create(name="a").pk)

    def test_2(self):
        self.pks.append(Shelf.objects.create(name="b").pk)


def test_reset_sequences_restarts_primary_keys(create_tables):
    create_tables(Shelf)
    Shelf.objects.create(name="before")
    ResetSequencesTests.pks = []
    assert_passed(run(ResetSequencesTests), 2)
    assert ResetSequencesTests.pks == [1, 1]


class ResetSequencesOnTestCase(TestCase):
    __test__ = False
    reset_sequences = True

    def test_never_runs(self):
        pass


def test_reset_sequences_is_refused_on_testcase(create_tables):
    result = run(ResetSequencesOnTestCase)
    assert len(result.errors) == 1 and "reset_sequences cannot be used on TestCase" in result.errors[0][1]


class FeatureSkips(TestCase):
    __test__ = False

    @skipUnlessDBFeature("supports_transactions")
    def test_runs(self):
        pass

    @skipIfDBFeature("supports_transactions")
    def test_skipped(self):
        self.fail("should have been skipped")

    @skipUnlessDBFeature("no_such_feature_anywhere")
    def test_skipped_unknown(self):
        self.fail("should have been skipped")


@skipUnlessDBFeature("no_such_feature_anywhere")
class SkippedClass(TestCase):
    __test__ = False

    @classmethod
    def setUpTestData(cls):
        raise AssertionError("a skipped class is not set up")

    def test_any(self):
        self.fail("should have been skipped")


def test_db_feature_skips(db, monkeypatch):
    monkeypatch.setattr(type(connection.features), "no_such_feature_anywhere", False, raising=False)
    result = run(FeatureSkips)
    assert result.testsRun == 3 and not result.errors and not result.failures
    assert sorted(test._testMethodName for test, _ in result.skipped) == ["test_skipped", "test_skipped_unknown"]
    result = run(SkippedClass)
    assert not result.errors and not result.failures
    assert [reason for _, reason in result.skipped] == ["Database doesn't support feature(s): no_such_feature_anywhere"]


class SerializedRollbackTests(TransactionTestCase):
    __test__ = False
    serialized_rollback = True

    def test_1_migration_data_is_there(self):
        self.assertEqual(list(Shelf.objects.values_list("name", flat=True)), ["from a migration"])
        Shelf.objects.all().delete()

    def test_2_and_comes_back_after_the_flush(self):
        self.assertEqual(Shelf.objects.count(), 1)


def test_serialized_rollback_restores_the_rows_migrations_made(create_tables):
    create_tables(Shelf, Book)
    Shelf.objects.create(name="from a migration")
    # What create_test_db() keeps for serialized_rollback (there: every installed app's rows).
    connection._test_serialized_contents = serialize_shelves()
    try:
        Shelf.objects.all().delete()
        assert_passed(run(SerializedRollbackTests), 2)
    finally:
        del connection._test_serialized_contents


def serialize_shelves():
    from pyframework.core import serializers

    return serializers.serialize("json", Shelf.objects.all())


class AvailableAppsTests(TransactionTestCase):
    __test__ = False
    available_apps = []
    seen = []

    def test_only_the_available_apps(self):
        from pyframework.apps import apps

        self.seen.append([config.label for config in apps.get_app_configs()])
        Shelf.objects.create(name="not flushed: its app is not available")


def test_available_apps_restrict_the_registry_and_the_flush(create_tables):
    from pyframework.apps import apps

    create_tables(Shelf, Book)
    before = [config.label for config in apps.get_app_configs()]
    AvailableAppsTests.seen = []
    assert_passed(run(AvailableAppsTests), 1)
    assert AvailableAppsTests.seen == [[]]
    assert [config.label for config in apps.get_app_configs()] == before
    assert Shelf.objects.count() == 1


def test_isolate_apps_keeps_models_out_of_the_registry():
    from pyframework.apps import apps
    from pyframework.test.utils import isolate_apps

    with isolate_apps(APP) as registry:
        class Lonely(models.Model):
            class Meta:
                app_label = APP

    assert Lonely._meta.apps is registry
    assert registry.get_model(APP, "lonely") is Lonely
    assert apps.get_registered_model(APP, "lonely") is None

    @isolate_apps(APP, kwarg_name="registry")
    def decorated(registry):
        class Other(models.Model):
            class Meta:
                app_label = APP
        return registry, Other

    registry, other = decorated()
    assert registry.get_model(APP, "other") is other and apps.get_registered_model(APP, "other") is None


class BackportTests(TestCase):
    __test__ = False

    def test_python3_unittest_methods(self):
        for value in (1, 2):
            with self.subTest(value=value):
                self.assertTrue(value)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("pyframework", "frame")
        with self.assertRaisesRegex(ValueError, "b.d"):
            raise ValueError("bad")
        import logging
        with self.assertLogs("pyframework.test.backports", level="WARNING") as logs:
            logging.getLogger("pyframework.test.backports").warning("careful")
        self.assertEqual(logs.output, ["WARNING:pyframework.test.backports:careful"])


def test_python3_unittest_methods_on_every_runtime(db):
    assert_passed(run(BackportTests), 1)
