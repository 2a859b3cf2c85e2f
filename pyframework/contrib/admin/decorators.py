"""``@admin.register``, ``@admin.action`` and ``@admin.display``, as in Django."""
from __future__ import absolute_import, unicode_literals


def action(function=None, permissions=None, description=None):
    """Mark a ModelAdmin action: ``@admin.action(description="Publish", permissions=["change"])``.

    ``permissions`` names ``has_<name>_permission`` hooks of the ModelAdmin that must all
    allow the action for it to be offered and run.
    """
    def decorator(func):
        if permissions is not None:
            func.allowed_permissions = permissions
        if description is not None:
            func.short_description = description
        return func
    if function is None:
        return decorator
    return decorator(function)


def display(function=None, boolean=None, ordering=None, description=None, empty_value=None):
    """Describe a ``list_display`` callable: its header, sort field, boolean icon, empty text."""
    def decorator(func):
        if boolean is not None and empty_value is not None:
            raise ValueError("The boolean and empty_value arguments to the @display decorator are mutually "
                             "exclusive.")
        if boolean is not None:
            func.boolean = boolean
        if ordering is not None:
            func.admin_order_field = ordering
        if description is not None:
            func.short_description = description
        if empty_value is not None:
            func.empty_value_display = empty_value
        return func
    if function is None:
        return decorator
    return decorator(function)


def register(*models, **kwargs):
    """``@admin.register(Author, Book, site=custom_site)`` registers the decorated ModelAdmin class."""
    site = kwargs.pop("site", None)
    if kwargs:
        raise TypeError("register() got unexpected keyword arguments: %s" % ", ".join(sorted(kwargs)))
    from pyframework.contrib.admin.sites import AdminSite, site as default_site  # sites imports options

    def _model_admin_wrapper(admin_class):
        from pyframework.contrib.admin.options import ModelAdmin

        if not models:
            raise ValueError("At least one model must be passed to register.")
        admin_site = site or default_site
        if not isinstance(admin_site, AdminSite):
            raise ValueError("site must subclass AdminSite")
        if not issubclass(admin_class, ModelAdmin):
            raise ValueError("Wrapped class must subclass ModelAdmin.")
        admin_site.register(models, admin_class=admin_class)
        return admin_class
    return _model_admin_wrapper
