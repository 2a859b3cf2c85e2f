"""URLconf helpers that Django keeps under ``django.conf.urls`` (``i18n``)."""
