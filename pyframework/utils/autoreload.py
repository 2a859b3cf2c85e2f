"""Restart the development server when a loaded Python file changes.

The command runs twice: a parent process that only restarts, and a child
(marked by an environment variable) that serves. The child polls the
modification times of every loaded module's source file and exits with
``RESTART_EXIT_CODE`` when one changes; the parent then starts a fresh child.
Polling ``stat()`` needs no platform notification API, so it works everywhere.
"""
from __future__ import absolute_import, unicode_literals

import os
import subprocess
import sys
import threading
import time
import traceback

RUN_MAIN_ENV = str("PYFRAMEWORK_AUTORELOAD_CHILD")
RESTART_EXIT_CODE = 3
POLL_INTERVAL = 1.0


def source_file(path):
    """The ``.py`` a module was loaded from (``.pyc`` / Jython ``$py.class`` map back to it)."""
    if path.endswith((".pyc", ".pyo")):
        path = path[:-1]
    elif path.endswith("$py.class"):
        path = path[:-len("$py.class")] + ".py"
    return path


def watched_files(extra_files=()):
    files = set(extra_files)
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if path:
            files.add(source_file(os.path.abspath(path)))
    return files


def snapshot(files):
    mtimes = {}
    for path in files:
        try:
            mtimes[path] = os.stat(path).st_mtime
        except OSError:
            continue  # built-in or zipped modules have no file to watch
    return mtimes


class StatReloader(object):
    """Remembers modification times and reports the first file that changed."""

    def __init__(self):
        self.extra_files = set()
        self.mtimes = {}
        self.started = time.time()

    def watch_file(self, path):
        self.extra_files.add(os.path.abspath(path))

    def changed_file(self):
        current = snapshot(watched_files(self.extra_files))
        previous, self.mtimes = self.mtimes, current
        now = time.time()
        for path, mtime in current.items():
            if path in previous:
                if previous[path] != mtime:
                    return path
            elif self.started < mtime <= now:
                # Imported lazily (e.g. on the first request) after being edited
                # while this process was running: its change must not go unnoticed.
                return path
        return None

    def run_loop(self, should_stop=lambda: False):
        self.changed_file()  # first snapshot
        while not should_stop():
            time.sleep(POLL_INTERVAL)
            changed = self.changed_file()
            if changed:
                sys.stdout.write("%s changed, reloading.\n" % changed)
                return changed
        return None


def child_arguments():
    """The command line that starts this same program again."""
    main_module = sys.modules.get("__main__")
    spec = getattr(main_module, "__spec__", None)
    if spec is not None and spec.name:
        # Started as ``python -m package``: restart it the same way.
        name = spec.parent if spec.name.endswith(".__main__") else spec.name
        return [sys.executable, "-m", name] + sys.argv[1:]
    return [sys.executable] + sys.argv


def restart_with_reloader():
    """Run children until one exits for another reason than a code change; return its status."""
    environ = dict(os.environ)
    environ[RUN_MAIN_ENV] = str("true")
    while True:
        status = subprocess.call(child_arguments(), env=environ)
        if status != RESTART_EXIT_CODE:
            return status


def run_in_child(main_func, args, kwargs):
    """Serve in a thread; the main thread watches files and exits to be restarted."""
    reloader = StatReloader()

    def serve():
        try:
            main_func(*args, **kwargs)
        except Exception:
            # Keep watching: fixing the file that broke start-up restarts the server.
            traceback.print_exc()
            error_file = getattr(sys.exc_info()[1], "filename", None)
            if error_file:
                reloader.watch_file(error_file)

    thread = threading.Thread(target=serve, name="pyframework-main")
    thread.daemon = True
    thread.start()
    reloader.run_loop()
    sys.exit(RESTART_EXIT_CODE)


def run_with_reloader(main_func, *args, **kwargs):
    """Run ``main_func(*args, **kwargs)`` and restart the process when source code changes."""
    try:
        if os.environ.get(RUN_MAIN_ENV) == "true":
            run_in_child(main_func, args, kwargs)
        else:
            sys.exit(restart_with_reloader())
    except KeyboardInterrupt:
        pass
