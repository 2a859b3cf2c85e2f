"""Errors raised while loading, planning and applying migrations."""
from __future__ import absolute_import, unicode_literals


class MigrationError(Exception):
    """Base class of the migration errors."""


class AmbiguityError(MigrationError):
    """A migration name prefix matches more than one migration."""


class BadMigrationError(MigrationError):
    """A migration module has no ``Migration`` class."""


class NodeNotFoundError(LookupError):
    """A migration depends on one that does not exist."""

    def __init__(self, message, node, origin=None):
        super(NodeNotFoundError, self).__init__(message)
        self.message = message
        self.node = node
        self.origin = origin

    def __str__(self):
        return self.message


class CircularDependencyError(MigrationError):
    """The migrations' dependencies form a cycle."""


class InconsistentMigrationHistory(MigrationError):
    """An applied migration has a dependency that is not applied."""


class InvalidBasesError(MigrationError):
    """A historical model's bases cannot be resolved."""


class IrreversibleError(MigrationError):
    """An operation cannot be reversed (RunPython without reverse_code, ...)."""


class InvalidMigrationPlan(MigrationError):
    """A plan mixes forwards and backwards migrations."""


class MissingDefaultError(MigrationError):
    """A NOT NULL field is added to an existing model without a default."""
