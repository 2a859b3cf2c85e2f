"""``Operation``: one schema or data change in a migration, reversible and serializable."""
from __future__ import absolute_import, unicode_literals

import inspect

from pyframework.db.migrations.utils import deep_deconstruct


def constructor_parameters(cls):
    """Names of ``cls.__init__``'s parameters after ``self``."""
    if hasattr(inspect, "getfullargspec"):
        return inspect.getfullargspec(cls.__init__).args[1:]
    return inspect.getargspec(cls.__init__).args[1:]


class Operation(object):
    """Subclasses change the project state (``state_forwards``) and the database (``database_*``).

    The constructor arguments are remembered so ``deconstruct()`` can write the
    operation back into a migration file exactly as it was built.
    """

    # Can be undone by database_backwards.
    reversible = True
    # Turns into SQL statements (sqlmigrate can print it).
    reduces_to_sql = True
    # Keeps its own transaction even when the migration is not atomic.
    atomic = False

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._constructor_args = (args, kwargs)
        return self

    def deconstruct(self):
        """``(class name, (), kwargs)``: the constructor's arguments, all by name."""
        args, kwargs = self._constructor_args
        kwargs = dict(kwargs)
        kwargs.update(zip(constructor_parameters(self.__class__), args))
        return self.__class__.__name__, (), kwargs

    def state_forwards(self, app_label, state):
        raise NotImplementedError("subclasses of Operation must provide a state_forwards() method")

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        raise NotImplementedError("subclasses of Operation must provide a database_forwards() method")

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        raise NotImplementedError("subclasses of Operation must provide a database_backwards() method")

    def describe(self):
        return "%s: %s" % (self.__class__.__name__, self._constructor_args)

    @property
    def migration_name_fragment(self):
        """A short name for migrations made of this operation, or None."""
        return None

    def references_model(self, name, app_label):
        """Whether the operation may touch model ``name``; conservative by default."""
        return True

    @staticmethod
    def allow_migrate_model(connection, model):
        """Only managed, concrete models get tables, on the databases they are meant for."""
        return model._meta.can_migrate(connection)

    def __eq__(self, other):
        return type(self) is type(other) and deep_deconstruct(self) == deep_deconstruct(other)

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__

    def __repr__(self):
        name, args, kwargs = self.deconstruct()
        parts = [repr(arg) for arg in args]
        parts.extend("%s=%r" % item for item in sorted(kwargs.items()))
        return "<%s %s>" % (name, ", ".join(parts))
