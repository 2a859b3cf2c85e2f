"""MigrationRecorder: the ``pyframework_migrations`` table of applied migrations (app, name, applied)."""
from __future__ import absolute_import, unicode_literals

TABLE_NAME = "pyframework_migrations"
_model_class = []  # built once, on first use: defining it needs the models layer loaded


def _now():
    from pyframework.utils import timezone

    return timezone.now()


def migration_record_model():
    """The model of the table, in a private registry so it never shows up among the project's models."""
    if not _model_class:
        from pyframework.db import models
        from pyframework.db.migrations.state import StateApps

        class Migration(models.Model):
            app = models.CharField(max_length=255)
            name = models.CharField(max_length=255)
            applied = models.DateTimeField(default=_now)

            class Meta:
                apps = StateApps((), {})
                app_label = "migrations"
                db_table = TABLE_NAME

            def __str__(self):
                return "Migration %s for %s" % (self.name, self.app)

        _model_class.append(Migration)
    return _model_class[0]


class MigrationRecorder(object):
    def __init__(self, connection):
        self.connection = connection

    @property
    def Migration(self):  # noqa: N802 - Django's name for it
        return migration_record_model()

    @property
    def migration_qs(self):
        return self.Migration.objects.using(self.connection.alias)

    def has_table(self):
        with self.connection.cursor() as cursor:
            tables = self.connection.introspection.table_names(cursor)
        return TABLE_NAME in tables or TABLE_NAME.upper() in tables

    def ensure_schema(self):
        """Create the table on first use."""
        if self.has_table():
            return
        with self.connection.schema_editor() as editor:
            editor.create_model(self.Migration)

    def applied_migrations(self):
        """``{(app, name): record}`` of the applied migrations; empty without the table."""
        if not self.has_table():
            return {}
        return dict(((record.app, record.name), record) for record in self.migration_qs.all())

    def record_applied(self, app, name):
        self.ensure_schema()
        self.migration_qs.create(app=app, name=name)

    def record_unapplied(self, app, name):
        self.ensure_schema()
        self.migration_qs.filter(app=app, name=name).delete()

    def flush(self):
        self.migration_qs.all().delete()
