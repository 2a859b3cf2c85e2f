"""Settings sanity: hosts, secret key and debug mode."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core.checks.messages import Error, Warning
from pyframework.core.checks.registry import Tags, register

INSECURE_KEY_PREFIX = "pyframework-insecure-"
MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_UNIQUE_CHARACTERS = 5
# Django's wording (security.W009, W025), with our development-key prefix.
SECRET_KEY_WARNING_MSG = (
    "Your %%s has less than %d characters, less than %d unique characters, or it's prefixed with '%s' "
    "indicating that it was generated automatically by pyframework. Please generate a long and random "
    "value, otherwise many of pyframework's security-critical features will be vulnerable to attack."
    % (MIN_SECRET_KEY_LENGTH, MIN_SECRET_KEY_UNIQUE_CHARACTERS, INSECURE_KEY_PREFIX))


def is_weak_secret_key(key):
    """The rule of security.W009/W025: too short, too few distinct characters, or a development key."""
    key = key or ""
    return (key.startswith(INSECURE_KEY_PREFIX) or len(key) < MIN_SECRET_KEY_LENGTH
            or len(set(key)) < MIN_SECRET_KEY_UNIQUE_CHARACTERS)


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
    if is_weak_secret_key(settings.SECRET_KEY):
        return [Warning(
            SECRET_KEY_WARNING_MSG % "SECRET_KEY",
            hint="Generate a long random key and read it from the environment in production.",
            id="security.W009",
        )]
    return []


@register(Tags.security, deploy=True)
def check_debug(app_configs=None, **kwargs):
    if settings.DEBUG:
        return [Warning(
            "You should not have DEBUG set to True in deployment.",
            hint="Error pages show source code and settings to anyone: set DEBUG = False in production.",
            id="security.W018",
        )]
    return []
