from pyframework.dispatch.signal import Signal, receiver  # noqa: F401
