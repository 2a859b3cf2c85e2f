"""pyframework.core.exceptions holds Django's exceptions, and ValidationError behaves as Django's."""
from __future__ import unicode_literals

from pyframework.core import exceptions
from pyframework.core.exceptions import NON_FIELD_ERRORS, ValidationError
from pyframework.db.models import query_utils


def test_the_names_django_has_there():
    for name in ("FieldDoesNotExist", "AppRegistryNotReady", "ObjectDoesNotExist", "MultipleObjectsReturned",
                 "SuspiciousOperation", "SuspiciousMultipartForm", "SuspiciousFileOperation", "DisallowedHost",
                 "DisallowedRedirect", "TooManyFieldsSent", "TooManyFilesSent", "RequestDataTooBig",
                 "RequestAborted", "BadRequest", "PermissionDenied", "ViewDoesNotExist", "MiddlewareNotUsed",
                 "ImproperlyConfigured", "FieldError", "ValidationError", "EmptyResultSet", "FullResultSet",
                 "SynchronousOnlyOperation"):
        assert issubclass(getattr(exceptions, name), Exception), name
    assert NON_FIELD_ERRORS == "__all__"
    # Still importable where they used to live, and the same classes.
    assert query_utils.FieldError is exceptions.FieldError
    assert query_utils.EmptyResultSet is exceptions.EmptyResultSet


def test_single_error_formats_params_when_read():
    error = ValidationError("%(value)s is not even", code="odd", params={"value": 3})
    assert error.messages == ["3 is not even"]
    assert list(error) == ["3 is not even"]
    assert str(error) == str(["3 is not even"])
    assert repr(error) == "ValidationError(%s)" % (["3 is not even"],)
    assert (error.message, error.code, error.params) == ("%(value)s is not even", "odd", {"value": 3})
    assert error.error_list == [error]


def test_list_and_dict_errors():
    listed = ValidationError(["first", ValidationError("second", code="b"), ValidationError(["third"])])
    assert listed.messages == ["first", "second", "third"]
    assert [e.code for e in listed.error_list] == [None, "b", None]
    by_field = ValidationError({"name": ["required"], NON_FIELD_ERRORS: ValidationError("clash")})
    assert by_field.message_dict == {"name": ["required"], "__all__": ["clash"]}
    assert sorted(by_field.messages) == ["clash", "required"]
    assert dict(by_field) == {"name": ["required"], "__all__": ["clash"]}
    assert ValidationError(by_field).message_dict == by_field.message_dict
    merged = ValidationError("whole form").update_error_dict({"name": []})
    assert [e.message for e in merged[NON_FIELD_ERRORS]] == ["whole form"]
    try:
        listed.message_dict
    except AttributeError:
        pass
    else:
        raise AssertionError("message_dict needs a dict error")


def test_equality_and_hash():
    assert ValidationError("x", code="c", params={"a": [1]}) == ValidationError("x", code="c", params={"a": [1]})
    assert ValidationError("x", code="c") != ValidationError("x", code="d")
    assert ValidationError(["a", "b"]) == ValidationError(["b", "a"])
    assert ValidationError({"f": ["a"]}) == ValidationError({"f": ["a"]})
    assert ValidationError("x") != "x"
    assert len(set([ValidationError("x"), ValidationError("x")])) == 1
