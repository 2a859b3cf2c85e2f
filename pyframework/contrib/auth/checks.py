"""System checks of the user model and the auth settings."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import checks
from pyframework.core.exceptions import FieldDoesNotExist, ImproperlyConfigured


@checks.register("models")
def check_contenttypes_installed(app_configs=None, **kwargs):
    """Permissions point at content types: contrib.auth needs contrib.contenttypes installed."""
    from pyframework.apps import apps

    if apps.is_installed("pyframework.contrib.auth") and not apps.is_installed("pyframework.contrib.contenttypes"):
        return [checks.Error(
            "'pyframework.contrib.auth' requires 'pyframework.contrib.contenttypes' in INSTALLED_APPS "
            "(permissions are stored per content type).",
            hint="Add 'pyframework.contrib.contenttypes' to INSTALLED_APPS, before 'pyframework.contrib.auth'.",
            id="auth.E013")]
    return []


@checks.register("models")
def check_user_model(app_configs=None, **kwargs):
    from pyframework.contrib.auth import get_user_model

    try:
        user_model = get_user_model()
    except ImproperlyConfigured as exc:
        return [checks.Error("%s" % exc, id="auth.E010")]
    errors = []
    opts = user_model._meta
    username_field = getattr(user_model, "USERNAME_FIELD", None)
    required = getattr(user_model, "REQUIRED_FIELDS", [])
    if not isinstance(required, (list, tuple)):
        errors.append(checks.Error("'REQUIRED_FIELDS' must be a list or tuple.", obj=user_model, id="auth.E001"))
    elif username_field in required:
        errors.append(checks.Error(
            "The field named as the 'USERNAME_FIELD' for a custom user model must not be included in "
            "'REQUIRED_FIELDS'.", obj=user_model, id="auth.E002"))
    try:
        field = opts.get_field(username_field)
    except FieldDoesNotExist:
        errors.append(checks.Error("USERNAME_FIELD %r is not a field of %s." % (username_field, opts.label),
                                   obj=user_model, id="auth.E004"))
    else:
        if not field.unique:
            errors.append(checks.Error("'%s.%s' must be unique because it is named as the 'USERNAME_FIELD'."
                                       % (opts.object_name, username_field), obj=user_model, id="auth.E003"))
    return errors


@checks.register("security")
def check_password_hashers(app_configs=None, **kwargs):
    from pyframework.contrib.auth.hashers import get_hashers

    try:
        get_hashers()
    except ImproperlyConfigured as exc:
        return [checks.Error("%s" % exc, hint="Fix PASSWORD_HASHERS.", id="auth.E020")]
    return []
