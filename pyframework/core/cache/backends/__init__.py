"""Cache backends (mirrors ``django.core.cache.backends``)."""
