"""FilePathField: a choice among the files (or folders) of a directory on the server."""
from __future__ import absolute_import, unicode_literals

import os
import re

from pyframework.forms.fields import ChoiceField

# Byte-code caches are never something a user means to pick.
_SKIPPED = ("__pycache__",)


class FilePathField(ChoiceField):
    """A ChoiceField whose choices are the paths under ``path``: files (``allow_files``) and/or
    folders (``allow_folders``) whose name matches the regular expression ``match``, only
    directly in ``path`` or also below it (``recursive``). Values are full paths; labels are
    the names (relative to ``path`` when recursive). Listed when the field is made.
    """

    def __init__(self, path, match=None, recursive=False, allow_files=True, allow_folders=False, **kwargs):
        self.path, self.match, self.recursive = path, match, recursive
        self.allow_files, self.allow_folders = allow_files, allow_folders
        super(FilePathField, self).__init__(choices=(), **kwargs)
        self.match_re = re.compile(match) if match is not None else None
        choices = [] if self.required else [("", "---------")]
        choices.extend(self._recursive_choices() if recursive else self._flat_choices())
        self.choices = choices

    def _matches(self, name):
        return name not in _SKIPPED and (self.match_re is None or self.match_re.search(name))

    def _recursive_choices(self):
        for root, dirs, files in sorted(os.walk(self.path)):
            names = (sorted(files) if self.allow_files else []) + (sorted(dirs) if self.allow_folders else [])
            for name in names:
                if self._matches(name):
                    full = os.path.join(root, name)
                    yield full, full.replace(self.path, "", 1)

    def _flat_choices(self):
        found = []
        for name in os.listdir(self.path):
            full = os.path.join(self.path, name)
            wanted = (self.allow_files and os.path.isfile(full)) or (self.allow_folders and os.path.isdir(full))
            if wanted and self._matches(name):
                found.append((full, name))
        return sorted(found, key=lambda choice: choice[1])
