#!/usr/bin/env python3
"""Django's own test suite as pyframework's conformance suite (CPython only).

    python3 tests/django_suite/run.py              # the module set below, compared with expected/
    python3 tests/django_suite/run.py basic lookup # some modules only
    python3 tests/django_suite/run.py --ci         # the CI subset (a few minutes)
    python3 tests/django_suite/run.py --update     # rewrite expected/ from this run

What it does:

1. fetches Django's sdist (``DJANGO_VERSION``) with pip into build/django-suite/ (once;
   ``--django-src DIR`` or PYFRAMEWORK_DJANGO_SRC uses an unpacked copy instead);
2. copies Django's tests/ folder to build/django-suite/tests-<version>/, rewriting in every
   ``.py`` file the ``django`` import prefix and dotted ``django.`` names to ``pyframework``,
   and nothing else;
3. runs each test module (a package of that folder: ``basic``, ``forms_tests``...) in its own
   process with driver.py, bounded in time, on the settings runtests.py would supply
   (django_suite_settings.py) and pyframework's own test machinery (``pyframework.test``);
4. prints per module and in total passed / failed / errors / could not import (skipped tests
   are shown but not counted), then ``django-suite: P of N pass (X%)``, writes the table to
   build/django-suite/report.md, and compares with the expected failures in expected/.

Counting: every import must resolve. A test file that cannot be imported counts each of its
tests (found in its source: ``test*`` methods of its test classes) as "could not import";
a module whose app cannot be set up counts all its tests so. Tests that need Django's
template language fail like any other.

Regressions: a test that is not listed in expected/<module>.txt and does not pass (a test
that passed when the list was written) makes the run exit with status 1, after the module
was run a second time (a flaky test must fail twice). Tests that now pass but are still
listed are reported so that ``--update`` can be run; they never fail the run. The lists are
deterministic (sorted ids; a file that cannot be imported is one ``<file>.*`` line).
"""
from __future__ import print_function

import argparse
import ast
import concurrent.futures
import glob
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "django-suite")
EXPECTED_DIR = os.path.join(HERE, "expected")
DJANGO_VERSION = "5.2.19"

# The modules of issue 14, in its order.
MODULES = [
    "httpwrappers", "requests_tests", "responses", "urlpatterns", "urlpatterns_reverse",
    "shortcuts", "middleware", "signing", "signed_cookies_tests", "utils_tests", "validators",
    "pagination", "forms_tests", "model_forms", "model_formsets", "csrf_tests", "sessions_tests",
    "messages_tests", "auth_tests", "basic", "lookup", "many_to_one", "many_to_many",
    "one_to_one", "m2m_through", "get_or_create", "update", "delete", "ordering", "aggregation",
    "annotations", "expressions", "select_related", "prefetch_related", "custom_managers",
    "transactions", "queries", "defer", "bulk_create", "raw_query", "signals", "validation",
    "model_inheritance", "proxy_models", "model_fields", "migrations", "generic_views",
    "test_client", "mail", "serializers", "fixtures",
]
# Modules of contrib apps, measured once the app exists in pyframework.
CONTRIB_MODULES = [
    ("contenttypes_tests", "pyframework.contrib.contenttypes"),
    ("admin_views", "pyframework.contrib.admin"),
    ("admin_changelist", "pyframework.contrib.admin"),
    ("admin_inlines", "pyframework.contrib.admin"),
    ("admin_filters", "pyframework.contrib.admin"),
    ("admin_utils", "pyframework.contrib.admin"),
    ("admin_checks", "pyframework.contrib.admin"),
    ("cache", "pyframework.core.cache"),
    ("i18n", "pyframework.utils.translation"),
    ("sitemaps_tests", "pyframework.contrib.sitemaps"),
    ("syndication_tests", "pyframework.contrib.syndication"),
    ("sites_tests", "pyframework.contrib.sites"),
    ("humanize_tests", "pyframework.contrib.humanize"),
    ("redirects_tests", "pyframework.contrib.redirects"),
    ("flatpages_tests", "pyframework.contrib.flatpages"),
]
# What .ci/run measures: the modules that finish quickly, about two minutes on two busy cores.
CI_MODULES = [
    "httpwrappers", "requests_tests", "responses", "urlpatterns", "urlpatterns_reverse",
    "shortcuts", "middleware", "signing", "signed_cookies_tests", "validators", "pagination",
    "model_formsets", "csrf_tests", "sessions_tests", "messages_tests", "basic", "lookup",
    "many_to_one", "many_to_many", "one_to_one", "m2m_through", "get_or_create", "update",
    "delete", "ordering", "aggregation", "annotations", "select_related", "prefetch_related",
    "custom_managers", "transactions", "defer", "bulk_create", "raw_query", "signals",
    "validation", "model_inheritance", "proxy_models", "generic_views", "test_client",
    "serializers", "fixtures",
]
MODULE_TIMEOUT = 300  # seconds per module process

# The rewrite: import statements of the django package, and dotted "django." names anywhere
# (code and strings). Bump REWRITE_VERSION when it changes, so the scratch copy is rebuilt.
REWRITE_VERSION = "1"
_IMPORT_RE = re.compile(r"^(\s*)(from|import)(\s+)django\b", re.M)
_DOTTED_RE = re.compile(r"\bdjango\.(?=[A-Za-z_])")

OUTCOMES = ("pass", "fail", "error", "import", "skip")
NOT_PASSING = ("fail", "error", "import")


def rewrite(source):
    """``django`` -> ``pyframework`` in imports and dotted names; nothing else changes."""
    return _DOTTED_RE.sub("pyframework.", _IMPORT_RE.sub(r"\1\2\3pyframework", source))


# -- Django's sources ---------------------------------------------------------------------

def django_source(explicit=None):
    """The folder of an unpacked Django sdist (downloaded with pip on first use)."""
    explicit = explicit or os.environ.get("PYFRAMEWORK_DJANGO_SRC")
    if explicit:
        if not os.path.isdir(os.path.join(explicit, "tests")):
            raise SystemExit("django-suite: %s has no tests/ folder (--django-src / PYFRAMEWORK_DJANGO_SRC)"
                             % explicit)
        return explicit
    unpacked = os.path.join(BUILD, "django-%s" % DJANGO_VERSION)
    if os.path.isdir(os.path.join(unpacked, "tests")):
        return unpacked
    dist = os.path.join(BUILD, "dist")
    os.makedirs(dist, exist_ok=True)
    archive = os.path.join(dist, "django-%s.tar.gz" % DJANGO_VERSION)
    if not os.path.exists(archive):
        print("django-suite: fetching Django %s's sdist with pip" % DJANGO_VERSION, flush=True)
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                               "--no-binary=:all:", "-d", dist,
                               "django==%s" % DJANGO_VERSION])
        found = glob.glob(os.path.join(dist, "[dD]jango-%s.tar.gz" % DJANGO_VERSION))
        if not found:
            raise SystemExit("django-suite: pip left no Django %s sdist in %s" % (DJANGO_VERSION, dist))
        os.rename(found[0], archive)
    staging = tempfile.mkdtemp(dir=BUILD)
    with tarfile.open(archive) as tar:
        # Only the tests/ folder: Django's own code is never needed (nor imported).
        members = [m for m in tar.getmembers() if (m.isreg() or m.isdir()) and "/tests/" in m.name + "/"]
        if hasattr(tarfile, "data_filter"):
            tar.extractall(staging, members=members, filter="data")
        else:
            tar.extractall(staging, members=members)
    top = [d for d in os.listdir(staging) if os.path.isdir(os.path.join(staging, d, "tests"))]
    os.rename(os.path.join(staging, top[0]), unpacked)
    shutil.rmtree(staging, ignore_errors=True)
    return unpacked


def scratch_tests(source):
    """The rewritten copy of Django's tests/ folder (rebuilt when the source or rewrite changes)."""
    target = os.path.join(BUILD, "tests-%s" % DJANGO_VERSION)
    stamp = "%s %s %s" % (os.path.abspath(source), DJANGO_VERSION, REWRITE_VERSION)
    stamp_file = os.path.join(target, ".rewritten")
    if os.path.exists(stamp_file) and io.open(stamp_file, encoding="utf-8").read() == stamp:
        return target
    shutil.rmtree(target, ignore_errors=True)
    origin = os.path.join(source, "tests")
    for folder, dirs, files in os.walk(origin):
        dirs.sort()
        out_folder = os.path.join(target, os.path.relpath(folder, origin))
        os.makedirs(out_folder, exist_ok=True)
        for name in files:
            src, dst = os.path.join(folder, name), os.path.join(out_folder, name)
            if name.endswith(".py"):
                with io.open(src, "rb") as handle:
                    data = handle.read()
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError:  # a test's deliberately mis-encoded file: as it is
                    shutil.copyfile(src, dst)
                    continue
                with io.open(dst, "w", encoding="utf-8", newline="") as handle:
                    handle.write(rewrite(text))
            else:
                shutil.copyfile(src, dst)
    with io.open(stamp_file, "w", encoding="utf-8") as handle:
        handle.write(stamp)
    return target


# -- counting tests in source ---------------------------------------------------------------

def _base_name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def static_test_ids(path, dotted):
    """Test ids of a file read from its source: ``test*`` methods of its test classes.

    A class is a test class when a base (followed through the file's own classes) is named
    like one (``...TestCase``, ``...Tests``, ``...Test``, ``...Mixin`` with tests). Used only for
    files that cannot be imported; imported files report their tests themselves.
    """
    try:
        with io.open(path, "rb") as handle:
            tree = ast.parse(handle.read(), path)
    except (SyntaxError, ValueError):
        return []
    classes = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            methods = [item.name for item in node.body
                       if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test")]
            classes[node.name] = ([_base_name(base) for base in node.bases], methods)

    def is_test_class(name, seen=()):
        bases = classes[name][0]
        for base in bases:
            if base in classes and base not in seen:
                if is_test_class(base, seen + (name,)):
                    return True
            elif "Test" in base or base.endswith("Case"):
                return True
        return False

    def all_methods(name, seen=()):
        bases, methods = classes[name]
        found = list(methods)
        for base in bases:
            if base in classes and base not in seen:
                found.extend(m for m in all_methods(base, seen + (name,)) if m not in found)
        return found

    ids = []
    for name in classes:
        if is_test_class(name):
            ids.extend("%s.%s.%s" % (dotted, name, method) for method in all_methods(name))
    return sorted(set(ids))


def module_files(tests_dir, module):
    """{dotted file name: path} of a module's test files (Django's pattern ``test*.py``)."""
    files = {}
    base = os.path.join(tests_dir, module)
    for folder, dirs, names in os.walk(base):
        dirs[:] = sorted(d for d in dirs if os.path.exists(os.path.join(folder, d, "__init__.py")))
        for name in names:
            if name.startswith("test") and name.endswith(".py"):
                rel = os.path.relpath(os.path.join(folder, name[:-3]), tests_dir)
                files[rel.replace(os.sep, ".")] = os.path.join(folder, name)
    return files


# -- running ----------------------------------------------------------------------------------

def run_module(tests_dir, module, timeout):
    """Run one module in its own process; {test id: (outcome, reason)} and the files' states."""
    out = os.path.join(BUILD, "results", module + ".jsonl")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    if os.path.exists(out):
        os.remove(out)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([tests_dir, HERE, ROOT] + [p for p in [env.get("PYTHONPATH")] if p])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYFRAMEWORK_SETTINGS_MODULE", None)
    log_path = os.path.join(BUILD, "results", module + ".log")
    started = time.time()
    timed_out = False
    with io.open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, os.path.join(HERE, "driver.py"), module, "--out", out],
                                   cwd=tests_dir, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, 9)
            process.wait()
    return collect(tests_dir, module, out, timed_out, time.time() - started, process.returncode)


def collect(tests_dir, module, out, timed_out, seconds, returncode):
    files = module_files(tests_dir, module)
    records = []
    if os.path.exists(out):
        with io.open(out, encoding="utf-8") as handle:
            for line in handle:
                try:
                    records.append(json.loads(line))
                except ValueError:
                    pass  # a line cut short by the time limit
    results = {}
    loaded, file_state, done = {}, {}, False
    for record in records:
        outcome = record.get("outcome")
        if outcome == "done":
            done = True
        elif outcome in ("import", "imported"):
            file_state[record["file"]] = (outcome, record.get("reason", ""))
        elif outcome == "loaded":
            loaded[record["file"]] = record["ids"]
        elif "id" in record:
            previous = results.get(record["id"])
            if previous is None or previous[0] == "pass":
                results[record["id"]] = (outcome, record.get("reason", ""))
    if not done:
        why = "timeout after %ds" % int(seconds) if timed_out else "the process ended (status %s)" % returncode
    tests = {}
    for dotted, path in sorted(files.items()):
        state, reason = file_state.get(dotted, (None, ""))
        if state == "import":
            for test_id in static_test_ids(path, dotted):
                tests[test_id] = ("import", reason)
            continue
        if state is None:
            for test_id in static_test_ids(path, dotted):
                tests[test_id] = ("error", "not run: " + (why if not done else "not reached"))
            continue
        for test_id in loaded.get(dotted, []):
            tests[test_id] = results.get(test_id) or (
                "error", "not run: " + (why if not done else "its class's set-up failed"))
    for test_id, value in results.items():
        # Tests reported under other ids (a set-up error of a class or module, a failed load).
        if test_id not in tests and value[0] != "pass":
            owner = _owner(test_id, files)
            if owner is None or not any(t.startswith(owner + ".") for t in tests):
                tests[test_id] = value
    return {"module": module, "tests": tests, "files": file_state, "seconds": round(seconds, 1),
            "complete": done}


def _owner(test_id, files):
    inner = re.search(r"\(([\w.]+)\)", test_id)
    name = inner.group(1) if inner else test_id
    for dotted in files:
        if name == dotted or name.startswith(dotted + "."):
            return dotted
    return None


def tally(tests):
    counts = dict((outcome, 0) for outcome in OUTCOMES)
    for outcome, _ in tests.values():
        counts[outcome] += 1
    counts["total"] = sum(counts[o] for o in ("pass",) + NOT_PASSING)
    return counts


# -- expected failures --------------------------------------------------------------------------

def expected_path(module):
    return os.path.join(EXPECTED_DIR, module + ".txt")


def read_expected(module):
    """(set of ids, list of file prefixes) not expected to pass; None if no list exists yet."""
    path = expected_path(module)
    if not os.path.exists(path):
        return None
    ids, prefixes = set(), []
    with io.open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.endswith(".*"):
                prefixes.append(line[:-1])
            else:
                ids.add(line)
    return ids, prefixes


def is_expected(test_id, expected):
    ids, prefixes = expected
    return test_id in ids or any(test_id.startswith(prefix) for prefix in prefixes)


def write_expected(result):
    tests, module = result["tests"], result["module"]
    whole_files = sorted(dotted for dotted, (state, _) in result["files"].items() if state == "import")
    lines = ["%s.*" % dotted for dotted in whole_files]
    for test_id, (outcome, _) in sorted(tests.items()):
        if outcome in NOT_PASSING and not any(test_id.startswith(d + ".") for d in whole_files):
            lines.append(test_id)
    counts = tally(tests)
    os.makedirs(EXPECTED_DIR, exist_ok=True)
    with io.open(expected_path(module), "w", encoding="utf-8") as handle:
        handle.write("# Django %s tests of %s that do not pass on pyframework yet: %d of %d.\n"
                     "# Written by: python3 tests/django_suite/run.py --update %s\n"
                     % (DJANGO_VERSION, module, counts["total"] - counts["pass"], counts["total"], module))
        for line in sorted(lines):
            handle.write(line + "\n")


def regressions_of(result):
    expected = read_expected(result["module"])
    if expected is None:
        return [], []
    regressed, fixed = [], []
    for test_id, (outcome, reason) in sorted(result["tests"].items()):
        listed = is_expected(test_id, expected)
        if outcome in NOT_PASSING and not listed:
            regressed.append((test_id, outcome, reason))
        elif outcome == "pass" and listed:
            fixed.append(test_id)
    return regressed, fixed


# -- reporting ------------------------------------------------------------------------------------

def percent(part, whole):
    return 100.0 * part / whole if whole else 0.0


def report(results, markdown_path):
    header = "%-24s %7s %7s %7s %9s %7s %7s %6s" % (
        "module", "passed", "failed", "errors", "no-import", "skipped", "total", "pass%")
    print(header)
    totals = dict((key, 0) for key in OUTCOMES + ("total",))
    rows = []
    for result in results:
        counts = tally(result["tests"])
        for key in totals:
            totals[key] += counts[key]
        note = "" if result["complete"] else "  (incomplete: %s s)" % result["seconds"]
        print("%-24s %7d %7d %7d %9d %7d %7d %5.1f%%%s" % (
            result["module"], counts["pass"], counts["fail"], counts["error"], counts["import"],
            counts["skip"], counts["total"], percent(counts["pass"], counts["total"]), note))
        rows.append((result["module"], counts, result["seconds"]))
    print("%-24s %7d %7d %7d %9d %7d %7d %5.1f%%" % (
        "TOTAL", totals["pass"], totals["fail"], totals["error"], totals["import"], totals["skip"],
        totals["total"], percent(totals["pass"], totals["total"])))
    summary = "django-suite: %d of %d pass (%.1f%%)" % (
        totals["pass"], totals["total"], percent(totals["pass"], totals["total"]))
    os.makedirs(os.path.dirname(markdown_path), exist_ok=True)
    with io.open(markdown_path, "w", encoding="utf-8") as handle:
        handle.write("# Django %s's tests on pyframework\n\n%s, every import must resolve "
                     "(%s UTC).\n\n" % (DJANGO_VERSION, summary, time.strftime("%Y-%m-%d %H:%M", time.gmtime())))
        handle.write("| module | passed | failed | errors | could not import | skipped | pass % | seconds |\n")
        handle.write("|---|---:|---:|---:|---:|---:|---:|---:|\n")
        for module, counts, seconds in rows:
            handle.write("| %s | %d | %d | %d | %d | %d | %.1f | %s |\n" % (
                module, counts["pass"], counts["fail"], counts["error"], counts["import"], counts["skip"],
                percent(counts["pass"], counts["total"]), seconds))
        handle.write("| **total** | %d | %d | %d | %d | %d | **%.1f** | |\n" % (
            totals["pass"], totals["fail"], totals["error"], totals["import"], totals["skip"],
            percent(totals["pass"], totals["total"])))
    return summary


def chosen_modules(args):
    if args.modules:
        return args.modules
    if args.ci:
        return list(CI_MODULES)
    modules = list(MODULES)
    for module, needs in CONTRIB_MODULES:
        # Whether the app exists, without importing it (its models need configured settings).
        try:
            found = importlib.util.find_spec(needs) is not None
        except ImportError:
            found = False
        if found:
            modules.append(module)
    return modules


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="Django test modules (default: the whole set)")
    parser.add_argument("--ci", action="store_true", help="the CI subset of the modules")
    parser.add_argument("--update", action="store_true", help="rewrite expected/<module>.txt from this run")
    parser.add_argument("--django-src", help="an unpacked Django sdist to use instead of downloading one")
    parser.add_argument("--jobs", type=int, default=2, help="modules run at the same time (default 2)")
    parser.add_argument("--timeout", type=int, default=MODULE_TIMEOUT, help="seconds per module")
    args = parser.parse_args(argv)
    sys.path.insert(0, ROOT)
    modules = chosen_modules(args)
    tests_dir = scratch_tests(django_source(args.django_src))
    missing = [m for m in modules if not os.path.isdir(os.path.join(tests_dir, m))]
    if missing:
        raise SystemExit("django-suite: no such module in Django's tests: %s" % ", ".join(missing))
    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(run_module, tests_dir, module, args.timeout) for module in modules]
        results = [future.result() for future in futures]
    summary = report(results, os.path.join(BUILD, "report.md"))
    if args.update:
        for result in results:
            write_expected(result)
        print("django-suite: expected failures written to %s" % os.path.relpath(EXPECTED_DIR, ROOT))
        print(summary + " in %d s" % (time.time() - started))
        return 0
    status = 0
    for index, result in enumerate(results):
        regressed, fixed = regressions_of(result)
        if regressed:
            # Once more, to tell a regression from a flaky test: it must fail both times.
            again = run_module(tests_dir, result["module"], args.timeout)
            confirmed = set(test_id for test_id, _, _ in regressions_of(again)[0])
            regressed = [item for item in regressed if item[0] in confirmed]
        for test_id, outcome, reason in regressed:
            print("REGRESSION %s: %s (%s)" % (test_id, outcome, reason))
            status = 1
        if fixed:
            print("django-suite: %s: %d listed as failing now pass (run --update %s)"
                  % (result["module"], len(fixed), result["module"]))
        if read_expected(result["module"]) is None:
            print("django-suite: %s has no expected-failures list yet (run --update %s)"
                  % (result["module"], result["module"]))
    print(summary + " in %d s" % (time.time() - started))
    with io.open(os.path.join(BUILD, "summary.txt"), "w", encoding="utf-8") as handle:
        handle.write(summary + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
