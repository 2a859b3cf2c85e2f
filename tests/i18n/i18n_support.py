# -*- coding: utf-8 -*-
"""Catalogs written by the tests: .po text compiled with pyframework's own compiler."""
from __future__ import unicode_literals

import io
import os

from pyframework.utils.translation import pofile

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Plural-Forms: nplurals=%s; plural=%s;\\n"\n\n')


def write_catalog(root, locale, entries, nplurals=2, plural="(n != 1)", domain="django"):
    """Write ``root/<locale>/LC_MESSAGES/<domain>.po`` from .po entry text and compile it."""
    directory = os.path.join(str(root), locale, "LC_MESSAGES")
    if not os.path.isdir(directory):
        os.makedirs(directory)
    path = os.path.join(directory, domain + ".po")
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write(HEADER % (nplurals, plural) + entries)
    pofile.compile_po_file(path)
    return path
