"""View decorators (mirrors ``django.views.decorators``)."""
