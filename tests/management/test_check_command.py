"""The check command and the built-in system checks, on the generated project."""
from __future__ import unicode_literals

import io

import pytest

from pyframework.core import checks
from pyframework.core.management import CommandError, call_command
from pyframework.test.utils import override_settings


def run_check(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("check", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_generated_project_passes(project):
    out, err = run_check()
    assert out.strip() == "System check identified no issues."
    assert err == ""


# The generated project has the admin installed: a MIDDLEWARE or TEMPLATES that replaces the
# project's also loses what the admin needs, and its checks say so too (as Django's do).
ADMIN_MIDDLEWARE_CHECKS = ("admin.E408", "admin.E409", "admin.E410")
ADMIN_TEMPLATES_CHECKS = ("admin.E403",)


@pytest.mark.parametrize("overrides, expected, admin_checks", [
    ({"MIDDLEWARE": ["genproj.missing.Middleware"]},
     "MIDDLEWARE entry 'genproj.missing.Middleware' is unusable", ADMIN_MIDDLEWARE_CHECKS),
    ({"ROOT_URLCONF": "genproj.no_such_urls"},
     "The ROOT_URLCONF module 'genproj.no_such_urls' cannot be imported", ()),
    ({"ROOT_URLCONF": "genproj.settings"}, "has no 'urlpatterns' list", ()),
    ({"ROOT_URLCONF": None}, "ROOT_URLCONF is not set", ()),
    ({"DEBUG": False, "ALLOWED_HOSTS": []}, "ALLOWED_HOSTS is empty while DEBUG is False", ()),
    ({"TEMPLATES": [{"BACKEND": "pyframework.template.backends.jinja2.Jinja2", "DIRS": ["/no/such/dir"]}]},
     "DIRS entry '/no/such/dir' is not a directory", ADMIN_TEMPLATES_CHECKS),
    ({"TEMPLATES": [{"BACKEND": "nowhere.Backend"}]}, "BACKEND is unusable", ADMIN_TEMPLATES_CHECKS),
])
def test_broken_setting_fails_with_a_clear_message(project, overrides, expected, admin_checks):
    with override_settings(**overrides):
        with pytest.raises(CommandError) as info:
            run_check()
    message = str(info.value)
    assert expected in message
    for check_id in admin_checks:
        assert "(%s)" % check_id in message
    count = 1 + len(admin_checks)
    assert ("System check identified %d issue%s." % (count, "" if count == 1 else "s")) in message


def test_deploy_checks_warn_about_debug_and_the_development_key(project):
    with pytest.raises(CommandError) as info:
        run_check(deploy=True, fail_level="WARNING")
    message = str(info.value)
    assert "(security.W009)" in message and "(security.W018)" in message


def test_warnings_do_not_fail_by_default(project):
    out, err = run_check(deploy=True)
    # DEBUG, the development key, HSTS, the HTTPS redirect and the two insecure cookies.
    assert "System check identified 6 issues." in out
    for check_id in ("W009", "W018", "W004", "W008", "W010", "W016"):
        assert "(security.%s)" % check_id in err
    assert "WARNINGs:" in err


def test_tags(project):
    out, _ = run_check(list_tags=True)
    assert set(out.split()) >= {"middleware", "settings", "templates", "urls"}
    with pytest.raises(CommandError) as info:
        run_check(tags=["nonsense"])
    assert "There is no system check with the 'nonsense' tag." in str(info.value)


def test_registered_project_check_runs():
    calls = []

    @checks.register("custom-test-tag")
    def custom_check(app_configs=None, **kwargs):
        calls.append(1)
        return [checks.Error("custom problem", hint="fix it", obj="thing", id="custom.E001")]

    try:
        messages = checks.run_checks(tags=["custom-test-tag"])
        assert messages == [checks.Error("custom problem", hint="fix it", obj="thing", id="custom.E001")]
        assert calls == [1]
        assert checks.format_messages(messages) == "ERRORs:\nthing: (custom.E001) custom problem\n\tHINT: fix it"
    finally:
        checks.registry.registered_checks.remove(custom_check)


def test_silenced_checks_are_not_reported(project):
    with override_settings(MIDDLEWARE=["genproj.missing.Middleware"],
                           SILENCED_SYSTEM_CHECKS=["middleware.E001"] + list(ADMIN_MIDDLEWARE_CHECKS)):
        out, _ = run_check()
    assert out.strip() == "System check identified no issues."
