"""Errors raised while resolving a path or reversing a view name."""
from __future__ import absolute_import, unicode_literals

from pyframework.http import Http404


class Resolver404(Http404):
    """No URL pattern matched ``path``.

    ``tried`` lists, for every pattern that was attempted, the chain of
    patterns from the root urlconf down to it (each entry a list of
    ``URLPattern``/``URLResolver`` objects), so the DEBUG 404 page can show
    what was tried. ``args[0]`` is the same data as a dict, as in Django.
    """

    def __init__(self, path, tried=None):
        self.path = path
        self.tried = tried if tried is not None else []
        super(Resolver404, self).__init__({"path": path, "tried": self.tried})

    def tried_descriptions(self):
        """The tried patterns as readable lines, e.g. ``blog/ <int:pk>/ [name='post']``."""
        lines = []
        for chain in self.tried:
            text = " ".join(entry.pattern.describe() for entry in chain)
            name = getattr(chain[-1], "name", None) if chain else None
            if name:
                text += " [name='%s']" % name
            lines.append(text)
        return lines

    def __str__(self):
        return "No URL pattern matches '%s'" % (self.path,)


class NoReverseMatch(Exception):
    """``reverse()`` found no pattern for the view name and arguments given."""
