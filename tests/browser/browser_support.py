"""A real, headless Chromium for the browser tests, driven through Selenium.

Debian's ``chromium`` and ``chromium-driver`` are installed with apt-get when
missing (as root, or through sudo); Selenium comes from the ``test`` extra of
pyproject.toml. The driver is named explicitly, so Selenium never tries to
download one. Every wait is bounded (``WAIT_SECONDS``) and a failure names what
the page did show, so a broken page fails quickly and legibly.
"""
from __future__ import absolute_import, division, unicode_literals

import os
import subprocess

import pytest

from pyframework.utils.compat import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DEBIAN_PACKAGES = [(CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")]
INSTALL_TIMEOUT_SECONDS = 600
WAIT_SECONDS = 30
PAGE_LOAD_SECONDS = 60
WINDOW_SIZE = (1280, 900)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCREENSHOTS = os.path.join(ROOT, "build", "browser-screenshots")
PAGE_EXCERPT_CHARS = 1500


def as_root(command):
    if os.geteuid() == 0:
        return command
    return ["sudo", "-n"] + command


def ensure_chromium():
    """Install Debian's chromium and chromium-driver if either is missing; fail if that is impossible."""
    missing = [package for path, package in DEBIAN_PACKAGES if not os.access(path, os.X_OK)]
    if not missing:
        return
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update", "-q"],
                    ["apt-get", "install", "-y", "-q", "--no-install-recommends"] + missing):
        try:
            process = subprocess.Popen(as_root(command), env=environment, stdin=subprocess.DEVNULL,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            output = process.communicate(timeout=INSTALL_TIMEOUT_SECONDS)[0].decode("utf-8", "replace")
        except (OSError, subprocess.TimeoutExpired) as error:
            pytest.fail("The browser tests need %s; installing them failed: %s" % (", ".join(missing), error),
                        pytrace=False)
        if process.returncode != 0:
            pytest.fail("The browser tests need %s; `%s` failed:\n%s"
                        % (", ".join(missing), " ".join(command), output[-3000:]), pytrace=False)
    still_missing = [path for path, _ in DEBIAN_PACKAGES if not os.access(path, os.X_OK)]
    if still_missing:
        pytest.fail("apt-get installed %s but %s is still missing" % (", ".join(missing), ", ".join(still_missing)),
                    pytrace=False)


def start_chromium():
    """A headless Chromium WebDriver with bounded page loads."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("The browser tests need Selenium: pip install -e '.[test]'", pytrace=False)
    ensure_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--disable-extensions", "--no-first-run", "--lang=en-US",
                     "--window-size=%d,%d" % WINDOW_SIZE):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(PAGE_LOAD_SECONDS)
    return driver


class BrowserPage(object):
    """The browser on one site: ``base`` is its root URL (``http://127.0.0.1:PORT`` or ``.../mysite``).

    Paths are given as on the dev server ("/admin/"); the site's prefix is added.
    """

    def __init__(self, driver, base, name):
        self.driver = driver
        self.base = base.rstrip("/")
        self.name = name

    def url(self, path):
        return self.base + path

    def full_path(self, path):
        """``path`` as the site's own links write it: with the WAR's context path in front (``next=``)."""
        return urlsplit(self.base).path + path

    @property
    def path(self):
        """The current page's path without the site's prefix, with its query string."""
        current = self.driver.current_url
        if current.startswith(self.base):
            return current[len(self.base):] or "/"
        return current

    def excerpt(self):
        try:
            text = self.driver.find_element("tag name", "body").text
        except Exception:  # the page is gone or half-loaded: say so rather than hide the failure
            text = "(no body)"
        return "%s\n%s" % (self.driver.current_url, text[:PAGE_EXCERPT_CHARS])

    def wait(self, condition, what):
        from selenium.common.exceptions import TimeoutException
        from selenium.webdriver.support.ui import WebDriverWait

        try:
            return WebDriverWait(self.driver, WAIT_SECONDS).until(condition)
        except TimeoutException:
            pytest.fail("%s: waited %d s for %s; the page shows:\n%s"
                        % (self.name, WAIT_SECONDS, what, self.excerpt()), pytrace=False)

    def loaded(self):
        return self.wait(lambda driver: driver.execute_script("return document.readyState") == "complete",
                         "the page to finish loading")

    def open(self, path):
        self.driver.get(self.url(path))
        self.loaded()

    def find(self, css):
        """The element matching ``css``, waited for."""
        from selenium.webdriver.support import expected_conditions

        return self.wait(expected_conditions.presence_of_element_located(("css selector", css)), repr(css))

    def find_all(self, css):
        return self.driver.find_elements("css selector", css)

    def has(self, css):
        return bool(self.find_all(css))

    def text(self, css="body"):
        return self.find(css).text

    def click_and_load(self, element):
        """Click something that loads a new page (link, submit button) and wait for that page."""
        from selenium.webdriver.support import expected_conditions

        old_page = self.driver.find_element("tag name", "html")
        element.click()
        self.wait(expected_conditions.staleness_of(old_page), "the next page after the click")
        self.loaded()

    def fill(self, css, value):
        field = self.find(css)
        field.clear()
        field.send_keys(value)
        return field

    def submit(self, css):
        """Click the submit button (or link) ``css`` and wait for the next page."""
        self.click_and_load(self.find(css))

    def select(self, css, visible_text=None, value=None):
        from selenium.webdriver.support.ui import Select

        from selenium.common.exceptions import NoSuchElementException

        chooser = Select(self.find(css))
        try:
            if value is not None:
                chooser.select_by_value(value)
            else:
                chooser.select_by_visible_text(visible_text)
        except NoSuchElementException:
            options = [(option.get_attribute("value"), option.text) for option in chooser.options]
            pytest.fail("%s: %s has no option %r; its options (value, text): %r"
                        % (self.name, css, value if value is not None else visible_text, options), pytrace=False)

    def screenshot(self, label):
        """Save the window as build/browser-screenshots/<site>-<label>.png; return the path."""
        if not os.path.isdir(SCREENSHOTS):
            os.makedirs(SCREENSHOTS)
        path = os.path.join(SCREENSHOTS, "%s-%s.png" % (self.name.lower().replace(" ", "-"), label))
        self.driver.save_screenshot(path)
        return path
