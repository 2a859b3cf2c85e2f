"""The demo pages: each one exercises a part of the framework end to end."""
from __future__ import unicode_literals

import hashlib
import platform
import threading

from pyframework.http import JsonResponse
from pyframework.shortcuts import render
from pyframework.views.decorators.http import require_GET, require_http_methods

# Computed once: the interpreter does not change while the process runs.
PYTHON_IMPLEMENTATION = platform.python_implementation()
PYTHON_VERSION = platform.python_version()


@require_GET
def home(request):
    return render(request, "demo/home.html", {
        "implementation": PYTHON_IMPLEMENTATION,
        "version": PYTHON_VERSION,
    })


@require_GET
def hello(request, name):
    return render(request, "demo/hello.html", {"name": name})


@require_http_methods(["GET", "POST"])
def echo(request):
    if request.method == "GET":
        return render(request, "demo/echo.html")
    message = request.POST.get("message", "").strip()
    if not message:
        return render(request, "demo/echo.html", {"error": "Please type a message: it must not be blank."},
                      status=400)
    return render(request, "demo/echo.html", {"message": message})


@require_http_methods(["GET", "POST"])
def upload(request):
    if request.method == "GET":
        return render(request, "demo/upload.html")
    uploaded = request.FILES.get("file")
    if uploaded is None:
        return JsonResponse({"error": "No file was sent: use a multipart form with a file field named 'file'."},
                            status=400)
    digest = hashlib.sha256()
    size = 0
    for chunk in uploaded.chunks():
        digest.update(chunk)
        size += len(chunk)
    return JsonResponse({"name": uploaded.name, "size": size, "sha256": digest.hexdigest()})


@require_GET
def api_info(request):
    return JsonResponse({
        "implementation": PYTHON_IMPLEMENTATION,
        "version": PYTHON_VERSION,
        "thread": threading.current_thread().name,
    })
