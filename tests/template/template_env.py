"""A custom ``environment`` factory, named by dotted path in TEMPLATES OPTIONS."""
from __future__ import unicode_literals

import jinja2


def make_environment(**options):
    env = jinja2.Environment(**options)
    env.globals["site_name"] = "Example"
    env.filters["shout"] = lambda value: "%s!" % value.upper()
    return env


def add_extra(request):
    return {"extra": "from processor", "content": "processor value"}
