"""``Library``: the filters, tests and global functions an installed app adds to every Jinja2 engine.

An app puts them in ``<app>/templatetags/<name>.py`` with a module-level ``register``, as in
Django::

    from pyframework import template

    register = template.Library()

    @register.filter(is_safe=True)
    def shout(value):
        return value.upper()

Jinja2 has no ``{% load %}``: the Jinja2 backend installs the libraries of every app in
``INSTALLED_APPS`` when the engine is built, so ``{{ name|shout }}`` works in all templates.
A name the project's own ``environment`` already defines is kept.
"""
from __future__ import absolute_import, unicode_literals

import importlib
import os

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils.compat import string_types


class Library(object):
    """A set of template filters (``filter``), tests (``test``) and globals (``simple_tag``).

    ``filter`` accepts Django's forms: ``@register.filter``, ``@register.filter("name")``,
    ``@register.filter(is_safe=True)`` and ``register.filter("name", function)``. Django's
    flags (``is_safe``, ``needs_autoescape``, ``expects_localtime``) are accepted and ignored:
    Jinja2 escapes by the result's type (return ``Markup`` for HTML).
    """

    def __init__(self):
        self.filters = {}
        self.tests = {}
        self.globals = {}

    @staticmethod
    def _registrar(table, name, function):
        if name is None and function is None:
            return lambda f: Library._registrar(table, None, f)
        if function is None:
            if callable(name):  # used bare: @register.filter
                name, function = None, name
            else:  # @register.filter("name")
                return lambda f: Library._registrar(table, name, f)
        table[name or getattr(function, "_decorated_function", function).__name__] = function
        return function

    def filter(self, name=None, filter_func=None, **flags):
        return self._registrar(self.filters, name, filter_func)

    def test(self, name=None, test_func=None):
        return self._registrar(self.tests, name, test_func)

    def simple_tag(self, func=None, name=None, takes_context=None):
        """A global function: Django's ``{% tag a b %}`` is ``{{ tag(a, b) }}`` in Jinja2."""
        if takes_context:
            raise ImproperlyConfigured("simple_tag(takes_context=True) has no Jinja2 counterpart here; "
                                       "pass the values the tag needs as arguments.")
        if func is None or isinstance(func, string_types):
            return lambda f: self._registrar(self.globals, name or func, f)
        return self._registrar(self.globals, name, func)

    def install(self, env):
        """Add everything to a Jinja2 ``Environment`` without replacing names it already has."""
        for table, target in ((self.filters, env.filters), (self.tests, env.tests), (self.globals, env.globals)):
            for name, function in table.items():
                target.setdefault(name, function)


def _module_names(directory):
    names = set()
    for filename in os.listdir(directory):
        # Jython's compiled modules are "<name>$py.class"; a WAR may ship only those.
        for suffix in (".py", "$py.class", ".pyc"):
            if filename.endswith(suffix) and not filename.startswith("_"):
                names.add(filename[:-len(suffix)])
    return sorted(names)


def installed_libraries(app_configs):
    """The ``register`` Library of every ``templatetags`` module of the apps, in app order."""
    libraries = []
    for app_config in app_configs:
        directory = os.path.join(app_config.path, "templatetags")
        if not os.path.isdir(directory):
            continue
        for module_name in _module_names(directory):
            module = importlib.import_module("%s.templatetags.%s" % (app_config.name, module_name))
            library = getattr(module, "register", None)
            if isinstance(library, Library):
                libraries.append(library)
    return libraries
