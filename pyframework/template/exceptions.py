"""Template errors, independent of the engine that raised them."""
from __future__ import absolute_import, unicode_literals


class TemplateDoesNotExist(Exception):
    """No template of that name was found.

    ``tried`` lists every file path that was looked at; ``chain`` holds the
    TemplateDoesNotExist of each engine when several were searched.
    """

    def __init__(self, msg, tried=None, backend=None, chain=None):
        self.tried = list(tried or [])
        self.backend = backend
        self.chain = list(chain or [])
        if self.tried:
            msg = "%s (searched: %s)" % (msg, ", ".join(self.tried))
        elif backend is not None or self.chain:
            msg = "%s (no template directories are configured: set DIRS or APP_DIRS in TEMPLATES)" % msg
        super(TemplateDoesNotExist, self).__init__(msg)


class TemplateSyntaxError(Exception):
    """A template could not be compiled; ``name`` and ``lineno`` say where."""

    def __init__(self, message, name=None, lineno=None, filename=None):
        self.message = message
        self.name = name
        self.lineno = lineno
        self.filename = filename
        where = name or filename or "<string>"
        if lineno:
            where = "%s, line %s" % (where, lineno)
        super(TemplateSyntaxError, self).__init__("%s (in %s)" % (message, where))
