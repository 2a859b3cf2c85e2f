"""How a QuerySet turns result rows into objects: model instances, dicts, tuples or single values."""
from __future__ import absolute_import, unicode_literals

from collections import namedtuple

from pyframework.db.models.sql.constants import GET_ITERATOR_CHUNK_SIZE, MULTI


class BaseIterable(object):
    def __init__(self, queryset, chunked_fetch=False, chunk_size=GET_ITERATOR_CHUNK_SIZE):
        self.queryset, self.chunked_fetch, self.chunk_size = queryset, chunked_fetch, chunk_size

    def _run(self):
        queryset = self.queryset
        compiler = queryset.query.get_compiler(using=queryset.db)
        results = compiler.execute_sql(MULTI, chunked_fetch=self.chunked_fetch, chunk_size=self.chunk_size)
        return compiler, results


def set_cached_related(instance, field, value):
    """Remember the object a forward relation points to, as the relation descriptor expects."""
    setter = getattr(field, "set_cached_value", None)
    if setter is not None:
        setter(instance, value)
    else:
        instance._state.fields_cache[field.name] = value


class RelatedPopulator(object):
    """Builds one ``select_related`` object (and its own related objects) from a slice of the row."""

    def __init__(self, klass_info, select, db):
        self.db = db
        self.model = klass_info["model"]
        self.field = klass_info["field"]
        self.start, self.end = klass_info["select_fields"]
        self.init_list = [select[i][0].target.attname for i in range(self.start, self.end)]
        self.pk_index = self.start + self.init_list.index(self.model._meta.pk.attname)
        self.children = [RelatedPopulator(info, select, db) for info in klass_info["related_klass_infos"]]

    def populate(self, row, from_obj):
        if row[self.pk_index] is None:
            obj = None
        else:
            obj = self.model.from_db(self.db, self.init_list, row[self.start:self.end])
            for child in self.children:
                child.populate(row, obj)
        set_cached_related(from_obj, self.field, obj)


class ModelIterable(BaseIterable):
    """Model instances, with select_related objects and annotations attached."""

    def __iter__(self):
        compiler, results = self._run()
        if compiler.klass_info is None:
            return
        db = self.queryset.db
        select = compiler.select
        klass_info = compiler.klass_info
        model = klass_info["model"]
        start, end = klass_info["select_fields"]
        init_list = [select[i][0].target.attname for i in range(start, end)]
        populators = [RelatedPopulator(info, select, db) for info in klass_info["related_klass_infos"]]
        annotations = list(compiler.annotation_col_map.items())
        from_db = model.from_db
        whole_row = start == 0 and end == len(select)
        for row in compiler.results_iter(results):
            obj = from_db(db, init_list, row if whole_row else row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, pos in annotations:
                setattr(obj, name, row[pos])
            yield obj


class ValuesIterable(BaseIterable):
    """``values()``: one dict per row."""

    def __iter__(self):
        compiler, results = self._run()
        names = compiler.col_names
        for row in compiler.results_iter(results):
            yield dict(zip(names, row))


class ValuesListIterable(BaseIterable):
    """``values_list()``: one tuple per row."""

    def __iter__(self):
        compiler, results = self._run()
        width = len(compiler.col_names or ())
        for row in compiler.results_iter(results):
            yield tuple(row[:width]) if len(row) != width else tuple(row)


class NamedValuesListIterable(BaseIterable):
    """``values_list(named=True)``: one namedtuple per row."""

    def __iter__(self):
        compiler, results = self._run()
        names = compiler.col_names
        if names is None:
            return
        row_class = namedtuple(str("Row"), [str(name) for name in names], rename=True)
        width = len(names)
        for row in compiler.results_iter(results):
            yield row_class(*row[:width])


class FlatValuesListIterable(BaseIterable):
    """``values_list(flat=True)``: the single selected value of each row."""

    def __iter__(self):
        compiler, results = self._run()
        for row in compiler.results_iter(results):
            yield row[0]
