"""Users, groups and permissions on every test database: create_user, authenticate, permission checks."""
from __future__ import unicode_literals

import pytest

from auth_testing import auth_installed
from pyframework.contrib import auth
from pyframework.contrib.auth import authenticate, get_user_model, hashers
from pyframework.contrib.auth.models import AnonymousUser, Group, Permission, User
from pyframework.contrib.auth.signals import user_login_failed
from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.core.management import call_command
from pyframework.test import override_settings


@pytest.fixture
def auth_db(db):
    with auth_installed():
        yield db


@pytest.mark.usefixtures("auth_db")
def test_create_user_hashes_the_password_and_normalizes_email():
    user = User.objects.create_user("alice", "Alice@EXAMPLE.Com", "wonderland-42")
    assert user.pk is not None
    assert user.email == "Alice@example.com"
    assert user.password.startswith("pbkdf2_sha256$") and "wonderland-42" not in user.password
    assert user.check_password("wonderland-42") and not user.check_password("wonderland-43")
    assert (user.is_active, user.is_staff, user.is_superuser) == (True, False, False)
    assert user.date_joined is not None and user.last_login is None
    assert user.is_authenticated and not user.is_anonymous
    again = User.objects.get(username="alice")
    assert again.check_password("wonderland-42")
    assert "%s" % again == "alice"


@pytest.mark.usefixtures("auth_db")
def test_create_user_without_password_is_unusable_and_username_required():
    user = User.objects.create_user("nopass")
    assert not user.has_usable_password()
    assert authenticate(username="nopass", password="") is None
    with pytest.raises(ValueError):
        User.objects.create_user("")


@pytest.mark.usefixtures("auth_db")
def test_create_superuser():
    admin = User.objects.create_superuser("root", "root@example.com", "r00t-pass")
    assert admin.is_staff and admin.is_superuser
    assert admin.has_perm("anything.at_all") and admin.has_module_perms("whatever")
    with pytest.raises(ValueError):
        User.objects.create_superuser("root2", None, "x", is_staff=False)


@pytest.mark.usefixtures("auth_db")
def test_username_validation_and_uniqueness():
    user = User(username="bad name!", password="x")
    with pytest.raises(ValidationError) as info:
        user.full_clean()
    assert "username" in info.value.message_dict
    User.objects.create_user("taken", password="pw")
    with pytest.raises(ValidationError) as info:
        User(username="taken", password="x").full_clean()
    assert "already exists" in "%s" % info.value.message_dict["username"]


@pytest.mark.usefixtures("auth_db")
def test_authenticate_right_wrong_inactive():
    user = User.objects.create_user("bob", password="builder-99")
    found = authenticate(username="bob", password="builder-99")
    assert found == user
    assert found.backend == "pyframework.contrib.auth.backends.ModelBackend"
    assert authenticate(username="bob", password="builder-98") is None
    assert authenticate(username="bob") is None
    user.is_active = False
    user.save()
    assert authenticate(username="bob", password="builder-99") is None


@pytest.mark.usefixtures("auth_db")
def test_failed_login_signal_masks_the_password():
    received = []

    def receiver(sender, credentials, **kwargs):
        received.append(credentials)

    user_login_failed.connect(receiver)
    try:
        assert authenticate(username="ghost", password="boo") is None
    finally:
        user_login_failed.disconnect(receiver)
    assert received == [{"username": "ghost", "password": "********************"}]


@pytest.mark.usefixtures("auth_db")
def test_hasher_runs_once_for_existing_and_missing_users(monkeypatch):
    User.objects.create_user("carol", password="right-pass")
    calls = []
    real = hashers.pbkdf2

    def counting(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(hashers, "pbkdf2", counting)
    assert authenticate(username="carol", password="wrong-pass") is None
    existing = list(calls)
    del calls[:]
    assert authenticate(username="nobody-here", password="wrong-pass") is None
    missing = list(calls)
    # One key derivation of the same cost either way: the answer's timing does not reveal the user exists.
    assert len(existing) == 1 and existing == missing


@pytest.mark.usefixtures("auth_db")
def test_login_upgrades_an_outdated_hash():
    user = User.objects.create_user("dave", password="old-hash-pw")
    user.password = hashers.PBKDF2SHA1PasswordHasher().encode("old-hash-pw", "somesalt", iterations=1)
    user.save()
    with override_settings(PASSWORD_HASHERS=["auth_testing.OneRoundPBKDF2Hasher",
                                             "pyframework.contrib.auth.hashers.PBKDF2SHA1PasswordHasher"]):
        assert authenticate(username="dave", password="old-hash-pw") is not None
    assert User.objects.get(pk=user.pk).password.startswith("pbkdf2_sha256$1$")


@pytest.mark.usefixtures("auth_db")
def test_migrate_created_the_default_permissions():
    codenames = set(Permission.objects.filter(content_type__app_label="auth").values_list("codename", flat=True))
    for model in ("user", "group", "permission"):
        for action in ("add", "change", "delete", "view"):
            assert "%s_%s" % (action, model) in codenames
    perm = Permission.objects.get(content_type__app_label="auth", codename="add_user")
    assert (perm.content_type.model, perm.name) == ("user", "Can add user")
    assert "%s" % perm == "Authentication and Authorization | user | Can add user"
    assert perm.natural_key() == ("add_user", "auth", "user")
    assert Permission.objects.get_by_natural_key("add_user", "auth", "user") == perm
    # Running migrate again adds nothing twice.
    count = Permission.objects.count()
    call_command("migrate", "auth", verbosity=0)
    assert Permission.objects.count() == count


@pytest.mark.usefixtures("auth_db")
def test_user_and_group_permissions():
    user = User.objects.create_user("erin", password="pw-erin-1")
    editors = Group.objects.create(name="editors")
    editors.permissions.add(Permission.objects.get(content_type__app_label="auth", codename="change_group"))
    user.user_permissions.add(Permission.objects.get(content_type__app_label="auth", codename="view_user"))
    user = User.objects.get(pk=user.pk)
    assert user.has_perm("auth.view_user") and not user.has_perm("auth.change_group")
    user.groups.add(editors)
    user = User.objects.get(pk=user.pk)  # fresh: permissions are cached per instance
    assert user.get_user_permissions() == set(["auth.view_user"])
    assert user.get_group_permissions() == set(["auth.change_group"])
    assert user.get_all_permissions() == set(["auth.view_user", "auth.change_group"])
    assert user.has_perms(["auth.view_user", "auth.change_group"])
    assert not user.has_perms(["auth.view_user", "auth.delete_user"])
    assert user.has_module_perms("auth") and not user.has_module_perms("blog")
    assert list(User.objects.with_perm("auth.change_group")) == [user]
    user.is_active = False
    assert not user.has_perm("auth.view_user")


@pytest.mark.usefixtures("auth_db")
def test_permissions_are_cached_per_user(assert_num_queries):
    user = User.objects.create_user("frank", password="pw-frank-1")
    user = User.objects.get(pk=user.pk)
    with assert_num_queries(2):  # direct and group permissions, once
        for _ in range(3):
            user.has_perm("auth.view_user")


def test_anonymous_user():
    anonymous = AnonymousUser()
    assert anonymous.is_anonymous and not anonymous.is_authenticated
    assert anonymous.pk is None and "%s" % anonymous == "AnonymousUser"
    assert anonymous == AnonymousUser() and hash(anonymous) == hash(AnonymousUser())
    assert not anonymous.has_perm("auth.view_user")
    assert anonymous.get_all_permissions() == set()
    with pytest.raises(NotImplementedError):
        anonymous.save()


def test_get_user_model_follows_the_setting():
    assert get_user_model() is User
    with override_settings(AUTH_USER_MODEL="nosuchapp.Person"):
        with pytest.raises(ImproperlyConfigured) as info:
            get_user_model()
        assert "nosuchapp.Person" in str(info.value)
    with override_settings(AUTH_USER_MODEL="no-dot"):
        with pytest.raises(ImproperlyConfigured):
            get_user_model()
    assert auth.get_user_model() is User


def test_misconfigured_backends_name_the_setting():
    with override_settings(AUTHENTICATION_BACKENDS=["missing.Backend"]):
        with pytest.raises(ImproperlyConfigured) as info:
            authenticate(username="x", password="y")
        assert "missing.Backend" in str(info.value)


def test_username_is_normalized_by_clean():
    user = User(username="\uff53\uff54\uff41\uff46\uff46", email="Staff@Example.COM")  # full-width letters
    user.clean()
    assert user.username == "staff"
    assert user.email == "Staff@example.com"
    assert User.objects.normalize_email("no-at-sign") == "no-at-sign"
