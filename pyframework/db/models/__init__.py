"""The model layer's public names: ``from pyframework.db import models``."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ObjectDoesNotExist  # noqa: F401
from pyframework.db.models import signals  # noqa: F401
from pyframework.db.models.aggregates import Aggregate, Avg, Count, Max, Min, StdDev, Sum, Variance  # noqa: F401
from pyframework.db.models.constraints import BaseConstraint, CheckConstraint, UniqueConstraint  # noqa: F401
from pyframework.db.models.deletion import (  # noqa: F401
    CASCADE, DO_NOTHING, PROTECT, RESTRICT, SET, SET_DEFAULT, SET_NULL, ProtectedError, RestrictedError,
)
from pyframework.db.models.enums import Choices, IntegerChoices, TextChoices  # noqa: F401
from pyframework.db.models.expressions import (  # noqa: F401
    Case, Exists, ExpressionWrapper, F, Func, OrderBy, OuterRef, RawSQL, Subquery, Value, When,
)
from pyframework.db.models.fields import (  # noqa: F401
    NOT_PROVIDED, AutoField, BigAutoField, BigIntegerField, BinaryField, BooleanField, CharField,
    DateField, DateTimeField, DecimalField, DurationField, EmailField, Field, FloatField,
    GenericIPAddressField, IntegerField,
    PositiveBigIntegerField, PositiveIntegerField, PositiveSmallIntegerField, SlugField, SmallAutoField,
    SmallIntegerField, TextField, TimeField, URLField, UUIDField,
)
from pyframework.db.models.fields.files import FileField, FilePathField, ImageField  # noqa: F401
from pyframework.db.models.fields.json import JSONField  # noqa: F401
from pyframework.db.models.fields.related import (  # noqa: F401
    ForeignKey, ManyToManyField, OneToOneField,
)
from pyframework.db.models.fields.reverse_related import (  # noqa: F401
    ForeignObjectRel, ManyToManyRel, ManyToOneRel, OneToOneRel,
)
from pyframework.db.models.indexes import Index  # noqa: F401
from pyframework.db.models.lookups import Lookup, Transform  # noqa: F401
from pyframework.db.models.manager import BaseManager, Manager  # noqa: F401
from pyframework.db.models.query import Prefetch, QuerySet, prefetch_related_objects  # noqa: F401
from pyframework.db.models.query_utils import Q  # noqa: F401
from pyframework.db.models.base import Model, ModelBase  # noqa: F401,E402

__all__ = [
    "ObjectDoesNotExist", "signals",
    "Aggregate", "Avg", "Count", "Max", "Min", "StdDev", "Sum", "Variance",
    "BaseConstraint", "CheckConstraint", "UniqueConstraint",
    "CASCADE", "DO_NOTHING", "PROTECT", "RESTRICT", "SET", "SET_DEFAULT", "SET_NULL",
    "ProtectedError", "RestrictedError",
    "Choices", "IntegerChoices", "TextChoices",
    "Case", "Exists", "ExpressionWrapper", "F", "Func", "OrderBy", "OuterRef", "RawSQL", "Subquery", "Value",
    "When",
    "NOT_PROVIDED", "AutoField", "BigAutoField", "BigIntegerField", "BinaryField", "BooleanField",
    "CharField", "DateField", "DateTimeField", "DecimalField", "DurationField", "EmailField", "Field",
    "FloatField", "GenericIPAddressField", "IntegerField", "PositiveBigIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SlugField", "SmallAutoField", "SmallIntegerField", "TextField",
    "TimeField", "URLField", "UUIDField", "FileField", "FilePathField", "ImageField", "JSONField",
    "ForeignKey", "ManyToManyField", "OneToOneField",
    "ForeignObjectRel", "ManyToManyRel", "ManyToOneRel", "OneToOneRel",
    "Index", "Lookup", "Transform", "BaseManager", "Manager", "Prefetch", "QuerySet",
    "prefetch_related_objects", "Q", "Model", "ModelBase",
]
