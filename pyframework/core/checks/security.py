"""Settings sanity: hosts, secret key and debug mode."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core.checks.messages import Error, Warning
from pyframework.core.checks.registry import Tags, register

INSECURE_KEY_PREFIX = "pyframework-insecure-"
MIN_SECRET_KEY_LENGTH = 50


@register(Tags.settings)
def check_allowed_hosts(app_configs=None, **kwargs):
    if not settings.DEBUG and not settings.ALLOWED_HOSTS:
        return [Error(
            "ALLOWED_HOSTS is empty while DEBUG is False: every request would be rejected with 400.",
            hint="List the host names this site answers to, e.g. ALLOWED_HOSTS = ['www.example.com'].",
            id="settings.E001",
        )]
    return []


@register(Tags.settings)
def check_root_urlconf_set(app_configs=None, **kwargs):
    if not settings.ROOT_URLCONF:
        return [Error(
            "ROOT_URLCONF is not set: no URL can be resolved.",
            hint="Set ROOT_URLCONF to the dotted path of your urls module, e.g. 'mysite.urls'.",
            id="settings.E002",
        )]
    return []


@register(Tags.security, deploy=True)
def check_secret_key(app_configs=None, **kwargs):
    key = settings.SECRET_KEY or ""
    if key.startswith(INSECURE_KEY_PREFIX) or len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < 5:
        return [Warning(
            "SECRET_KEY is a development key or too short to be secret.",
            hint="Generate a long random key and read it from the environment in production.",
            id="security.W001",
        )]
    return []


@register(Tags.security, deploy=True)
def check_debug(app_configs=None, **kwargs):
    if settings.DEBUG:
        return [Warning(
            "DEBUG is True: error pages show source code and settings to anyone.",
            hint="Set DEBUG = False in production.",
            id="security.W002",
        )]
    return []
