"""Attribute access for relations: ``book.author``, ``author.book_set``, ``book.tags``.

Forward accessors cache the related object in ``instance._state.fields_cache``;
reverse accessors return managers built per relation (subclasses of the target
model's default manager class, so custom QuerySet methods stay available).
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.query_utils import DeferredAttribute
from pyframework.utils.functional import cached_property


class ForeignKeyDeferredAttribute(DeferredAttribute):
    """``book.author_id``: assigning a different key forgets the cached ``book.author``."""

    def __set__(self, instance, value):
        data = instance.__dict__
        name = self.field.attname
        if data.get(name, value) != value:
            instance._state.fields_cache.pop(self.field.name, None)
        data[name] = value


def _related_does_not_exist(model, name):
    # Also an AttributeError so hasattr(obj, "rel") and getattr defaults keep working.
    return type(str("RelatedObjectDoesNotExist"), (model.DoesNotExist, AttributeError), {
        "__module__": model.__module__, "__qualname__": str("%s.%s.RelatedObjectDoesNotExist" % (
            model.__name__, name))})


class ForwardManyToOneDescriptor(object):
    """``book.author``: load on first access, then cached on the instance."""

    def __init__(self, field_with_rel):
        self.field = field_with_rel

    @cached_property
    def RelatedObjectDoesNotExist(self):
        return _related_does_not_exist(self.field.remote_field.model, self.field.name)

    def is_cached(self, instance):
        return self.field.name in instance._state.fields_cache

    def get_queryset(self, instance=None):
        manager = self.field.remote_field.model._base_manager
        return manager.db_manager(instance._state.db if instance is not None else None).all()

    def get_object(self, instance):
        value = getattr(instance, self.field.attname)
        return self.get_queryset(instance).get(**{self.field.target_field.attname: value})

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        cache = instance._state.fields_cache
        name = self.field.name
        try:
            rel_obj = cache[name]
        except KeyError:
            if getattr(instance, self.field.attname) is None:
                rel_obj = None
            else:
                rel_obj = self.get_object(instance)
                self._remember_reverse(rel_obj, instance)
            cache[name] = rel_obj
        if rel_obj is None and not self.field.null:
            raise self.RelatedObjectDoesNotExist("%s has no %s." % (self.field.model.__name__, name))
        return rel_obj

    def _remember_reverse(self, rel_obj, instance):
        """One-to-one: the loaded object knows its way back without a query."""

    def __set__(self, instance, value):
        field = self.field
        if value is not None and not isinstance(value, field.remote_field.model._meta.concrete_model):
            raise ValueError('Cannot assign "%r": "%s.%s" must be a "%s" instance.' % (
                value, instance._meta.object_name, field.name, field.remote_field.model._meta.object_name))
        cache = instance._state.fields_cache
        if value is None:
            instance.__dict__[field.attname] = None
            previous = cache.get(field.name)
            if previous is not None and not field.remote_field.multiple:
                previous._state.fields_cache.pop(field.remote_field.get_cache_name(), None)
        else:
            instance.__dict__[field.attname] = getattr(value, field.target_field.attname)
            if not field.remote_field.multiple:
                value._state.fields_cache[field.remote_field.get_cache_name()] = instance
        cache[field.name] = value

    def __reduce__(self):
        return getattr, (self.field.model, self.field.name)


class ForwardOneToOneDescriptor(ForwardManyToOneDescriptor):
    def _remember_reverse(self, rel_obj, instance):
        rel_obj._state.fields_cache[self.field.remote_field.get_cache_name()] = instance


class ReverseOneToOneDescriptor(object):
    """``place.restaurant``: the single object whose OneToOneField points here."""

    def __init__(self, related):
        self.related = related

    @cached_property
    def RelatedObjectDoesNotExist(self):
        return _related_does_not_exist(self.related.related_model, self.related.name)

    def is_cached(self, instance):
        return self.related.get_cache_name() in instance._state.fields_cache

    def get_queryset(self, instance=None):
        manager = self.related.related_model._base_manager
        return manager.db_manager(instance._state.db if instance is not None else None).all()

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        cache = instance._state.fields_cache
        name = self.related.get_cache_name()
        try:
            rel_obj = cache[name]
        except KeyError:
            rel_obj = None
            if instance.pk is not None:
                field = self.related.field
                try:
                    rel_obj = self.get_queryset(instance).get(**{field.name: instance})
                except self.related.related_model.DoesNotExist:
                    rel_obj = None
                else:
                    rel_obj._state.fields_cache[field.name] = instance
            cache[name] = rel_obj
        if rel_obj is None:
            raise self.RelatedObjectDoesNotExist("%s has no %s." % (type(instance).__name__, name))
        return rel_obj

    def __set__(self, instance, value):
        related = self.related
        cache = instance._state.fields_cache
        name = related.get_cache_name()
        if value is None:
            rel_obj = cache.pop(name, None)
            if rel_obj is not None:
                setattr(rel_obj, related.field.name, None)
            return
        if not isinstance(value, related.related_model):
            raise ValueError('Cannot assign "%r": "%s.%s" must be a "%s" instance.' % (
                value, instance._meta.object_name, name, related.related_model._meta.object_name))
        value.__dict__[related.field.attname] = getattr(instance, related.field.target_field.attname)
        cache[name] = value
        value._state.fields_cache[related.field.name] = instance


class ReverseManyToOneDescriptor(object):
    """``author.book_set``: a manager over the books pointing at this author."""

    def __init__(self, rel):
        self.rel = rel
        self.field = rel.field

    @cached_property
    def related_manager_cls(self):
        from pyframework.db.models.fields.related_managers import create_reverse_many_to_one_manager

        return create_reverse_many_to_one_manager(self.rel.related_model._default_manager.__class__, self.rel)

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        return self.related_manager_cls(instance)

    def __set__(self, instance, value):
        raise TypeError("Direct assignment to the reverse side of a related set is prohibited. "
                        "Use %s.set() instead." % self.rel.get_accessor_name())


class ManyToManyDescriptor(ReverseManyToOneDescriptor):
    """``article.tags`` (forward) and ``tag.article_set`` (reverse) of a ManyToManyField."""

    def __init__(self, rel, reverse=False):
        super(ManyToManyDescriptor, self).__init__(rel)
        self.reverse = reverse

    @property
    def through(self):
        return self.rel.through

    @cached_property
    def related_manager_cls(self):
        from pyframework.db.models.fields.related_managers import create_many_related_manager

        model = self.rel.related_model if self.reverse else self.rel.model
        return create_many_related_manager(model._default_manager.__class__, self.rel, self.reverse)

    def __set__(self, instance, value):
        name = self.rel.get_accessor_name() if self.reverse else self.field.name
        raise TypeError("Direct assignment to the %s side of a many-to-many set is prohibited. "
                        "Use %s.set() instead." % ("reverse" if self.reverse else "forward", name))

