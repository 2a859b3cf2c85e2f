"""A one-module installed app: its templates are in the ``templates`` folder next to it."""
