"""Template context: ``user`` and ``perms`` (``perms.blog.add_post`` in a template)."""
from __future__ import absolute_import, unicode_literals


class PermLookupDict(object):
    """``perms.<app_label>``: truthy if the user has any permission in the app."""

    def __init__(self, user, app_label):
        self.user, self.app_label = user, app_label

    def __repr__(self):
        return str(self.user.get_all_permissions())

    def __getitem__(self, perm_name):
        return self.user.has_perm("%s.%s" % (self.app_label, perm_name))

    def __getattr__(self, perm_name):
        if perm_name.startswith("__"):
            raise AttributeError(perm_name)
        return self[perm_name]

    def __iter__(self):
        raise TypeError("PermLookupDict is not iterable.")

    def __bool__(self):
        return self.user.has_module_perms(self.app_label)

    __nonzero__ = __bool__


class PermWrapper(object):
    """``perms``: ``perms.app_label.codename`` and ``"app_label.codename" in perms``."""

    def __init__(self, user):
        self.user = user

    def __getitem__(self, app_label):
        return PermLookupDict(self.user, app_label)

    def __getattr__(self, app_label):
        if app_label.startswith("__"):
            raise AttributeError(app_label)
        return PermLookupDict(self.user, app_label)

    def __iter__(self):
        raise TypeError("PermWrapper is not iterable.")

    def __contains__(self, perm_name):
        if "." not in perm_name:
            return bool(self[perm_name])
        app_label, codename = perm_name.split(".", 1)
        return self[app_label][codename]


def auth(request):
    """``user`` (AnonymousUser without AuthenticationMiddleware) and ``perms``."""
    user = getattr(request, "user", None)
    if user is None:
        from pyframework.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    return {"user": user, "perms": PermWrapper(user)}
