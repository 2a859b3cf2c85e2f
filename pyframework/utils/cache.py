"""Helpers for HTTP caching headers."""
from __future__ import absolute_import, unicode_literals


def patch_vary_headers(response, newheaders):
    """Add ``newheaders`` to the response's Vary header, keeping what is there and avoiding repeats.

    Responses that differ per cookie (sessions, CSRF tokens) must say so, or a
    shared cache could serve one visitor's page to another.
    """
    existing = [item.strip() for item in response.get("Vary", "").split(",") if item.strip()]
    if "*" in existing:
        return
    present = set(item.lower() for item in existing)
    for header in newheaders:
        if header.lower() not in present:
            existing.append(header)
            present.add(header.lower())
    response["Vary"] = ", ".join(existing)
