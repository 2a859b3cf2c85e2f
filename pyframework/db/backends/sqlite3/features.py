"""SQLite capabilities (shared by the stdlib driver and sqlite-jdbc)."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.backends.base.features import BaseDatabaseFeatures


class DatabaseFeatures(BaseDatabaseFeatures):
    can_rollback_ddl = True
    can_return_columns_from_insert = True
    can_return_rows_from_bulk_insert = True
    has_select_for_update = False
    supports_timezones = False
    max_query_params = 999
    supports_regex = True
    has_case_insensitive_like = False
    supports_deferrable_unique_constraints = False
    # The schema editor rebuilds tables to alter them.
    supports_combined_alters = False
    # SQLite 3.30+ (2019); sqlite-jdbc bundles a recent SQLite (the stdlib module's check is in base.py).
    supports_aggregate_filter_clause = True
