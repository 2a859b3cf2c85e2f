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

    def __init__(self, connection):
        self.connection = connection
