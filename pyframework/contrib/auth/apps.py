from __future__ import absolute_import, unicode_literals

from pyframework.apps.config import AppConfig


class AuthConfig(AppConfig):
    name = "pyframework.contrib.auth"
    label = "auth"
    verbose_name = "Authentication and Authorization"

    def ready(self):
        from pyframework.contrib.auth import checks  # noqa: F401 - registers the checks
        from pyframework.contrib.auth.management import create_permissions
        from pyframework.contrib.auth.signals import user_logged_in
        from pyframework.db.models.signals import post_migrate

        post_migrate.connect(create_permissions, dispatch_uid="pyframework.contrib.auth.create_permissions")
        user_logged_in.connect(update_last_login, dispatch_uid="pyframework.contrib.auth.update_last_login")


def update_last_login(sender, user, **kwargs):
    """Stamp ``last_login`` when a user model has that field."""
    from pyframework.utils import timezone

    if not hasattr(user, "last_login"):
        return
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
