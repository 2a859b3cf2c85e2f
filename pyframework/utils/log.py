"""Logging set-up: errors reach the console (and so the servlet container's log) by default.

``pyframework.setup()`` applies ``DEFAULT_LOGGING`` and then the project's
``LOGGING`` setting (a ``logging.config.dictConfig`` dictionary), so a project
can replace or extend any part of it. Unlike Django, which mails errors to
ADMINS in production, the default here writes server errors with their
traceback to stderr: in a WAR that is the container's log (catalina.out,
server.log), which is where JVM operators look.
"""
from __future__ import absolute_import, unicode_literals

import logging
import logging.config

DEFAULT_LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "loggers": {
        # 5xx with tracebacks, security warnings (DisallowedHost, CSRF...), database errors.
        # 4xx "Not Found" lines are WARNINGs of pyframework.request: only shown with DEBUG.
        "pyframework": {"handlers": ["console"], "level": "WARNING"},
        "pyframework.request": {"level": "ERROR"},
    },
}


def configure_logging(logging_settings, debug=False):
    config = dict(DEFAULT_LOGGING, loggers=dict(DEFAULT_LOGGING["loggers"]))
    if debug:
        config["loggers"]["pyframework.request"] = {"level": "WARNING"}
    logging.config.dictConfig(config)
    if logging_settings:
        logging.config.dictConfig(logging_settings)
