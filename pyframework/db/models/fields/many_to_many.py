"""ManyToManyField and the intermediary ("through") model it creates when none is given."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.deletion import CASCADE
from pyframework.db.models.fields.related import ForeignKey, RelatedField, lazy_related_operation
from pyframework.db.models.fields.related_descriptors import ManyToManyDescriptor
from pyframework.db.models.fields.reverse_related import ManyToManyRel
from pyframework.db.models.utils import make_model_tuple, resolve_relation
from pyframework.utils.compat import string_types


def create_many_to_many_intermediary_model(field, klass):
    """The auto-created through model: table ``<app>_<model>_<field>`` with two FKs, unique together."""
    from pyframework.db.models.base import Model

    to_model = resolve_relation(klass, field.remote_field.model)
    name = str("%s_%s" % (klass._meta.object_name, field.name))
    to = make_model_tuple(to_model)[1]
    from_ = klass._meta.model_name
    if to == from_:
        to, from_ = "to_%s" % to, "from_%s" % from_
    meta = type(str("Meta"), (), {
        "db_table": field._get_m2m_db_table(klass._meta),
        "auto_created": klass,
        "app_label": klass._meta.app_label,
        "db_tablespace": klass._meta.db_tablespace,
        "unique_together": (from_, to),
        "verbose_name": "%s-%s relationship" % (from_, to),
        "verbose_name_plural": "%s-%s relationships" % (from_, to),
        "apps": field.model._meta.apps,
    })
    return type(name, (Model,), {
        "Meta": meta,
        "__module__": klass.__module__,
        from_: ForeignKey(klass, related_name="%s+" % name, db_constraint=field.remote_field.db_constraint,
                          on_delete=CASCADE),
        to: ForeignKey(to_model, related_name="%s+" % name, db_constraint=field.remote_field.db_constraint,
                       on_delete=CASCADE),
    })


def _refers_to(target, cls):
    """Whether a relation's ``to`` (a model, ``"self"``, a name or a label) is ``cls`` itself.

    Migrations rebuild fields from deconstruct(), where a self-relation is the label
    (``"app.Model"``, any case), so that spelling counts too.
    """
    if target is cls:
        return True
    if not isinstance(target, string_types):
        return False
    return target == "self" or target == cls._meta.object_name or (
        target.lower() == "%s.%s" % (cls._meta.app_label, cls._meta.model_name))


class ManyToManyField(RelatedField):
    """Many-to-many through a join table; no column on the model's own table."""

    many_to_many = True
    rel_class = ManyToManyRel

    def __init__(self, to, related_name=None, related_query_name=None, limit_choices_to=None,
                 symmetrical=None, through=None, through_fields=None, db_constraint=True,
                 db_table=None, **kwargs):
        if not (isinstance(to, string_types) or hasattr(to, "_meta")):
            raise TypeError("ManyToManyField(%r) is invalid. The first parameter must be a model, "
                            "a model name, or 'self'." % (to,))
        if symmetrical is None:
            symmetrical = to == "self"
        if through is not None and db_table is not None:
            raise ValueError("Cannot specify a db_table if an intermediary model is used.")
        kwargs["rel"] = self.rel_class(self, to, related_name=related_name,
                                       related_query_name=related_query_name,
                                       limit_choices_to=limit_choices_to, symmetrical=symmetrical,
                                       through=through, through_fields=through_fields,
                                       db_constraint=db_constraint)
        self.has_null_arg = "null" in kwargs
        super(ManyToManyField, self).__init__(**kwargs)
        self.db_table = db_table

    def get_attname_column(self):
        return self.get_attname(), None  # no column: the values live in the through table

    def db_type(self, connection):
        return None

    def db_parameters(self, connection):
        return {"type": None, "check": None}

    def _get_m2m_db_table(self, opts):
        through = self.remote_field.through
        if through is not None and not isinstance(through, string_types):
            return through._meta.db_table
        if self.db_table:
            return self.db_table
        return "%s_%s" % (opts.db_table or "%s_%s" % (opts.app_label, opts.model_name), self.name)

    def m2m_db_table(self):
        return self._get_m2m_db_table(self.model._meta)

    def contribute_to_class(self, cls, name, private_only=False):
        rel = self.remote_field
        # A symmetrical self-relation has no separate reverse accessor.
        if rel.symmetrical and _refers_to(rel.model, cls):
            rel.related_name = "%s_rel_+" % name
        elif rel.is_hidden():
            rel.related_name = "_%s_%s_%s_+" % (cls._meta.app_label, cls.__name__.lower(), name)
        super(ManyToManyField, self).contribute_to_class(cls, name, private_only=private_only)
        if not cls._meta.abstract:
            if rel.through:
                def resolve_through_model(_, model, field):
                    field.remote_field.through = model

                lazy_related_operation(resolve_through_model, cls, rel.through, field=self)
            else:
                rel.through = create_many_to_many_intermediary_model(self, cls)
        setattr(cls, self.name, ManyToManyDescriptor(rel, reverse=False))

    def contribute_to_related_class(self, cls, related):
        if not related.is_hidden():
            setattr(cls, related.get_accessor_name(), ManyToManyDescriptor(related, reverse=True))

    # -- the two foreign keys of the through model --------------------------

    def _through_fks(self):
        """(FK to the declaring model, FK to the target model) on the through model."""
        cached = self.__dict__.get("_through_fk_cache")
        if cached is not None:
            return cached
        rel = self.remote_field
        opts = rel.through._meta
        if rel.through_fields:
            pair = (opts.get_field(rel.through_fields[0]), opts.get_field(rel.through_fields[1]))
        else:
            fks = [f for f in opts.fields if f.is_relation and (f.many_to_one or f.one_to_one)]
            to_source = [f for f in fks if f.remote_field.model is self.model]
            to_target = [f for f in fks if f.remote_field.model is rel.model]
            if self.model is rel.model:
                if len(to_source) < 2:
                    raise ValueError("The through model %s needs two foreign keys to %s."
                                     % (opts.label, self.model._meta.label))
                pair = (to_source[0], to_source[1])
            else:
                if len(to_source) != 1 or len(to_target) != 1:
                    raise ValueError("The through model %s must have exactly one foreign key to %s and "
                                     "one to %s (or give through_fields)."
                                     % (opts.label, self.model._meta.label, rel.model._meta.label))
                pair = (to_source[0], to_target[0])
        self.__dict__["_through_fk_cache"] = pair
        return pair

    def m2m_field_name(self):
        return self._through_fks()[0].name

    def m2m_reverse_field_name(self):
        return self._through_fks()[1].name

    def m2m_column_name(self):
        return self._through_fks()[0].column

    def m2m_reverse_name(self):
        return self._through_fks()[1].column

    def m2m_target_field_name(self):
        return self._through_fks()[0].target_field.name

    def m2m_reverse_target_field_name(self):
        return self._through_fks()[1].target_field.name

    @property
    def foreign_related_fields(self):
        return (self.remote_field.model._meta.pk,)

    def value_from_object(self, obj):
        return [] if obj.pk is None else list(getattr(obj, self.attname).all())

    def save_form_data(self, instance, data):
        getattr(instance, self.attname).set(data)

    def get_internal_type(self):
        return "ManyToManyField"

    def deconstruct(self):
        name, path, args, kwargs = super(ManyToManyField, self).deconstruct()
        self._deconstruct_target(kwargs)
        rel = self.remote_field
        if rel.related_name and rel.related_name.endswith("+") and rel.related_name.startswith(
                ("_%s_" % self.model._meta.app_label, "%s_rel_" % name)):
            kwargs.pop("related_name", None)
        if rel.symmetrical != (kwargs["to"] == "self"):
            kwargs["symmetrical"] = rel.symmetrical
        through = rel.through
        if through is not None and not (getattr(through, "_meta", None) and through._meta.auto_created):
            kwargs["through"] = through if isinstance(through, string_types) else through._meta.label
        if rel.through_fields:
            kwargs["through_fields"] = rel.through_fields
        if self.db_table is not None:
            kwargs["db_table"] = self.db_table
        if not rel.db_constraint:
            kwargs["db_constraint"] = False
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        from pyframework.forms.models import ModelMultipleChoiceField

        defaults = {"form_class": ModelMultipleChoiceField,
                    "queryset": self.remote_field.model._default_manager.all(),
                    "limit_choices_to": self.remote_field.limit_choices_to}
        if self.has_default():
            initial = self.default
            defaults["initial"] = initial() if callable(initial) else initial
        defaults.update(kwargs)
        return super(ManyToManyField, self).formfield(**defaults)
