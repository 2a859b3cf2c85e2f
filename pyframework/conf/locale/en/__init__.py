"""Formats of this language (pyframework.utils.formats)."""
