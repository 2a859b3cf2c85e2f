"""Authentication backends: ModelBackend checks passwords and permissions against the user model."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.auth import get_user_model
from pyframework.contrib.auth.hashers import run_dummy_hash


class BaseBackend(object):
    def authenticate(self, request, **kwargs):
        return None

    def get_user(self, user_id):
        return None

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return self.get_user_permissions(user_obj, obj) | self.get_group_permissions(user_obj, obj)

    def has_perm(self, user_obj, perm, obj=None):
        return perm in self.get_all_permissions(user_obj, obj)


def _perm_names(permissions):
    return set("%s.%s" % (app_label, codename) for app_label, codename in permissions)


class ModelBackend(BaseBackend):
    """Username and password against the user model; permissions from the user's rows and groups.

    Permissions are cached on the user object (``_user_perm_cache`` and friends),
    so a request checking many of them queries once.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        UserModel = get_user_model()
        if username is None:
            username = kwargs.get(UserModel.USERNAME_FIELD)
        if username is None or password is None:
            return None
        try:
            user = UserModel._default_manager.get_by_natural_key(username)
        except UserModel.DoesNotExist:
            # Hash anyway: a quick "no" would tell an attacker which usernames exist.
            run_dummy_hash(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def user_can_authenticate(self, user):
        """Inactive users are refused; custom user models without ``is_active`` are let in."""
        return getattr(user, "is_active", True)

    def get_user(self, user_id):
        UserModel = get_user_model()
        try:
            user = UserModel._default_manager.get(pk=user_id)
        except UserModel.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def _get_user_permissions(self, user_obj):
        return user_obj.user_permissions.values_list("content_type__app_label", "codename")

    def _get_group_permissions(self, user_obj):
        from pyframework.contrib.auth.models import Permission

        return Permission.objects.filter(group__user=user_obj).values_list("content_type__app_label", "codename")

    def _cached_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        cache_name = "_%s_perm_cache" % from_name
        if not hasattr(user_obj, cache_name):
            if user_obj.is_superuser:
                from pyframework.contrib.auth.models import Permission

                permissions = Permission.objects.values_list("content_type__app_label", "codename")
            else:
                permissions = getattr(self, "_get_%s_permissions" % from_name)(user_obj)
            setattr(user_obj, cache_name, _perm_names(permissions))
        return getattr(user_obj, cache_name)

    def get_user_permissions(self, user_obj, obj=None):
        return self._cached_permissions(user_obj, obj, "user")

    def get_group_permissions(self, user_obj, obj=None):
        return self._cached_permissions(user_obj, obj, "group")

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = super(ModelBackend, self).get_all_permissions(user_obj)
        return user_obj._perm_cache

    def has_perm(self, user_obj, perm, obj=None):
        return user_obj.is_active and super(ModelBackend, self).has_perm(user_obj, perm, obj=obj)

    def has_module_perms(self, user_obj, app_label):
        prefix = app_label + "."
        return user_obj.is_active and any(perm.startswith(prefix) for perm in self.get_all_permissions(user_obj))

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None):
        if obj is not None:
            return get_user_model()._default_manager.none()
        return get_user_model()._default_manager.with_perm(perm, is_active, include_superusers)


class AllowAllUsersModelBackend(ModelBackend):
    """ModelBackend that lets inactive users log in too (the views then decide)."""

    def user_can_authenticate(self, user):
        return True
