"""Samples the WAR's JVM with Java Flight Recorder while wrk loads one scenario.

Jython compiles a Python function ``name`` of module ``pkg.mod`` into a method
``name$N`` of the class ``pkg.mod$py``, so stack frames map back to Python.
The summary lists the hottest frames (self time), the Python functions present
in most samples (inclusive time), and the Python modules by self time.
"""
import collections
import os
import re
import shutil
import subprocess

from benchkit.processes import BenchError

FRAME = re.compile(r"^\s+([\w$.<>]+)\.([\w$<>]+)\(.*\)\s+line:")
PY_CLASS = re.compile(r"^(.*)\$py$")
PY_METHOD = re.compile(r"^(.*)\$\d+$")
STACK_DEPTH = 256


def jcmd(pid, *arguments):
    result = subprocess.run(["jcmd", str(pid)] + list(arguments), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        raise BenchError("jcmd %s failed:\n%s" % (" ".join(arguments), result.stdout.decode("utf-8", "replace")))


def sampling_settings(directory):
    """The JDK's 'profile' settings with Java stacks sampled every millisecond instead of 10 ms.

    JFR samples only a few threads per period, so at 10 ms a short load yields too few stacks.
    """
    java_home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java") or "java")))
    with open(os.path.join(java_home, "lib", "jfr", "profile.jfc")) as settings:
        text = settings.read()
    text = re.sub(r'(control="method-sampling-java-interval">)[^<]*<', r"\g<1>1 ms<", text)
    path = os.path.join(directory, "sampling.jfc")
    with open(path, "w") as output:
        output.write(text)
    return path


def record(pid, recording_path, load):
    """Run ``load()`` while JFR samples the JVM ``pid``'s Java stacks."""
    jcmd(pid, "JFR.start", "name=bench", "settings=%s" % sampling_settings(os.path.dirname(recording_path)))
    try:
        load()
    finally:
        jcmd(pid, "JFR.dump", "name=bench", "filename=%s" % recording_path)
        jcmd(pid, "JFR.stop", "name=bench")


def python_name(class_name, method):
    match = PY_CLASS.match(class_name)
    if not match:
        return None
    function = PY_METHOD.match(method)
    return "%s.%s" % (match.group(1), function.group(1) if function else method)


def samples(recording_path):
    """Each execution sample's frames, innermost first, as (class, method)."""
    output = subprocess.run(["jfr", "print", "--stack-depth", str(STACK_DEPTH), "--events", "jdk.ExecutionSample",
                             recording_path], stdout=subprocess.PIPE, check=True).stdout.decode("utf-8", "replace")
    stack = None
    for line in output.splitlines():
        if line.strip().startswith("stackTrace = ["):
            stack = []
        elif stack is not None:
            match = FRAME.match(line)
            if match:
                stack.append((match.group(1), match.group(2)))
            elif line.strip() == "]":
                yield stack
                stack = None


def summarize(recording_path, top=25):
    self_frames = collections.Counter()
    python_inclusive = collections.Counter()
    python_self_modules = collections.Counter()
    total = 0
    for stack in samples(recording_path):
        if not stack:
            continue
        total += 1
        self_frames["%s.%s" % stack[0]] += 1
        seen = set()
        innermost_python = None
        for class_name, method in stack:
            name = python_name(class_name, method)
            if name is None:
                continue
            if innermost_python is None:
                innermost_python = name.rsplit(".", 1)[0]
            if name not in seen:
                seen.add(name)
                python_inclusive[name] += 1
        python_self_modules[innermost_python or "(no Python frame: Tomcat, JDBC, JIT)"] += 1
    lines = ["JFR execution samples: %d" % total, "", "Hottest frames (self):"]
    lines += ["  %5.1f%%  %s" % (100.0 * n / total, name) for name, n in self_frames.most_common(top)]
    lines += ["", "Python functions by inclusive samples:"]
    lines += ["  %5.1f%%  %s" % (100.0 * n / total, name) for name, n in python_inclusive.most_common(top * 2)]
    lines += ["", "Innermost Python module of each sample (self time by module):"]
    lines += ["  %5.1f%%  %s" % (100.0 * n / total, name) for name, n in python_self_modules.most_common(top)]
    return "\n".join(lines) if total else "JFR recorded no execution samples"


def profile_war(pid, results_dir, scenario_name, load):
    recording = os.path.join(results_dir, "war-%s.jfr" % scenario_name)
    record(pid, recording, load)
    summary = summarize(recording)
    path = os.path.join(results_dir, "war-%s-profile.txt" % scenario_name)
    with open(path, "w") as output:
        output.write(summary + "\n")
    return path, summary
