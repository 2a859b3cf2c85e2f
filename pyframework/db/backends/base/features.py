"""What a database can do; the query layer and the schema editor branch on these flags."""
from __future__ import absolute_import, unicode_literals


class BaseDatabaseFeatures(object):
    supports_transactions = True
    uses_savepoints = True
    can_release_savepoints = True
    can_rollback_ddl = False
    autocommits_when_autocommit_is_off = False

    can_return_columns_from_insert = False
    can_return_rows_from_bulk_insert = False
    has_bulk_insert = True
    max_query_params = None

    has_select_for_update = False
    has_select_for_update_nowait = False
    has_select_for_update_skip_locked = False
    has_select_for_update_of = False

    supports_regex = True
    supports_json_field = True
    has_native_uuid_field = False
    has_native_duration_field = False
    has_native_json_field = False
    supports_timezones = False
    supports_microsecond_precision = True
    interprets_empty_strings_as_nulls = False
    supports_foreign_keys = True
    supports_forward_references = True
    supports_paramstyle_pyformat = False
    supports_column_check_constraints = True
    supports_partial_indexes = True
    supports_index_on_text_field = True
    supports_combined_alters = False
    supports_deferrable_unique_constraints = False
    connection_persists_old_columns = False
    requires_literal_defaults = False
    implied_column_null = False
    allows_group_by_selected_pks = False
    supports_over_clause = True
    # AGG(...) FILTER (WHERE ...); without it aggregates filter through CASE WHEN.
    supports_aggregate_filter_clause = False
    supports_ignore_conflicts = True
    supports_slicing_ordering_in_compound = False
    supports_nullable_unique_constraints = True
    has_case_insensitive_like = False
    nulls_order_largest = False
    can_distinct_on_fields = False
    # Per-dialect, e.g. MySQL's UPDATE can't read the table it writes.
    update_can_self_select = True
    ignores_table_name_case = False
    truncates_names = False

    # The rest of Django's flags, so that Django-style tests (skipUnlessDBFeature) and apps can
    # ask for them. False where pyframework does not implement the feature on any database yet;
    # Django's default where the behaviour is plain SQL every backend here has.
    supports_select_union = True
    supports_select_intersection = False
    supports_select_difference = False
    supports_subqueries_in_group_by = True
    supports_boolean_expr_in_select_clause = True
    allow_sliced_subqueries_with_in = False
    allows_group_by_select_index = True
    allows_auto_pk_0 = True
    allows_multiple_constraints_on_same_fields = True
    atomic_transactions = True
    can_defer_constraint_checks = False
    can_introspect_foreign_keys = False
    can_rename_index = False
    related_fields_match_type = False
    requires_explicit_null_ordering_when_grouping = False
    supports_update_conflicts = False
    supports_update_conflicts_with_target = False
    supports_stored_generated_columns = False
    supports_virtual_generated_columns = False
    supports_table_check_constraints = False
    supports_expression_indexes = False
    supports_covering_indexes = False
    supports_expression_defaults = False
    supports_partially_nullable_unique_constraints = True
    supports_temporal_subtraction = False
    supports_json_field_contains = False
    supports_primitives_in_json_field = True
    has_json_operators = False
    json_key_contains_list_matching_requires_list = False
    supports_collation_on_charfield = False
    supports_comments = False
    supports_regex_backreferencing = False
    supports_date_lookup_using_string = True
    supports_explaining_query_execution = False
    supported_explain_formats = frozenset()
    has_zoneinfo_database = True
    prohibits_null_characters_in_text_exception = None
    test_db_allows_multiple_connections = True
    test_collations = {}
    test_now_utc_template = None
    # Version flags of one vendor; False everywhere else.
    is_postgresql_16 = False
    is_postgresql_17 = False

    def __init__(self, connection):
        self.connection = connection
