"""reverse(), resolve() and the per-thread state they use (script prefix, urlconf override)."""
from __future__ import absolute_import, unicode_literals

import re
import threading

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.signals import setting_changed
from pyframework.urls.exceptions import NoReverseMatch, Resolver404
from pyframework.urls.resolvers import root_resolver
from pyframework.utils.compat import PY2, quote, string_types, text_type, unquote, urlsplit, urlunsplit
from pyframework.utils.functional import lazy
from pyframework.utils.translation import override

# Per-thread because one process serves many requests at once: the servlet bridge
# and the WSGI handler set the script prefix (the WAR's context path, SCRIPT_NAME)
# at the start of each request; a request may also pick its own urlconf.
_prefixes = threading.local()
_urlconfs = threading.local()

# Resolvers by urlconf. Filled once per urlconf and then only read: a dict lookup
# is atomic, so the request path needs no lock (a racing first fill builds twice, harmlessly).
_resolvers = {}

# Characters reverse() leaves unquoted: RFC 3986 sub-delims plus those path segments allow.
_SAFE_PATH_CHARS = "!$&'()*+,;=/~:@"
# URLs made only of these need no quoting: the common case skips quote(), a slow
# character loop on Jython.
_ONLY_SAFE_CHARS = re.compile(r"[A-Za-z0-9_.\-!$&'()*+,;=/~:@]*\Z")


def set_script_prefix(prefix):
    """Set the prefix reverse() puts before every URL (in this thread); always ends with '/'."""
    if not prefix.endswith("/"):
        prefix += "/"
    _prefixes.value = prefix


def get_script_prefix():
    return getattr(_prefixes, "value", "/")


def clear_script_prefix():
    try:
        del _prefixes.value
    except AttributeError:
        pass


def set_urlconf(urlconf_name):
    """Use ``urlconf_name`` instead of ROOT_URLCONF in this thread (None resets)."""
    if urlconf_name:
        _urlconfs.value = urlconf_name
    elif hasattr(_urlconfs, "value"):
        del _urlconfs.value


def get_urlconf(default=None):
    return getattr(_urlconfs, "value", default)


def get_resolver(urlconf=None):
    """The root resolver of ``urlconf`` (default: ROOT_URLCONF), built once and cached."""
    if urlconf is None:
        urlconf = settings.ROOT_URLCONF
        if urlconf is None:
            raise ImproperlyConfigured("The ROOT_URLCONF setting is not set: name your project's urls module.")
    try:
        return _resolvers[urlconf]
    except KeyError:
        resolver = _resolvers[urlconf] = root_resolver(urlconf)
        return resolver
    except TypeError:  # an unhashable list of patterns: not cached
        return root_resolver(urlconf)


def clear_url_caches():
    _resolvers.clear()


def _on_setting_changed(setting=None, **kwargs):
    if setting == "ROOT_URLCONF":
        clear_url_caches()
        set_urlconf(None)


setting_changed.connect(_on_setting_changed, dispatch_uid="pyframework.urls.clear_url_caches")


def resolve(path, urlconf=None):
    """The ResolverMatch for ``path`` (which starts with '/'); raises Resolver404."""
    if urlconf is None:
        urlconf = get_urlconf()
    return get_resolver(urlconf).resolve(path)


def is_valid_path(path, urlconf=None):
    """The ResolverMatch if ``path`` resolves, else False (used by APPEND_SLASH)."""
    try:
        return resolve(path, urlconf)
    except Resolver404:
        return False


def reverse(viewname, urlconf=None, args=None, kwargs=None, current_app=None):
    """The URL path of a view: ``reverse('blog:post', kwargs={'pk': 3})`` -> '/blog/3/'.

    ``viewname`` is a pattern name (optionally 'namespace:name') or the view callable.
    The result starts with the current script prefix and is percent-encoded.
    """
    if args and kwargs:
        raise ValueError("reverse() takes args or kwargs, not both.")
    if urlconf is None:
        urlconf = get_urlconf()
    resolver = get_resolver(urlconf)
    args = tuple(args or ())
    kwargs = kwargs or {}
    candidates = _candidates(resolver, viewname, current_app)
    for reversal in candidates:
        path = reversal.build(args, kwargs)
        if path is not None:
            return _finish_url(get_script_prefix() + path)
    raise NoReverseMatch(_no_match_message(viewname, args, kwargs, candidates))


def _candidates(resolver, viewname, current_app):
    """The reversals that may produce ``viewname``, full paths from the root; cached per resolver."""
    key = (viewname, current_app)
    try:
        return resolver.reverse_candidates[key]
    except KeyError:
        pass
    if isinstance(viewname, string_types):
        parts = viewname.split(":")
        view, namespace_path = parts[-1], parts[:-1]
    else:
        view, namespace_path = viewname, []
    prefix, inner = _follow_namespaces(resolver, namespace_path, current_app)
    candidates = inner.reverse_dict.get(view, ())
    if prefix is not None:
        candidates = [reversal.prefixed(prefix) for reversal in candidates]
    if candidates:
        # Only names that exist: the cache must not grow with made-up names
        # (redirect() may be handed text from a request).
        resolver.reverse_candidates[key] = candidates
    return candidates


def _follow_namespaces(resolver, namespace_path, current_app):
    """Walk 'a:b:' down the namespace tables; returns (joined include prefix, innermost resolver)."""
    current = current_app.split(":") if current_app else []
    prefix = None
    walked = []
    for index, namespace in enumerate(namespace_path):
        instances = resolver.app_dict.get(namespace)
        current_ns = current[index] if index < len(current) else None
        if instances:
            # An application namespace: prefer the instance the current request is in,
            # then the default instance (namespace == app_name), then the last one deployed.
            if current_ns in instances:
                namespace = current_ns
            elif namespace not in instances:
                namespace = instances[0]
        if namespace != current_ns:
            current = []
        try:
            ns_prefix, resolver = resolver.namespace_dict[namespace]
        except KeyError:
            where = " inside '%s'" % ":".join(walked) if walked else ""
            raise NoReverseMatch("'%s' is not a registered namespace%s." % (namespace, where))
        walked.append(namespace)
        prefix = ns_prefix if prefix is None else ns_prefix.prefixed(prefix)
    return prefix, resolver


def _finish_url(url):
    if not _ONLY_SAFE_CHARS.match(url):
        if PY2:
            url = quote(url.encode("utf-8"), safe=_SAFE_PATH_CHARS.encode("ascii")).decode("ascii")
        else:
            url = quote(url, safe=_SAFE_PATH_CHARS)
    # '//x' would be read by browsers as a scheme-relative URL to host x.
    if url.startswith("//"):
        url = "/%2F" + url[2:]
    return url


def _no_match_message(viewname, args, kwargs, candidates):
    name = viewname if isinstance(viewname, string_types) else getattr(viewname, "__name__", repr(viewname))
    if not candidates:
        return ("Reverse for '%s' not found: '%s' is not the name of a URL pattern (or a view "
                "function) in the urlconf." % (name, name))
    if args:
        given = "arguments %r" % (args,)
    elif kwargs:
        given = "keyword arguments %r" % (dict(kwargs),)
    else:
        given = "no arguments"
    return "Reverse for '%s' with %s not found. %d pattern(s) tried: %s" % (
        name, given, len(candidates), ", ".join("'%s'" % reversal.describe() for reversal in candidates))


def translate_url(url, lang_code):
    """``url`` as it reads in ``lang_code`` (``/de/blog/`` -> ``/fr/blog/`` under i18n_patterns).

    The URL is resolved in the active language and reversed in ``lang_code``; a URL that does
    not resolve, or has no name, comes back unchanged.
    """
    parsed = urlsplit(url)
    path = unquote(parsed.path)
    script_prefix = get_script_prefix()
    if script_prefix != "/" and path.startswith(script_prefix):
        path = "/" + path[len(script_prefix):]
    try:
        match = resolve(path)
    except Resolver404:
        return url
    if not match.url_name:
        return url
    name = "%s:%s" % (match.namespace, match.url_name) if match.namespace else match.url_name
    with override(lang_code):
        try:
            translated = reverse(name, args=match.args or None, kwargs=match.kwargs or None)
        except NoReverseMatch:
            return url
    return urlunsplit((parsed.scheme, parsed.netloc, translated, parsed.query, parsed.fragment))


# Computed when first used as text (module-level or class-level values), so the
# urlconf need not be importable yet when the value is defined.
reverse_lazy = lazy(reverse, text_type)
