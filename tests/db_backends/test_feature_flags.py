"""connection.features answers every flag Django's features have (skipUnlessDBFeature asks)."""
from __future__ import unicode_literals

from pyframework.db import connection
from pyframework.test import skipIfDBFeature, skipUnlessDBFeature

DJANGO_FLAGS = [
    "supports_select_union", "supports_select_intersection", "supports_select_difference",
    "can_defer_constraint_checks", "supports_update_conflicts", "supports_stored_generated_columns",
    "supports_table_check_constraints", "supports_expression_indexes", "supports_json_field_contains",
    "supports_explaining_query_execution", "supported_explain_formats", "test_collations",
    "has_zoneinfo_database", "allows_auto_pk_0", "atomic_transactions", "is_postgresql_16",
]


def test_every_django_flag_is_answered(db):
    for flag in DJANGO_FLAGS:
        assert hasattr(connection.features, flag), flag
    # Not implemented anywhere yet: a test that needs it is skipped rather than failed.
    assert connection.features.supports_update_conflicts is False
    assert connection.features.supports_explaining_query_execution is False
    assert connection.features.supports_select_union is True


def test_skip_decorators_read_the_flags(db):
    ran = []

    @skipUnlessDBFeature("supports_select_union")
    def needs_union():
        ran.append("union")

    @skipIfDBFeature("supports_update_conflicts")
    def without_conflicts():
        ran.append("no-conflicts")

    needs_union()
    without_conflicts()
    assert ran == ["union", "no-conflicts"]
