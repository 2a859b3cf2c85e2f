"""``pyframework.contrib.humanize``: Jinja2 filters that write numbers and dates for people."""
