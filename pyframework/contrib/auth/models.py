"""User, Group and Permission, and the permission checks users answer.

A permission belongs to a model through its content type
(``contrib.contenttypes``): one row per ``(content_type, codename)``, checked
as ``"<app_label>.<codename>"``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.auth import get_backends_for_permissions
from pyframework.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from pyframework.contrib.auth.validators import UnicodeUsernameValidator
from pyframework.contrib.contenttypes.models import ContentType
from pyframework.db import models
from pyframework.utils import timezone
from pyframework.utils.compat import python_2_unicode_compatible, string_types


class PermissionManager(models.Manager):
    use_in_migrations = True

    def get_by_natural_key(self, codename, app_label, model):
        return self.get(codename=codename,
                        content_type=ContentType.objects.db_manager(self.db).get_by_natural_key(app_label, model))


@python_2_unicode_compatible
class Permission(models.Model):
    """The right to do one thing to one model, granted to users and groups.

    ``migrate`` creates the ``add_``, ``change_``, ``delete_`` and ``view_``
    permissions of every model (``Meta.default_permissions``) and those listed
    in ``Meta.permissions``. ``user.has_perm("blog.change_post")`` checks one by
    its content type's app label and its codename.
    """

    name = models.CharField("name", max_length=255)
    content_type = models.ForeignKey(ContentType, models.CASCADE, verbose_name="content type")
    codename = models.CharField("codename", max_length=100)

    objects = PermissionManager()

    class Meta:
        app_label = "auth"  # importable before the app is installed (tests, checks)
        verbose_name = "permission"
        verbose_name_plural = "permissions"
        unique_together = [("content_type", "codename")]
        ordering = ["content_type__app_label", "content_type__model", "codename"]

    def __str__(self):
        return "%s | %s" % (self.content_type, self.name)

    def natural_key(self):
        return (self.codename,) + self.content_type.natural_key()

    natural_key.dependencies = ["contenttypes.contenttype"]


class GroupManager(models.Manager):

    def get_by_natural_key(self, name):
        return self.get(name=name)


@python_2_unicode_compatible
class Group(models.Model):
    name = models.CharField("name", max_length=150, unique=True)
    permissions = models.ManyToManyField(Permission, verbose_name="permissions", blank=True)

    objects = GroupManager()

    class Meta:
        app_label = "auth"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class UserManager(BaseUserManager):

    def _create_user(self, username, email, password, **extra_fields):
        if not username:
            raise ValueError("The given username must be set")
        user = self.model(username=self.model.normalize_username(username),
                          email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, username, email=None, password=None, **extra_fields):
        """A user; without a password the account has an unusable one (no login until it is set)."""
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(username, email, password, **extra_fields)

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if extra_fields["is_staff"] is not True:
            raise ValueError("Superuser must have is_staff=True.")
        if extra_fields["is_superuser"] is not True:
            raise ValueError("Superuser must have is_superuser=True.")
        return self._create_user(username, email, password, **extra_fields)

    def with_perm(self, perm, is_active=True, include_superusers=True):
        """Users holding ``perm`` ("app_label.codename") directly or through a group."""
        app_label, _, codename = perm.partition(".")
        direct = models.Q(user_permissions__content_type__app_label=app_label,
                          user_permissions__codename=codename)
        grouped = models.Q(groups__permissions__content_type__app_label=app_label,
                           groups__permissions__codename=codename)
        condition = direct | grouped
        if include_superusers:
            condition |= models.Q(is_superuser=True)
        users = self.filter(condition)
        if is_active is not None:
            users = users.filter(is_active=is_active)
        return users.distinct()


def _user_has_perm(user, perm, obj):
    for backend in get_backends_for_permissions():
        if hasattr(backend, "has_perm") and backend.has_perm(user, perm, obj):
            return True
    return False


def _user_get_permissions(user, obj, from_name):
    permissions = set()
    for backend in get_backends_for_permissions():
        if hasattr(backend, from_name):
            permissions.update(getattr(backend, from_name)(user, obj))
    return permissions


class PermissionsMixin(models.Model):
    """The fields and methods of the permission system (groups, direct permissions, superuser)."""

    is_superuser = models.BooleanField(
        "superuser status", default=False,
        help_text="Designates that this user has all permissions without explicitly assigning them.")
    groups = models.ManyToManyField(
        Group, verbose_name="groups", blank=True, related_name="user_set", related_query_name="user",
        help_text="The groups this user belongs to. A user gets all permissions granted to each of their groups.")
    user_permissions = models.ManyToManyField(
        Permission, verbose_name="user permissions", blank=True, related_name="user_set",
        related_query_name="user", help_text="Specific permissions for this user.")

    class Meta:
        abstract = True

    def get_user_permissions(self, obj=None):
        return _user_get_permissions(self, obj, "get_user_permissions")

    def get_group_permissions(self, obj=None):
        return _user_get_permissions(self, obj, "get_group_permissions")

    def get_all_permissions(self, obj=None):
        return _user_get_permissions(self, obj, "get_all_permissions")

    def has_perm(self, perm, obj=None):
        # Active superusers hold every permission, without asking any backend.
        if self.is_active and self.is_superuser:
            return True
        return _user_has_perm(self, perm, obj)

    def has_perms(self, perm_list, obj=None):
        if isinstance(perm_list, string_types) or not hasattr(perm_list, "__iter__"):
            raise ValueError("perm_list must be an iterable of permissions.")
        return all(self.has_perm(perm, obj) for perm in perm_list)

    def has_module_perms(self, app_label):
        if self.is_active and self.is_superuser:
            return True
        for backend in get_backends_for_permissions():
            if hasattr(backend, "has_module_perms") and backend.has_module_perms(self, app_label):
                return True
        return False


class AbstractUser(AbstractBaseUser, PermissionsMixin):
    """A full-featured user: username and password required, the rest optional."""

    username_validator = UnicodeUsernameValidator()

    username = models.CharField(
        "username", max_length=150, unique=True, validators=[username_validator],
        help_text="Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.",
        error_messages={"unique": "A user with that username already exists."})
    first_name = models.CharField("first name", max_length=150, blank=True)
    last_name = models.CharField("last name", max_length=150, blank=True)
    email = models.EmailField("email address", blank=True)
    is_staff = models.BooleanField(
        "staff status", default=False, help_text="Designates whether the user can log into the admin site.")
    is_active = models.BooleanField(
        "active", default=True,
        help_text="Designates whether this user should be treated as active. "
                  "Unselect this instead of deleting accounts.")
    date_joined = models.DateTimeField("date joined", default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "username"
    REQUIRED_FIELDS = ["email"]

    class Meta:
        abstract = True
        verbose_name = "user"
        verbose_name_plural = "users"

    def clean(self):
        super(AbstractUser, self).clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    def get_full_name(self):
        return ("%s %s" % (self.first_name, self.last_name)).strip()

    def get_short_name(self):
        return self.first_name

    def email_user(self, subject, message, from_email=None, **kwargs):
        from pyframework.core.mail import send_mail  # the mail layer loads only when mail is sent

        send_mail(subject, message, from_email, [self.email], **kwargs)


class User(AbstractUser):
    """The default user model. Projects may name another one in AUTH_USER_MODEL.

    Its table exists even then (the app's migration creates it), unused.
    """

    class Meta(AbstractUser.Meta):
        abstract = False
        app_label = "auth"


@python_2_unicode_compatible
class AnonymousUser(object):
    """``request.user`` for a visitor who has not logged in: no permissions, cannot be saved."""

    id = None
    pk = None
    username = ""
    is_staff = False
    is_active = False
    is_superuser = False

    def __str__(self):
        return "AnonymousUser"

    def __eq__(self, other):
        return isinstance(other, self.__class__)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return 1  # every anonymous user is equal to every other

    def __int__(self):
        raise TypeError("Cannot cast AnonymousUser to int. Are you trying to use it in place of User?")

    def save(self):
        raise NotImplementedError("The anonymous user cannot be saved to the database.")

    def delete(self):
        raise NotImplementedError("The anonymous user cannot be deleted.")

    def set_password(self, raw_password):
        raise NotImplementedError("The anonymous user has no password.")

    def check_password(self, raw_password):
        raise NotImplementedError("The anonymous user has no password.")

    @property
    def groups(self):
        return Group.objects.none()

    @property
    def user_permissions(self):
        return Permission.objects.none()

    def get_user_permissions(self, obj=None):
        return _user_get_permissions(self, obj, "get_user_permissions")

    def get_group_permissions(self, obj=None):
        return set()

    def get_all_permissions(self, obj=None):
        return _user_get_permissions(self, obj, "get_all_permissions")

    def has_perm(self, perm, obj=None):
        return _user_has_perm(self, perm, obj)

    def has_perms(self, perm_list, obj=None):
        return all(self.has_perm(perm, obj) for perm in perm_list)

    def has_module_perms(self, module):
        for backend in get_backends_for_permissions():
            if hasattr(backend, "has_module_perms") and backend.has_module_perms(self, module):
                return True
        return False

    @property
    def is_anonymous(self):
        return True

    @property
    def is_authenticated(self):
        return False

    def get_username(self):
        return self.username
