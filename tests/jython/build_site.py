"""Build the Jython test site (pytest 4.6.11 for Python 2.7) from the pinned requirement files.

Run with CPython: ``python3 tests/jython/build_site.py [SITE_DIR]``. Wheels are
downloaded hash-checked with pip, then unpacked into one folder that goes on
JYTHONPATH; from source-only packages only their top-level module is taken.
Nothing is done when the site already matches the requirement files.
"""
from __future__ import print_function

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WHEELS = os.path.join(HERE, "requirements.txt")
SDISTS = os.path.join(HERE, "requirements-sdist.txt")
DEFAULT_SITE = os.path.join(ROOT, "build", "jython", "test-site")
STAMP = ".requirements.sha256"


def requirements_digest():
    digest = hashlib.sha256()
    for path in (WHEELS, SDISTS):
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


def pip_download(requirements, destination, *options):
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--require-hashes",
               "--disable-pip-version-check", "-r", requirements, "-d", destination] + list(options)
    print("jython test site: downloading %s" % os.path.relpath(requirements, ROOT), flush=True)
    subprocess.check_call(command)


def sdist_module(archive, site):
    """Extract ``<project>-<version>/<project>.py`` from a source archive."""
    base = os.path.basename(archive)[:-len(".tar.gz")]
    project = base.rsplit("-", 1)[0]
    with tarfile.open(archive) as tar:
        member = tar.getmember("%s/%s.py" % (base, project.lower()))
        with open(os.path.join(site, os.path.basename(member.name)), "wb") as target:
            shutil.copyfileobj(tar.extractfile(member), target)


def build(site):
    stamp = os.path.join(site, STAMP)
    wanted = requirements_digest()
    if os.path.exists(stamp) and open(stamp).read().strip() == wanted:
        print("jython test site: up to date in %s" % os.path.relpath(site, ROOT))
        return
    downloads = os.path.join(os.path.dirname(site), "downloads")
    pip_download(WHEELS, downloads, "--only-binary=:all:", "--python-version", "27")
    pip_download(SDISTS, downloads, "--no-binary=:all:")
    if os.path.isdir(site):
        shutil.rmtree(site)
    os.makedirs(site)
    for wheel in sorted(glob.glob(os.path.join(downloads, "*.whl"))):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(site)
    for archive in sorted(glob.glob(os.path.join(downloads, "*.tar.gz"))):
        sdist_module(archive, site)
    with open(stamp, "w") as handle:
        handle.write(wanted + "\n")
    print("jython test site: built in %s" % os.path.relpath(site, ROOT))


if __name__ == "__main__":
    build(os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SITE)
