"""Template engine backends (only Jinja2)."""
