"""FallbackStorage (the default): a signed cookie, and the session for what does not fit."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.messages.storage.base import BaseStorage
from pyframework.contrib.messages.storage.cookie import CookieStorage
from pyframework.contrib.messages.storage.session import SessionStorage


class FallbackStorage(BaseStorage):
    """Tries each storage in turn; messages one cannot hold go to the next.

    Without SessionMiddleware only the cookie is used (messages that do not
    fit in it are lost, which MessageMiddleware reports when DEBUG is on).
    """

    storage_classes = (CookieStorage, SessionStorage)

    def __init__(self, request, *args, **kwargs):
        super(FallbackStorage, self).__init__(request, *args, **kwargs)
        has_session = hasattr(request, "session")
        self.storages = [cls(request, *args, **kwargs) for cls in self.storage_classes
                         if has_session or not issubclass(cls, SessionStorage)]
        self._used_storages = set()

    def _get(self, *args, **kwargs):
        all_messages = []
        all_retrieved = True
        for storage in self.storages:
            messages, all_retrieved = storage._get()
            if messages is None:
                break
            if messages:
                self._used_storages.add(storage)
            all_messages.extend(messages)
            if all_retrieved:
                break
        return all_messages, all_retrieved

    def _store(self, messages, response, *args, **kwargs):
        for storage in self.storages:
            if messages:
                messages = storage._store(messages, response, remove_oldest=False)
            elif storage in self._used_storages:
                # Emptied: clear what this storage held from an earlier request.
                storage._store([], response)
                self._used_storages.discard(storage)
        return messages
