"""Message storages: where messages wait between the request that adds them and the page that shows them."""
from __future__ import unicode_literals

from importlib import import_module

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured


def storage_class():
    """The class named by MESSAGE_STORAGE."""
    dotted_path = settings.MESSAGE_STORAGE
    module_path, _, name = dotted_path.rpartition(".")
    try:
        return getattr(import_module(module_path), name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise ImproperlyConfigured("MESSAGE_STORAGE %r cannot be imported: %s" % (dotted_path, exc))


def default_storage(request):
    """A MESSAGE_STORAGE instance for ``request``."""
    return storage_class()(request)
