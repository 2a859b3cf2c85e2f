#!/usr/bin/env bash
# Creates a virtual environment with this checkout of pyframework installed in it (editable).
#
#   bash bootstrap.sh                      .venv/ with pyframework (the README's quick start)
#   bash bootstrap.sh build/venv test      build/venv/ with the test extras (tests/run.sh)
#
# Debian and Ubuntu mark their Python "externally managed" (PEP 668): `pip install` into
# /usr/bin/python3 is refused, so everything goes into a virtual environment. Debian's
# Python needs the python3-venv package for that; it is installed with apt-get (as root, or
# through sudo) when missing. PYFRAMEWORK_PYTHON names another interpreter (default python3).
# A second run with an unchanged pyproject.toml does nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${1:-$ROOT/.venv}"
EXTRAS="${2:-}"
PYTHON="${PYFRAMEWORK_PYTHON:-python3}"
case "$VENV" in /*) ;; *) VENV="$PWD/$VENV" ;; esac
SPEC="$ROOT"
[ -n "$EXTRAS" ] && SPEC="$ROOT[$EXTRAS]"
STAMP="$VENV/.pyframework-installed"

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "bootstrap.sh: $PYTHON not found; install Python 3.9+ (apt-get install python3)" >&2
    exit 2
fi

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$SPEC" ] && [ "$STAMP" -nt "$ROOT/pyproject.toml" ] \
        && "$VENV/bin/python" -c 'import pyframework' >/dev/null 2>&1; then
    exit 0
fi

create_venv() {
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV" >/dev/null 2>&1
}

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    echo "== Creating the virtual environment $VENV"
    if ! create_venv; then
        # Debian/Ubuntu ship venv's pip bootstrap (ensurepip) separately.
        version="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
        echo "== Installing python3-venv (python$version-venv) with apt-get"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            python3-venv "python$version-venv" >/dev/null
        create_venv || { echo "bootstrap.sh: $PYTHON -m venv $VENV failed" >&2; exit 2; }
    fi
fi

echo "== Installing pyframework into $VENV (pip install -e '$SPEC')"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$SPEC"
echo "$SPEC" > "$STAMP"
