"""Terminal prompts shared by createsuperuser and changepassword (module-level, so tests can replace them)."""
from __future__ import absolute_import, unicode_literals

import getpass
import sys

from pyframework.contrib.auth import password_validation
from pyframework.core.exceptions import ValidationError
from pyframework.utils import compat
from pyframework.utils.compat import PY2

read_line = compat.read_line
read_secret = getpass.getpass


def stdin_is_a_terminal():
    return hasattr(sys.stdin, "isatty") and sys.stdin.isatty()


def default_username():
    """The name of the account running the command, as a suggestion; "" when unknown."""
    try:
        return getpass.getuser()
    except Exception:  # no such entry in the OS's user database (containers)
        return ""


def ask(prompt):
    answer = read_line(prompt)
    if PY2 and isinstance(answer, bytes):
        answer = answer.decode(getattr(sys.stdin, "encoding", None) or "utf-8")
    return answer.strip()


def ask_new_password(stderr, user, prompt="Password: ", attempts=None, allow_bypass=False):
    """A password typed twice that passes AUTH_PASSWORD_VALIDATORS; None when ``attempts`` ran out.

    With ``allow_bypass`` the user may keep a password the validators refuse.
    """
    tries = 0
    while attempts is None or tries < attempts:
        tries += 1
        password = read_secret(prompt)
        if read_secret("%s (again): " % prompt.rstrip(": ")) != password:
            stderr.write("Error: Your passwords didn't match.")
            continue
        if not password.strip():
            stderr.write("Error: Blank passwords aren't allowed.")
            continue
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            stderr.write("\n".join(error.messages))
            if not (allow_bypass and ask("Bypass password validation and keep it anyway? [y/N]: ")
                    .lower().startswith("y")):
                continue
        return password
    return None
