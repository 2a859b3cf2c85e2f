"""Default logging: server errors reach stderr (the container's log); projects can override it."""
from __future__ import unicode_literals

import logging

import pytest

from pyframework.utils.log import configure_logging


@pytest.fixture
def restore_logging():
    loggers = [logging.getLogger(name) for name in ("pyframework", "pyframework.request")]
    saved = [(logger, logger.handlers[:], logger.level, logger.propagate) for logger in loggers]
    yield
    for logger, handlers, level, propagate in saved:
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate


def test_server_errors_are_written_with_their_traceback(restore_logging, capsys):
    configure_logging({}, debug=False)
    try:
        raise ValueError("broken view")
    except ValueError:
        logging.getLogger("pyframework.request").exception("Internal Server Error: /x/")
    logging.getLogger("pyframework.request").warning("Not Found: /nope/")
    err = capsys.readouterr().err
    assert "ERROR pyframework.request: Internal Server Error: /x/" in err
    assert "ValueError: broken view" in err
    assert "Not Found" not in err  # 404s are noise in production


def test_debug_shows_client_errors_too(restore_logging, capsys):
    configure_logging({}, debug=True)
    logging.getLogger("pyframework.request").warning("Not Found: /nope/")
    assert "WARNING pyframework.request: Not Found: /nope/" in capsys.readouterr().err


def test_the_project_logging_setting_applies_last(restore_logging, capsys):
    configure_logging({"version": 1, "incremental": True,
                       "loggers": {"pyframework.request": {"level": "CRITICAL"}}}, debug=False)
    logging.getLogger("pyframework.request").error("Internal Server Error: /x/")
    assert "Internal Server Error" not in capsys.readouterr().err
