"""The Java side, the same way on both runtimes.

On Jython Java classes are imported directly; on CPython they come through
JPype (the JVM is started once, with the driver jars on its class path).
"""
from __future__ import absolute_import, unicode_literals

import glob
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
        # From a byte string jarray takes each byte as is (a list of ints > 127 would overflow).
        return jarray.array(data if isinstance(data, str) else str(bytearray(data)), "b")

    def load_class(name):
        """A driver class, through the web application's loader when inside a container."""
        from java.lang import Class, Thread
        return Class.forName(name, True, Thread.currentThread().getContextClassLoader()).newInstance

    def context_class_loader():
        """The loader drivers come from: each deployed web application has its own."""
        from java.lang import Thread
        return Thread.currentThread().getContextClassLoader()

    def start_jvm(jars):
        pass  # already running: we are inside it
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

    def load_class(name):
        return jclass(name)

    def context_class_loader():
        return None  # one JVM class path per process

    def start_jvm(jars):
        """Start JPype's JVM once per process, with the driver jars (and CLASSPATH) on its class path.

        jaydebeapi starts it the same way when it connects first; either way the
        class path is fixed from then on.
        """
        if jpype is None:
            from pyframework.core.exceptions import ImproperlyConfigured
            raise ImproperlyConfigured("The jdbc backend needs JPype1 on CPython "
                                       "(pip install 'pyframework[jdbc]' or pip install JPype1).")
        if jpype.isJVMStarted():
            return
        class_path = list(jars)
        for entry in os.environ.get("CLASSPATH", "").split(os.pathsep):
            if entry.endswith("*"):
                class_path.extend(glob.glob(entry + ".jar") + glob.glob(entry + ".JAR"))
            elif entry:
                class_path.append(entry)
        jpype.startJVM(jpype.getDefaultJVMPath(), "-Djava.class.path=%s" % os.pathsep.join(class_path),
                       ignoreUnrecognized=True, convertStrings=True)


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
