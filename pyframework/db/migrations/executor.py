"""MigrationExecutor: plans and runs migrations forwards or backwards to a target."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.migrations.exceptions import InvalidMigrationPlan
from pyframework.db.migrations.loader import MigrationLoader
from pyframework.db.migrations.recorder import MigrationRecorder
from pyframework.db.migrations.state import ProjectState


class MigrationExecutor(object):
    """``progress_callback(action, migration=None, fake=False)`` hears apply_start/apply_success/
    unapply_start/unapply_success (the migrate command prints them)."""

    def __init__(self, connection, progress_callback=None):
        self.connection = connection
        self.loader = MigrationLoader(connection)
        self.recorder = MigrationRecorder(connection)
        self.progress_callback = progress_callback

    def migration_plan(self, targets, clean_start=False):
        """``[(migration, backwards)]`` that brings the database to ``targets``.

        A target ``(app, None)`` means "unapply every migration of app"; a target
        that is already applied rolls back the app's later migrations.
        """
        graph = self.loader.graph
        plan = []
        applied = {} if clean_start else dict(self.loader.applied_migrations)
        for target in targets:
            if target[1] is None:
                for root in graph.root_nodes(target[0]):
                    self._plan_backwards(graph, root, applied, plan)
            elif target in applied:
                later = sorted(child.key for child in graph.node_map[target].children if child.key[0] == target[0])
                for node in later:
                    self._plan_backwards(graph, node, applied, plan)
            else:
                for key in graph.forwards_plan(target):
                    if key not in applied:
                        plan.append((graph.nodes[key], False))
                        applied[key] = graph.nodes[key]
        return plan

    @staticmethod
    def _plan_backwards(graph, node, applied, plan):
        for key in graph.backwards_plan(node):
            if key in applied:
                plan.append((graph.nodes[key], True))
                applied.pop(key)

    def _applied_state(self):
        """The project state with every applied migration's operations played."""
        state = ProjectState(real_apps=self.loader.unmigrated_apps)
        applied = self.loader.applied_migrations
        for migration, _ in self.migration_plan(self.loader.graph.leaf_nodes(), clean_start=True):
            if (migration.app_label, migration.name) in applied:
                migration.mutate_state(state, preserve=False)
        return state

    def migrate(self, targets, plan=None, fake=False):
        """Run ``plan`` (computed from ``targets`` when None); return the final state."""
        self.recorder.ensure_schema()
        if plan is None:
            plan = self.migration_plan(targets)
        directions = set(backwards for _, backwards in plan)
        if len(directions) > 1:
            raise InvalidMigrationPlan(
                "Migration plans with both forwards and backwards migrations are not supported: %s"
                % ", ".join("%s%s" % ("-" if backwards else "+", m) for m, backwards in plan))
        if not plan:
            return self._applied_state()
        if directions == set([False]):
            state = self._applied_state()
            for migration, _ in plan:
                state = self.apply_migration(state, migration, fake=fake)
            return state
        return self._migrate_backwards(plan, fake)

    def _migrate_backwards(self, plan, fake):
        # Each migration is undone from the state just before it: replay the history up to there.
        to_undo = set(migration for migration, _ in plan)
        applied = self.loader.applied_migrations
        states = {}
        state = ProjectState(real_apps=self.loader.unmigrated_apps)
        for migration, _ in self.migration_plan(self.loader.graph.leaf_nodes(), clean_start=True):
            if not to_undo:
                break
            key = (migration.app_label, migration.name)
            if migration in to_undo:
                states[migration] = state
                state = migration.mutate_state(state, preserve=True)
                to_undo.discard(migration)
            elif key in applied:
                migration.mutate_state(state, preserve=False)
        for migration, _ in plan:
            self.unapply_migration(states[migration], migration, fake=fake)
        return state

    def _report(self, action, migration, fake):
        if self.progress_callback is not None:
            self.progress_callback(action, migration, fake)

    def apply_migration(self, state, migration, fake=False):
        self._report("apply_start", migration, fake)
        if fake:
            state = migration.mutate_state(state, preserve=False)
            self.recorder.record_applied(migration.app_label, migration.name)
        else:
            # The record goes in the same transaction: a failed migration is never marked applied.
            with self.connection.schema_editor(atomic=migration.atomic) as editor:
                state = migration.apply(state, editor)
                self.recorder.record_applied(migration.app_label, migration.name)
        self._report("apply_success", migration, fake)
        return state

    def unapply_migration(self, state, migration, fake=False):
        self._report("unapply_start", migration, fake)
        if not fake:
            with self.connection.schema_editor(atomic=migration.atomic) as editor:
                state = migration.unapply(state, editor)
                self.recorder.record_unapplied(migration.app_label, migration.name)
        else:
            self.recorder.record_unapplied(migration.app_label, migration.name)
        self._report("unapply_success", migration, fake)
        return state

    def collect_sql(self, plan):
        return self.loader.collect_sql(plan)
