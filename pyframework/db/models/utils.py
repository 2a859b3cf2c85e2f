"""Small helpers shared by models, fields and relations."""
from __future__ import absolute_import, unicode_literals

from pyframework.utils.compat import string_types


def make_model_tuple(model):
    """Return ``(app_label, model_name)`` for a model class or an ``"app.Model"`` string."""
    if isinstance(model, tuple):
        return model
    if isinstance(model, string_types):
        app_label, _, model_name = model.partition(".")
        if not model_name:
            raise ValueError(
                "Invalid model reference %r: string references must be of the form "
                "'app_label.ModelName'." % model)
        return app_label, model_name.lower()
    return model._meta.app_label, model._meta.model_name


def resolve_relation(scope_model, relation):
    """Turn a relation target into a model class or an ``"app_label.ModelName"`` string.

    ``"self"`` means the model the field is declared on; a bare ``"Model"``
    means a model of the same app.
    """
    if isinstance(relation, string_types):
        if relation == "self":
            return scope_model
        if "." not in relation:
            return "%s.%s" % (scope_model._meta.app_label, relation)
    return relation



class EqualByDeconstruction(object):
    """Equal when of the same type and rebuilt from the same arguments (indexes, constraints)."""

    def __eq__(self, other):
        return type(self) is type(other) and self.deconstruct() == other.deconstruct()

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__
