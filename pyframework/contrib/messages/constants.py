"""Message levels: integers, so projects can add their own in between."""
from __future__ import absolute_import, unicode_literals

DEBUG = 10
INFO = 20
SUCCESS = 25
WARNING = 30
ERROR = 40

# The CSS class name given to each level (``message.level_tag``).
DEFAULT_TAGS = {DEBUG: "debug", INFO: "info", SUCCESS: "success", WARNING: "warning", ERROR: "error"}

# The levels by name, for templates: DEFAULT_MESSAGE_LEVELS.ERROR.
DEFAULT_LEVELS = {"DEBUG": DEBUG, "INFO": INFO, "SUCCESS": SUCCESS, "WARNING": WARNING, "ERROR": ERROR}
