"""Runs wrk with the same settings for every contender and reads its numbers back as JSON."""
import json
import os
import subprocess
import tempfile

from benchkit.processes import BenchError

# wrk calls done() once at the end; printing JSON spares parsing its text report.
LUA_TEMPLATE = """
wrk.method = %(method)s
%(body)s
done = function(summary, latency, requests)
  io.write(string.format(
    "BENCH-JSON {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"p50_us\\": %%d, \\"p99_us\\": %%d, "
    .. "\\"connect\\": %%d, \\"read\\": %%d, \\"write\\": %%d, \\"status\\": %%d, \\"timeout\\": %%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
"""


def lua_string(text):
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def write_script(directory, scenario, headers=None):
    """The Lua script of one scenario; ``headers``: extra request headers (a session cookie)."""
    body = ""
    if scenario.body is not None:
        body = ("wrk.body = %s\nwrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\""
                % lua_string(scenario.body))
    for name, value in sorted((headers or {}).items()):
        body += "\nwrk.headers[%s] = %s" % (lua_string(name), lua_string(value))
    handle, path = tempfile.mkstemp(prefix="wrk-%s-" % scenario.name, suffix=".lua", dir=directory)
    with os.fdopen(handle, "w") as script:
        script.write(LUA_TEMPLATE % {"method": lua_string(scenario.method), "body": body})
    return path


class Measurement(object):
    def __init__(self, contender, scenario, connections, numbers):
        self.contender = contender
        self.scenario = scenario
        self.connections = connections
        self.requests = numbers["requests"]
        self.rps = numbers["requests"] / (numbers["duration_us"] / 1e6) if numbers["duration_us"] else 0.0
        self.p50_ms = numbers["p50_us"] / 1000.0
        self.p99_ms = numbers["p99_us"] / 1000.0
        self.errors = sum(numbers[key] for key in ("connect", "read", "write", "status", "timeout"))
        self.error_detail = dict((key, numbers[key]) for key in ("connect", "read", "write", "status", "timeout")
                                 if numbers[key])


def run_wrk(url, script, connections, seconds):
    """The numbers wrk measured for ``connections`` connections over ``seconds``."""
    threads = max(1, min(connections, os.cpu_count() or 1))
    command = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--timeout", "10s",
               "-s", script, url]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=seconds + 60)
    output = result.stdout.decode("utf-8", "replace")
    for line in output.splitlines():
        if line.startswith("BENCH-JSON "):
            return json.loads(line[len("BENCH-JSON "):])
    raise BenchError("wrk gave no numbers for %s (exit %d):\n%s" % (url, result.returncode, output))


def measure(contender, scenario, connections, seconds, script):
    numbers = run_wrk(contender.url(contender.path(scenario)), script, connections, seconds)
    return Measurement(contender, scenario.name, connections, numbers)
