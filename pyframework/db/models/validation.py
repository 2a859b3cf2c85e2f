"""Model validation: ``full_clean()`` = field checks + ``clean()`` + uniqueness checks."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import NON_FIELD_ERRORS, ValidationError
from pyframework.utils.compat import text_type
from pyframework.utils.functional import Promise, lazy


def _capfirst_text(value):
    value = text_type(value)
    return value[:1].upper() + value[1:]


_lazy_capfirst = lazy(_capfirst_text, text_type)


def _capfirst(value):
    """``value`` with a capital first letter; a translatable (lazy) value stays lazy, so a form
    label made from a ``gettext_lazy`` verbose_name shows in the language of each request."""
    if isinstance(value, Promise):
        return _lazy_capfirst(value)
    return _capfirst_text(value)


class ModelValidationMixin(object):
    """The validation half of ``Model`` (kept apart from persistence for readability)."""

    def clean(self):
        """Hook for model-wide validation; raise ValidationError to report problems."""

    def clean_fields(self, exclude=None):
        """Convert and validate every field value; collect all errors, keyed by field name."""
        exclude = set(exclude or ())
        errors = {}
        for field in self._meta.concrete_fields:
            if field.name in exclude:
                continue
            raw_value = getattr(self, field.attname)
            if field.blank and raw_value in field.empty_values:
                continue
            if field.has_db_default() and hasattr(raw_value, "resolve_expression"):
                continue  # a DatabaseDefault: the database supplies it on insert
            try:
                setattr(self, field.attname, field.clean(raw_value, self))
            except ValidationError as exc:
                errors[field.name] = exc.error_list
        if errors:
            raise ValidationError(errors)

    def full_clean(self, exclude=None, validate_unique=True):
        errors = {}
        exclude = set(exclude or ())
        try:
            self.clean_fields(exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        try:
            self.clean()
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        if validate_unique:
            exclude.update(errors)
            try:
                self.validate_unique(exclude=exclude)
            except ValidationError as exc:
                errors = exc.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _unique_checks(self, exclude):
        opts = self._meta
        checks = [(field.name,) for field in opts.local_fields if field.unique and field.name not in exclude]
        groups = list(opts.unique_together)
        groups.extend(tuple(c.fields) for c in opts.total_unique_constraints)
        for group in groups:
            if not any(name in exclude for name in group):
                checks.append(tuple(group))
        return checks

    def validate_unique(self, exclude=None):
        """Query the database for rows that would clash with this one's unique values."""
        exclude = set(exclude or ())
        opts = self._meta
        errors = {}
        for check in self._unique_checks(exclude):
            lookup = {}
            for name in check:
                field = opts.get_field(name)
                value = getattr(self, field.attname)
                if value is None:
                    break  # NULL never clashes
                lookup[field.attname] = value
            else:
                queryset = self.__class__._default_manager.filter(**lookup)
                if not self._state.adding and self.pk is not None:
                    queryset = queryset.exclude(pk=self.pk)
                if queryset.exists():
                    key = check[0] if len(check) == 1 else NON_FIELD_ERRORS
                    errors.setdefault(key, []).append(self.unique_error_message(check))
        if errors:
            raise ValidationError(errors)

    def unique_error_message(self, unique_check):
        opts = self._meta
        params = {"model_name": _capfirst(opts.verbose_name)}
        if len(unique_check) == 1:
            field = opts.get_field(unique_check[0])
            params["field_label"] = _capfirst(field.verbose_name)
            return ValidationError(field.error_messages["unique"], code="unique", params=params)
        labels = [_capfirst(opts.get_field(name).verbose_name) for name in unique_check]
        params["field_labels"] = " and ".join(labels)
        return ValidationError("%(model_name)s with this %(field_labels)s already exists.",
                               code="unique_together", params=params)
