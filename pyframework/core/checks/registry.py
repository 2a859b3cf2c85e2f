"""The registry of system checks: functions ``check(app_configs, **kwargs) -> [CheckMessage]``."""
from __future__ import absolute_import, unicode_literals


class Tags(object):
    """Built-in check tags (``check --tag urls`` runs only the URL checks)."""

    security = "security"
    settings = "settings"
    templates = "templates"
    urls = "urls"
    middleware = "middleware"
    admin = "admin"


class CheckRegistry(object):
    def __init__(self):
        self.registered_checks = []
        self.deployment_checks = []

    def register(self, check=None, *tags, **kwargs):
        """Register a check, as ``@register``, ``@register("tag", ...)`` or ``register(func, "tag")``.

        ``deploy=True`` keeps it for ``check --deploy`` only.
        """
        deploy = kwargs.pop("deploy", False)

        def inner(func):
            func.tags = tags
            target = self.deployment_checks if deploy else self.registered_checks
            if func not in target:
                target.append(func)
            return func

        if callable(check):
            return inner(check)
        if check:
            tags += (check,)
        return inner

    def run_checks(self, app_configs=None, tags=None, include_deployment_checks=False):
        messages = []
        for check in self.get_checks(include_deployment_checks):
            if tags and not set(check.tags) & set(tags):
                continue
            found = check(app_configs=app_configs)
            if not isinstance(found, (list, tuple)):
                raise TypeError("The check %r did not return a list; every check must return a list "
                                "of messages." % (check,))
            messages.extend(found)
        return messages

    def tag_exists(self, tag, include_deployment_checks=False):
        return tag in self.tags_available(include_deployment_checks)

    def tags_available(self, include_deployment_checks=False):
        return set(tag for check in self.get_checks(include_deployment_checks) for tag in check.tags)

    def get_checks(self, include_deployment_checks=False):
        checks = list(self.registered_checks)
        if include_deployment_checks:
            checks.extend(self.deployment_checks)
        return checks


registry = CheckRegistry()
register = registry.register
run_checks = registry.run_checks
tag_exists = registry.tag_exists
