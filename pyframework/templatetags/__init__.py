"""Template extensions shipped with pyframework (Jinja2 counterparts of ``django.templatetags``)."""
