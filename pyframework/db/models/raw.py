"""``Model.objects.raw(sql, params)``: model instances from hand-written SQL."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import FieldError
from pyframework.db.models.sql.compiler import SQLCompiler, convert_row


class RawQuerySet(object):
    """Runs ``raw_query`` with ``params`` (always as bound parameters) on iteration.

    Columns named after model fields (or their db column, or mapped through
    ``translations``) fill the instances; the rest become attributes.
    """

    def __init__(self, raw_query, model=None, params=(), translations=None, using=None):
        self.raw_query, self.model = raw_query, model
        self.params = tuple(params or ())
        self.translations = translations or {}
        self._db = using
        self._result_cache = None

    @property
    def db(self):
        if self._db is not None:
            return self._db
        from pyframework.db import DEFAULT_DB_ALIAS
        return DEFAULT_DB_ALIAS

    def using(self, alias):
        return RawQuerySet(self.raw_query, self.model, self.params, self.translations, alias)

    def __repr__(self):
        return "<RawQuerySet: %s>" % self.raw_query

    def __len__(self):
        self._fetch_all()
        return len(self._result_cache)

    def __bool__(self):
        self._fetch_all()
        return bool(self._result_cache)

    __nonzero__ = __bool__

    def __getitem__(self, k):
        self._fetch_all()
        return self._result_cache[k]

    def __iter__(self):
        self._fetch_all()
        return iter(self._result_cache)

    def iterator(self):
        return iter(list(self._rows()))

    def _fetch_all(self):
        if self._result_cache is None:
            self._result_cache = list(self._rows())

    def _rows(self):
        from pyframework.db import connections
        connection = connections[self.db]
        opts = self.model._meta
        with connection.cursor() as cursor:
            cursor.execute(self.raw_query, list(self.params))
            columns = [self.translations.get(d[0], d[0]) for d in cursor.description]
            rows = cursor.fetchall()
        by_column = {}
        for field in opts.concrete_fields:
            by_column[field.column] = field
            by_column[field.attname] = field
            by_column[field.name] = field
        fields = [by_column.get(name) for name in columns]
        if opts.pk not in fields:
            raise FieldError("Raw query must include the primary key")
        # In model field order, so a row holding every field builds the instance the fast way.
        order = dict((field, index) for index, field in enumerate(opts.concrete_fields))
        model_positions = sorted(((pos, field) for pos, field in enumerate(fields) if field is not None),
                                 key=lambda item: order[item[1]])
        extra_positions = [(pos, columns[pos]) for pos, field in enumerate(fields) if field is None]
        init_list = [field.attname for pos, field in model_positions]
        converters = SQLCompiler(None, connection, self.db).get_converters([field.get_col(opts.db_table) for pos, field in model_positions])
        for row in rows:
            values = convert_row([row[pos] for pos, field in model_positions], converters, connection)
            obj = self.model.from_db(self.db, init_list, values)
            for pos, name in extra_positions:
                setattr(obj, name, row[pos])
            yield obj
