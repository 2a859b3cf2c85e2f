"""The far side of a relation: what ``Author._meta.related_objects`` holds for ``Book.author``.

A ``ForeignObjectRel`` is not a field of its model; it describes the reverse
accessor (``author.book_set``) and the reverse lookup name (``book__title``).
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import FieldDoesNotExist
from pyframework.utils.functional import cached_property


def _mirrored_flag(name, field_flag):
    def flag(self):
        return getattr(self.field, field_flag)
    return cached_property(flag, name=name)


class ForeignObjectRel(object):
    auto_created = True
    concrete = False
    editable = False
    is_relation = True
    null = True
    empty_strings_allowed = False
    multiple = True

    def __init__(self, field, to, related_name=None, related_query_name=None,
                 limit_choices_to=None, parent_link=False, on_delete=None):
        self.field = field
        self.model = to  # the model the relation points at (a string until resolved)
        self.related_name = related_name
        self.related_query_name = related_query_name
        self.limit_choices_to = {} if limit_choices_to is None else limit_choices_to
        self.parent_link = parent_link
        self.on_delete = on_delete
        self.symmetrical = False

    # The reverse side mirrors the field's cardinality flags.
    many_to_many = _mirrored_flag("many_to_many", "many_to_many")
    many_to_one = _mirrored_flag("many_to_one", "one_to_many")
    one_to_many = _mirrored_flag("one_to_many", "many_to_one")
    one_to_one = _mirrored_flag("one_to_one", "one_to_one")

    @property
    def hidden(self):
        return self.is_hidden()

    @property
    def name(self):
        return self.field.related_query_name()

    @property
    def remote_field(self):
        return self.field

    @property
    def related_model(self):
        """The model declaring the field (``Book`` for ``Book.author``)."""
        return self.field.model

    @property
    def target_field(self):
        target_fields = self.field.foreign_related_fields if hasattr(self.field, "foreign_related_fields") else ()
        if len(target_fields) != 1:
            raise FieldDoesNotExist("Can't use target_field for multicolumn relations.")
        return target_fields[0]

    def get_lookup(self, lookup_name):
        return self.field.get_lookup(lookup_name)

    def get_transform(self, lookup_name):
        return self.field.get_transform(lookup_name)

    def get_internal_type(self):
        return self.field.get_internal_type()

    @property
    def db_type(self):
        return self.field.db_type

    def is_hidden(self):
        """A ``related_name`` ending in ``+`` means: no reverse accessor."""
        return bool(self.related_name) and self.related_name[-1] == "+"

    def get_joining_columns(self):
        return self.field.get_reverse_joining_columns()

    def set_field_name(self):
        """Hook: relations to a specific target field learn its name once the target is known."""

    def get_accessor_name(self, model=None):
        """Attribute name on the target model: ``related_name`` or ``<model>_set`` / ``<model>``."""
        opts = model._meta if model else self.related_model._meta
        model = model or self.related_model
        if self.multiple and self.symmetrical and model is self.model:
            return None
        if self.related_name:
            return self.related_name
        return opts.model_name + ("_set" if self.multiple else "")

    def get_cache_name(self):
        return self.get_accessor_name()

    def get_path_info(self, filtered_relation=None):
        return self.field.get_reverse_path_info(filtered_relation) \
            if hasattr(self.field, "get_reverse_path_info") else []

    def __repr__(self):
        owner = self.field.model._meta.label_lower if self.field.model is not None else "?"
        return "<%s: %s.%s>" % (type(self).__name__, owner, self.field.name)


class ManyToOneRel(ForeignObjectRel):
    """Reverse of a ForeignKey: one target row, many pointing rows."""

    def __init__(self, field, to, field_name, related_name=None, related_query_name=None,
                 limit_choices_to=None, parent_link=False, on_delete=None):
        super(ManyToOneRel, self).__init__(field, to, related_name=related_name,
                                           related_query_name=related_query_name,
                                           limit_choices_to=limit_choices_to,
                                           parent_link=parent_link, on_delete=on_delete)
        self.field_name = field_name  # the target field (None: the target's primary key)

    def get_related_field(self):
        field = self.model._meta.get_field(self.field_name)
        if not field.concrete:
            raise FieldDoesNotExist("No related field named '%s'" % self.field_name)
        return field

    def set_field_name(self):
        self.field_name = self.field_name or self.model._meta.pk.name


class OneToOneRel(ManyToOneRel):
    multiple = False


class ManyToManyRel(ForeignObjectRel):
    def __init__(self, field, to, related_name=None, related_query_name=None, limit_choices_to=None,
                 symmetrical=True, through=None, through_fields=None, db_constraint=True):
        super(ManyToManyRel, self).__init__(field, to, related_name=related_name,
                                            related_query_name=related_query_name,
                                            limit_choices_to=limit_choices_to)
        if through and not db_constraint:
            raise ValueError("Can't supply a through model and db_constraint=False")
        if through_fields and not through:
            raise ValueError("Cannot specify through_fields without a through model")
        self.through = through
        self.through_fields = through_fields
        self.symmetrical = symmetrical
        self.db_constraint = db_constraint

    def get_related_field(self):
        """The field on the through model's FK that points at the target model."""
        opts = self.through._meta
        if self.through_fields:
            return opts.get_field(self.through_fields[0])
        for field in opts.fields:
            rel = getattr(field, "remote_field", None)
            if rel and rel.model is self.model:
                return field
        return None
