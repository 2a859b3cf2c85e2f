"""The Java side, the same way on both runtimes.

On Jython Java classes are imported directly; on CPython they come through
JPype (the JVM is started by jaydebeapi with the driver jars on its class path).
"""
from __future__ import unicode_literals

import importlib
import os

from pyframework.utils.compat import JYTHON

if JYTHON:  # pragma: no cover - Jython
    import jarray
    from java.lang import Throwable as JavaThrowable

    def jclass(name):
        module, _, cls = name.rpartition(".")
        return getattr(importlib.import_module(module), cls)

    def from_java_bytes(array):
        return array.tostring()

    def to_java_bytes(data):
        return jarray.array(bytearray(data), "b") if not isinstance(data, str) else jarray.array(data, "b")

    def context_class_loader():
        from java.lang import Thread
        return Thread.currentThread().getContextClassLoader()

    def jvm_running():
        return True
else:
    try:
        import jpype
        JavaThrowable = jpype.JException
    except ImportError:  # the jdbc backend reports this when it connects
        jpype = None

        class JavaThrowable(Exception):
            pass

    def jclass(name):
        return jpype.JClass(name)

    def from_java_bytes(array):
        return bytes(array)

    def to_java_bytes(data):
        return jpype.JArray(jpype.JByte)(bytes(data))

    def context_class_loader():
        return None

    def jvm_running():
        return jpype is not None and jpype.isJVMStarted()


def configured_jars(databases):
    """Driver jars for the JVM: every JARS setting, then PYFRAMEWORK_JDBC_JARS (os.pathsep-separated)."""
    jars = []
    for conf in databases.values():
        for jar in conf.get("JARS") or ():
            if jar not in jars:
                jars.append(jar)
    for jar in os.environ.get("PYFRAMEWORK_JDBC_JARS", "").split(os.pathsep):
        if jar and jar not in jars:
            jars.append(jar)
    return jars
