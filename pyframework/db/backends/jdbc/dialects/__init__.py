"""SQL dialects of the JDBC backend, chosen from the JDBC URL prefix (or the DIALECT setting)."""
from __future__ import absolute_import, unicode_literals

import importlib

from pyframework.core.exceptions import ImproperlyConfigured

# URL prefix -> dialect module name.
URL_PREFIXES = (
    ("jdbc:sqlite:", "sqlite"),
    ("jdbc:h2:", "h2"),
    ("jdbc:postgresql:", "postgresql"),
    ("jdbc:mariadb:", "mysql"),
    ("jdbc:mysql:", "mysql"),
)
NAMES = ("sqlite", "h2", "postgresql", "mysql")


def load_dialect(name):
    return importlib.import_module("pyframework.db.backends.jdbc.dialects.%s" % name).dialect


def dialect_for_settings(settings_dict, alias):
    """The dialect object for one DATABASES entry; misconfiguration names the setting to fix."""
    explicit = settings_dict.get("DIALECT")
    if explicit:
        if explicit not in NAMES:
            raise ImproperlyConfigured("DATABASES[%r]['DIALECT'] = %r is unknown; use one of %s."
                                       % (alias, explicit, ", ".join(NAMES)))
        return load_dialect(explicit)
    url = settings_dict.get("URL")
    if not url:
        if settings_dict.get("JNDI_NAME"):
            raise ImproperlyConfigured(
                "DATABASES[%r] uses JNDI_NAME: also set 'DIALECT' to one of %s." % (alias, ", ".join(NAMES)))
        raise ImproperlyConfigured("DATABASES[%r]['URL'] is missing: give a JDBC URL such as "
                                   "'jdbc:h2:mem:app;DB_CLOSE_DELAY=-1', or a JNDI_NAME." % alias)
    for prefix, name in URL_PREFIXES:
        if url.lower().startswith(prefix):
            return load_dialect(name)
    raise ImproperlyConfigured("DATABASES[%r]['URL'] = %r: unsupported JDBC URL; it must start with one of %s."
                               % (alias, url, ", ".join(prefix for prefix, _ in URL_PREFIXES)))
