#!/usr/bin/env python3
"""One command for the whole benchmark: python3 benchmarks/run.py [--quick]

Builds and starts every contender on its own 127.0.0.1 port, checks each
answers every scenario correctly, warms them up, loads them with wrk (same
settings for all, measured back to back in one run), then prints the table
and writes it as Markdown plus a PNG bar chart into benchmarks/results/.
Exits non-zero when a contender answers wrongly.

--quick is the smoke run for CI: correctness checks and a 1-second wrk per
cell at 16 connections; its numbers mean nothing.
"""
import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH_DIR)

from benchkit import contenders as contender_setup  # noqa: E402
from benchkit import load, profile, report, scenarios  # noqa: E402
from benchkit.processes import BenchError, stop_all  # noqa: E402

CONTENDER_KEYS = ("war", "raw", "pf-gunicorn", "django")
RESULTS_DIR = os.path.join(BENCH_DIR, "results")
REQUIREMENTS = os.path.join(BENCH_DIR, "requirements.txt")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: correctness + 1 s per cell (< 2 min)")
    parser.add_argument("--scenarios", default=",".join(scenarios.SCENARIO_ORDER),
                        help="comma-separated, from: %s" % ", ".join(scenarios.SCENARIO_ORDER))
    parser.add_argument("--contenders", default=",".join(CONTENDER_KEYS),
                        help="comma-separated, from: %s" % ", ".join(CONTENDER_KEYS))
    parser.add_argument("--duration", type=int, default=None, help="wrk seconds per cell (default 8; quick: 1)")
    parser.add_argument("--connections", default=None, help="connection levels (default 1,16,64; quick: 16)")
    parser.add_argument("--warmup", type=int, default=None,
                        help="at most this many seconds of wrk per scenario before measuring the WAR, in "
                             "rounds until throughput stops rising (default 90; quick: 1); the JIT compiles "
                             "Jython's hot paths only after thousands of requests")
    parser.add_argument("--profile", type=int, default=0, metavar="SECONDS",
                        help="afterwards, sample the WAR's JVM with JFR for SECONDS of one scenario")
    parser.add_argument("--profile-scenario", default="page", choices=scenarios.SCENARIO_ORDER,
                        help="the scenario --profile loads (default: page)")
    parser.add_argument("--no-install", action="store_true", help="skip pip install -r requirements.txt")
    args = parser.parse_args(argv)
    args.scenarios = [name.strip() for name in args.scenarios.split(",") if name.strip()]
    args.contenders = [key.strip() for key in args.contenders.split(",") if key.strip()]
    for name in args.scenarios:
        if name not in scenarios.SCENARIOS:
            parser.error("unknown scenario %r" % name)
    for key in args.contenders:
        if key not in CONTENDER_KEYS:
            parser.error("unknown contender %r" % key)
    if args.duration is None:
        args.duration = 1 if args.quick else 8
    if args.warmup is None:
        args.warmup = 1 if args.quick else 90
    levels = args.connections or ("16" if args.quick else "1,16,64")
    try:
        args.connections = [int(level) for level in levels.split(",")]
    except ValueError:
        parser.error("--connections takes numbers, such as 1,16,64")
    if any(level < 1 for level in args.connections):
        parser.error("--connections must be at least 1")
    return args


def install_wrk():
    """wrk is a Debian package: apt-get it when missing and we may."""
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise BenchError("wrk is not installed: apt-get install wrk (or build it from github.com/wg/wrk)")
    print("Installing wrk (apt-get) ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    contender_setup.run_checked(["apt-get", "install", "-y", "-q", "wrk"], BENCH_DIR, "apt-get install wrk", env)


def install_requirements():
    missing = []
    for module in ("django", "gunicorn", "matplotlib"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        print("Installing %s (benchmarks/requirements.txt) ..." % ", ".join(missing), flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", REQUIREMENTS], check=True)


def load_average():
    return "%.2f" % os.getloadavg()[0]


def start_contenders(args, workdir, info):
    started = []
    tomcat = None
    if "war" in args.contenders or "raw" in args.contenders:
        pfbench_war = contender_setup.build_war(contender_setup.PFBENCH_DIR, "pfbench")
        raw_war = contender_setup.build_war(contender_setup.RAWSERVLET_DIR, "rawservlet", uses_plugin=False)
        info["war_mb"] = os.path.getsize(pfbench_war) / 1048576.0
        tomcat, on_tomcat = contender_setup.start_tomcat_contenders(workdir, args.contenders, pfbench_war, raw_war)
        info["connector_seconds"] = tomcat.connector_seconds
        info["tomcat"] = os.path.basename(tomcat.home).replace("apache-tomcat-", "")
        started.extend(on_tomcat)
    if "pf-gunicorn" in args.contenders:
        started.append(contender_setup.start_pyframework_gunicorn(workdir))
    if "django" in args.contenders:
        started.append(contender_setup.start_django_gunicorn(workdir))
    order = dict((key, index) for index, key in enumerate(CONTENDER_KEYS))
    started.sort(key=lambda contender: order[contender.key])
    return tomcat, started


def prepare_all(contenders, scenario_names):
    return [problem for contender in contenders for problem in scenarios.prepare(contender, scenario_names)]


def write_scripts(workdir, contenders, scenario_names):
    """wrk's Lua script per (contender key, scenario): the admin's carries that contender's session cookie."""
    return dict(((contender.key, name),
                 load.write_script(workdir, scenarios.SCENARIOS[name], contender.headers.get(name)))
                for contender in contenders for name in scenario_names if name in contender.scenarios)


def check_all(contenders, scenario_names):
    problems = []
    for contender in contenders:
        problems.extend(scenarios.check(contender, scenario_names))
    return problems


WARMUP_ROUND_SECONDS = 5
# A warm-up round must beat the best round so far by this much to count as "still rising".
WARMUP_GAIN = 1.03


def warm_up(args, contenders, scripts):
    """Load each contender's scenarios at 16 connections, in rounds, until throughput stops rising.

    Jython's call sites need thousands of requests before the JVM compiles them (a Jinja2
    render takes about a minute of load to reach its steady speed), plain Java bytecode is hot
    much sooner, and CPython has no JIT. So rather than a fixed time, every contender gets rounds
    of WARMUP_ROUND_SECONDS until two rounds in a row gain less than 3 % over the best one, capped
    at --warmup seconds per scenario (the raw servlet a third of it, CPython a fifth).
    Returns {(contender key, scenario): [req/s of each round]} for the report.
    """
    share = {"war": 1, "raw": 3}
    rounds_seen = {}
    for contender in contenders:
        budget = max(1, args.warmup // share.get(contender.key, 5))
        round_seconds = min(WARMUP_ROUND_SECONDS, budget)
        for name in args.scenarios:
            if name not in contender.scenarios:
                continue
            rates, spent, flat = [], 0, 0
            while spent < budget and flat < 2:
                result = load.measure(contender, scenarios.SCENARIOS[name], 16, round_seconds,
                                      scripts[(contender.key, name)])
                spent += round_seconds
                # <=: rounds that all time out (0 req/s) count as not rising either.
                flat = flat + 1 if rates and result.rps <= max(rates) * WARMUP_GAIN else 0
                rates.append(result.rps)
            rounds_seen[(contender.key, name)] = rates
            print("warm-up %-12s %-10s %3d s: %s req/s%s" % (
                contender.key, name, spent, " ".join("%.0f" % rate for rate in rates),
                "" if flat >= 2 else " (still rising at the cap)"), flush=True)
    return rounds_seen


def measure_all(args, contenders, scripts):
    """Every cell, back to back, the contenders interleaved within each scenario and level."""
    measurements = []
    for connections in args.connections:
        for name in args.scenarios:
            for contender in contenders:
                if name not in contender.scenarios:
                    continue
                result = load.measure(contender, scenarios.SCENARIOS[name], connections, args.duration,
                                      scripts[(contender.key, name)])
                print("%-12s %-10s %3d conn.  %9.0f req/s  p50 %7.2f ms  p99 %8.2f ms  errors %d"
                      % (contender.key, name, connections, result.rps, result.p50_ms, result.p99_ms, result.errors),
                      flush=True)
                measurements.append(result)
    return measurements


def profile_war(args, tomcat, contenders, scripts, workdir):
    """JFR samples of the WAR during one more load of a scenario; a failure only costs the profile."""
    wars = [c for c in contenders if c.key == "war"]
    if not wars:
        return
    scenario = scenarios.SCENARIOS[args.profile_scenario]
    script = scripts.get((wars[0].key, scenario.name)) or load.write_script(workdir, scenario,
                                                                            wars[0].headers.get(scenario.name))
    print("Profiling the WAR with JFR during %d s of %s ..." % (args.profile, scenario.name), flush=True)
    if not os.path.isdir(RESULTS_DIR):
        os.makedirs(RESULTS_DIR)
    try:
        path, summary = profile.profile_war(tomcat.jvm_pid(), RESULTS_DIR, scenario.name,
                                            lambda: load.measure(wars[0], scenario, 16, args.profile, script))
    except (BenchError, OSError, subprocess.CalledProcessError) as error:
        print("Profiling failed: %s" % error, file=sys.stderr)
    else:
        print(summary)
        print("Profile summary written to %s" % path)


def main(argv=None):
    args = parse_arguments(argv)
    began = time.time()
    try:
        if not args.no_install:
            install_requirements()
            install_wrk()
        for tool in ("wrk", "gradle", "java"):
            if not shutil.which(tool):
                raise BenchError("%s is not on the PATH" % tool)
    except BenchError as error:
        print("BENCHMARK FAILED: %s" % error, file=sys.stderr)
        return 1
    info = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cores": os.cpu_count() or 1, "load_before": load_average(), "duration": args.duration,
            "workers": contender_setup.gunicorn_workers(), "java_opts": contender_setup.TOMCAT_JAVA_OPTS,
            "python": "CPython %s" % platform.python_version(), "mode": "quick" if args.quick else "full",
            "war_mb": 0.0, "connector_seconds": 0.0, "tomcat": "-", "rss": {}}
    print("Benchmark on %d cores, load average %s" % (info["cores"], info["load_before"]), flush=True)
    workdir = tempfile.mkdtemp(prefix="pyframework-bench-")
    tomcat, contenders, failed = None, [], True
    try:
        tomcat, contenders = start_contenders(args, workdir, info)
        problems = prepare_all(contenders, args.scenarios) or check_all(contenders, args.scenarios)
        if problems:
            raise BenchError("wrong answers before the load:\n  " + "\n  ".join(problems))
        print("All contenders answer every scenario correctly.", flush=True)
        scripts = write_scripts(workdir, contenders, args.scenarios)
        info["warmup_round"], info["warmup_cap"] = WARMUP_ROUND_SECONDS, args.warmup
        info["warmup"] = warm_up(args, contenders, scripts)
        measurements = measure_all(args, contenders, scripts)
        info["rss"] = dict((c.key, c.server.resident_memory_mb()) for c in contenders)
        info["load_after"] = load_average()
        problems = check_all(contenders, args.scenarios)
        if args.quick:
            # Under load a wrong status shows as wrk's "non-2xx/3xx" count.
            problems.extend("%s %s: %d non-2xx/3xx answers under load" % (m.contender.key, m.scenario,
                                                                          m.error_detail["status"])
                            for m in measurements if m.error_detail.get("status"))
        if problems:
            raise BenchError("wrong answers after the load:\n  " + "\n  ".join(problems))
        if args.profile and tomcat is not None:
            profile_war(args, tomcat, contenders, scripts, workdir)
        failed = False
    except BenchError as error:
        print("BENCHMARK FAILED: %s" % error, file=sys.stderr)
        return 1
    finally:
        stop_all()
        if failed:
            print("Logs kept in %s" % workdir, file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    table = report.markdown(info, contenders, measurements, args.connections)
    stem = "benchmark-quick" if args.quick else "benchmark"
    markdown_path, chart_path = report.write_results(
        RESULTS_DIR, stem, table, measurements, args.connections,
        "pyframework benchmark, %s, %d cores" % (info["date"], info["cores"]))
    print()
    print(report.text_table(measurements))
    print()
    print(table)
    print("Written: %s and %s (%.0f s in all)" % (markdown_path, chart_path, time.time() - began))
    return 0


if __name__ == "__main__":
    sys.exit(main())
