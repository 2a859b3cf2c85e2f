"""Schema migrations: ``from pyframework.db import migrations`` gives Migration and every operation."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.migrations.migration import Migration  # noqa: F401
from pyframework.db.migrations.operations import (  # noqa: F401
    AddConstraint, AddField, AddIndex, AlterField, AlterModelOptions, AlterModelTable, AlterUniqueTogether,
    CreateModel, DeleteModel, RemoveConstraint, RemoveField, RemoveIndex, RenameField, RunPython, RunSQL,
    SeparateDatabaseAndState,
)
