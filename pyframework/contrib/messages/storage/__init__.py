"""Message storages: where messages wait between the request that adds them and the page that shows them."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.urls.utils import get_callable


def storage_class():
    """The class named by MESSAGE_STORAGE."""
    return get_callable(settings.MESSAGE_STORAGE, "MESSAGE_STORAGE")


def default_storage(request):
    """A MESSAGE_STORAGE instance for ``request``."""
    return storage_class()(request)
