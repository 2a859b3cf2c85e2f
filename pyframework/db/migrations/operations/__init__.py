"""The operations a migration file lists, importable as ``migrations.<Name>``."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.migrations.operations.fields import (  # noqa: F401
    AddField, AlterField, RemoveField, RenameField,
)
from pyframework.db.migrations.operations.models import (  # noqa: F401
    AddConstraint, AddIndex, AlterModelOptions, AlterModelTable, AlterUniqueTogether, CreateModel,
    DeleteModel, RemoveConstraint, RemoveIndex,
)
from pyframework.db.migrations.operations.special import RunPython, RunSQL, SeparateDatabaseAndState  # noqa: F401
