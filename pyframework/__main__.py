"""``python -m pyframework ...``: the same command line as the ``pyframework`` script."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import management

if __name__ == "__main__":
    management.execute_from_command_line()
