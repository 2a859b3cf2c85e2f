"""Start, watch and stop contender processes on loopback ports; measure their memory."""
import errno
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request


class BenchError(Exception):
    """A contender could not be built, started or answered wrongly."""


def free_loopback_port():
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
    finally:
        probe.close()


def http_status(url, timeout=10):
    """The status of a GET of ``url`` (redirects not followed), or None when nothing answers."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, socket.error):
        return None


def log_tail(path, lines=40):
    try:
        with open(path, "rb") as log:
            return "\n".join(log.read().decode("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return "(no log at %s)" % path


# Every server started, so the runner stops them all whatever failed half-way.
STARTED = []


def stop_all():
    while STARTED:
        STARTED.pop().stop()


class Process(object):
    """One server process group and its console log; listed in STARTED from birth."""

    def __init__(self, name, command, cwd, env, log_path):
        self.name = name
        self.log_path = log_path
        with open(log_path, "ab") as log:
            # Own process group: stop() ends the server and every worker it forked.
            self.popen = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                          stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        STARTED.append(self)

    def failure(self, message):
        return BenchError("%s: %s\n--- last lines of %s ---\n%s"
                          % (self.name, message, self.log_path, log_tail(self.log_path)))

    def wait_for(self, url, accept, timeout, extra_check=None):
        """Poll ``url`` until ``accept(status)``; return the seconds that took."""
        began = time.time()
        last = None
        while time.time() - began < timeout:
            if self.popen.poll() is not None:
                raise self.failure("exited with code %s while waiting for %s" % (self.popen.returncode, url))
            if extra_check is not None:
                extra_check()
            last = http_status(url)
            if last is not None and accept(last):
                return time.time() - began
            time.sleep(0.1)
        raise self.failure("%s not ready after %d s (last status: %s)" % (url, timeout, last))

    def resident_memory_mb(self):
        """RSS of the whole process tree (gunicorn's master and workers count together)."""
        pids = [self.popen.pid]
        children = _children_by_parent()
        total_kb = 0
        while pids:
            pid = pids.pop()
            total_kb += _rss_kb(pid)
            pids.extend(children.get(pid, ()))
        return total_kb / 1024.0

    def stop(self):
        if self.popen.poll() is None:
            _signal_group(self.popen.pid, signal.SIGTERM)
            deadline = time.time() + 20
            while self.popen.poll() is None and time.time() < deadline:
                time.sleep(0.2)
        _signal_group(self.popen.pid, signal.SIGKILL)
        self.popen.wait()


def _signal_group(pid, number):
    try:
        os.killpg(pid, number)
    except OSError as error:
        if error.errno != errno.ESRCH:
            raise


def _children_by_parent():
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as stat:
                # The command name may hold spaces: the parent pid follows the closing parenthesis.
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
