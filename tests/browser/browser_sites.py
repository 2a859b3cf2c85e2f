"""The example project served for the browser: ``manage.py runserver`` on a free loopback port.

The dev server runs as a subprocess with its own sqlite3 file (PYFRAMEWORK_DB_FILE),
migrated and given the admin superuser by ``manage.py`` first, exactly as a developer
starts the project. The WAR on Tomcat comes from tests/deploy (deploy_servers).
"""
from __future__ import absolute_import, division, unicode_literals

import os
import socket
import subprocess
import sys
import time

from deploy_http import fetch
from deploy_manage import EXAMPLE_PROJECT, create_superuser, project_environment
from deploy_servers import (ServerError, _own_session_tied_to_parent, free_loopback_port, log_tail,
                            stop_process_group)

READY_TIMEOUT_SECONDS = 60


class DevServerSite(object):
    """``manage.py runserver 127.0.0.1:PORT --noreload`` with DEBUG on, as in development."""

    name = "Dev server"

    def __init__(self, workdir):
        self.workdir = workdir
        self.port = free_loopback_port()
        self.log_path = os.path.join(workdir, "runserver.log")
        self.environment = {"PYFRAMEWORK_DB_FILE": os.path.join(workdir, "site.sqlite3"),
                            "PYFRAMEWORK_DEBUG": "1"}
        self.process = None
        self.timings = []

    @property
    def base_url(self):
        return "http://127.0.0.1:%d" % self.port

    def start(self):
        seconds = create_superuser(self.environment)
        self.timings.append("%s superuser (manage.py migrate + createsuperuser): %.1f s" % (self.name, seconds))
        env = project_environment(self.environment)
        log = open(self.log_path, "ab")
        started = time.time()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "127.0.0.1:%d" % self.port, "--noreload"],
                cwd=EXAMPLE_PROJECT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                preexec_fn=_own_session_tied_to_parent)
        finally:
            log.close()
        while time.time() - started < READY_TIMEOUT_SECONDS:
            if self.process.poll() is not None:
                raise ServerError("runserver exited with code %s:\n%s" % (self.process.returncode,
                                                                          log_tail(self.log_path)))
            try:
                if fetch(self.base_url + "/", timeout=10).status == 200:
                    self.timings.append("%s start-up (first 200 of /): %.1f s" % (self.name, time.time() - started))
                    return
            except (IOError, OSError, socket.error):
                pass
            time.sleep(0.2)
        raise ServerError("runserver not answering on port %d after %d s:\n%s"
                          % (self.port, READY_TIMEOUT_SECONDS, log_tail(self.log_path)))

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            stop_process_group(self.process)
