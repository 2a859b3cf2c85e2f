"""AbstractBaseUser and BaseUserManager: what any user model needs, whatever its fields."""
from __future__ import absolute_import, unicode_literals

import unicodedata

from pyframework.contrib.auth import password_validation
from pyframework.contrib.auth.hashers import check_password, is_password_usable, make_password
from pyframework.db import models
from pyframework.utils.compat import python_2_unicode_compatible
from pyframework.utils.crypto import salted_hmac
from pyframework.utils.encoding import force_text


class BaseUserManager(models.Manager):

    @classmethod
    def normalize_email(cls, email):
        """Lower-case the domain part only: the local part may be case-sensitive."""
        email = email or ""
        local, sep, domain = email.strip().rpartition("@")
        if not sep:
            return email
        return local + "@" + domain.lower()

    def get_by_natural_key(self, username):
        return self.get(**{self.model.USERNAME_FIELD: username})


@python_2_unicode_compatible
class AbstractBaseUser(models.Model):
    password = models.CharField("password", max_length=128)
    last_login = models.DateTimeField("last login", blank=True, null=True)

    is_active = True

    REQUIRED_FIELDS = []

    # The raw password set since the last save, handed to password_changed() once saved.
    _password = None

    class Meta:
        abstract = True

    def __str__(self):
        return force_text(self.get_username())

    def save(self, *args, **kwargs):
        super(AbstractBaseUser, self).save(*args, **kwargs)
        if self._password is not None:
            password_validation.password_changed(self._password, self)
            self._password = None

    def get_username(self):
        return getattr(self, self.USERNAME_FIELD)

    def natural_key(self):
        return (self.get_username(),)

    def clean(self):
        setattr(self, self.USERNAME_FIELD, self.normalize_username(self.get_username()))

    @classmethod
    def normalize_username(cls, username):
        # NFKC folds look-alike code points (full-width letters, ligatures), so they cannot pose as "staff".
        return unicodedata.normalize("NFKC", username) if username else username

    @classmethod
    def get_email_field_name(cls):
        return getattr(cls, "EMAIL_FIELD", "email")

    @property
    def is_anonymous(self):
        return False

    @property
    def is_authenticated(self):
        return True

    def set_password(self, raw_password):
        self.password = make_password(raw_password)
        self._password = raw_password

    def check_password(self, raw_password):
        """True if ``raw_password`` is right; an outdated hash is upgraded and saved on the way."""
        def setter(raw_password):
            self.set_password(raw_password)
            self._password = None  # not a password change: validators need not hear of it
            self.save(update_fields=["password"])
        return check_password(raw_password, self.password, setter)

    def set_unusable_password(self):
        self.password = make_password(None)

    def has_usable_password(self):
        return is_password_usable(self.password)

    def get_session_auth_hash(self):
        """An HMAC of the password hash: stored in the session, it goes stale when the password changes."""
        return salted_hmac("pyframework.contrib.auth.models.AbstractBaseUser.get_session_auth_hash",
                           self.password).hexdigest()
