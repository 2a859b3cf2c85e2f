"""Constants shared by the query and compiler modules."""
from __future__ import absolute_import, unicode_literals

# What SQLCompiler.execute_sql() returns.
MULTI = "multi"          # all rows (a list, or an iterator of rows for chunked fetches)
SINGLE = "single"        # the first row or None
CURSOR = "cursor"        # the open cursor (for rowcount)
NO_RESULTS = "no results"

GET_ITERATOR_CHUNK_SIZE = 100

INNER = "INNER JOIN"
LOUTER = "LEFT OUTER JOIN"

AND = "AND"
OR = "OR"
