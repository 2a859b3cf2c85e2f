"""The SQL layer of the ORM: Query objects and the compilers that turn them into SQL."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.sql.constants import AND, CURSOR, MULTI, NO_RESULTS, OR, SINGLE  # noqa: F401
from pyframework.db.models.sql.query import Query  # noqa: F401
from pyframework.db.models.sql.subqueries import AggregateQuery, DeleteQuery, InsertQuery, UpdateQuery  # noqa: F401
from pyframework.db.models.sql.where import WhereNode  # noqa: F401
