"""Sessions: per-visitor data kept between requests, reached as ``request.session``.

Add ``pyframework.contrib.sessions.middleware.SessionMiddleware`` to MIDDLEWARE
and choose where the data lives with SESSION_ENGINE (see backends/).
"""
