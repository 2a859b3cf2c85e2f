"""ContentType and its manager on every test database: rows made by migrate, the per-process cache."""
from __future__ import unicode_literals

import threading

import pytest

from project_settings_support import installed_apps
from pyframework.contrib.auth import get_permission_codename
from pyframework.contrib.contenttypes.models import ContentType
from pyframework.contrib.sessions.models import Session
from pyframework.core.management import call_command
from pyframework.db import IntegrityError, models, transaction

APPS = ["pyframework.contrib.contenttypes", "pyframework.contrib.sessions"]


class Gadget(models.Model):
    name = models.CharField(max_length=30)

    class Meta:
        app_label = "ct_models_tests"
        verbose_name = "shiny gadget"


class Widget(models.Model):
    name = models.CharField(max_length=30)

    class Meta:
        app_label = "ct_models_tests"


@pytest.fixture
def ct_db(db):
    with installed_apps(APPS):
        call_command("migrate", verbosity=0)
        ContentType.objects.clear_cache()
        try:
            yield db
        finally:
            ContentType.objects.clear_cache()


@pytest.mark.usefixtures("ct_db")
def test_migrate_creates_a_content_type_for_every_installed_model():
    rows = set(ContentType.objects.values_list("app_label", "model"))
    assert rows == {("contenttypes", "contenttype"), ("sessions", "session")}
    call_command("migrate", verbosity=0)  # again: nothing duplicated
    assert ContentType.objects.count() == 2


@pytest.mark.usefixtures("ct_db")
def test_get_for_model_is_cached_and_creates_missing_rows(assert_num_queries):
    session_ct = ContentType.objects.get_for_model(Session)
    assert (session_ct.app_label, session_ct.model) == ("sessions", "session")
    with assert_num_queries(0):
        assert ContentType.objects.get_for_model(Session) is session_ct
        assert ContentType.objects.get_for_model(Session(session_key="k")) is session_ct
        assert ContentType.objects.get_for_id(session_ct.id) is session_ct
        assert ContentType.objects.get_by_natural_key("sessions", "session") is session_ct
    gadget_ct = ContentType.objects.get_for_model(Gadget)  # not installed: created on demand
    assert ContentType.objects.filter(app_label="ct_models_tests", model="gadget").count() == 1
    ContentType.objects.clear_cache()
    with assert_num_queries(1):
        assert ContentType.objects.get_for_id(gadget_ct.id) == gadget_ct
    with assert_num_queries(0):
        assert ContentType.objects.get_for_model(Gadget) == gadget_ct


@pytest.mark.usefixtures("ct_db")
def test_get_for_models_queries_once_for_the_uncached_ones(assert_num_queries):
    ContentType.objects.get_for_model(Widget)
    ContentType.objects.clear_cache()
    with assert_num_queries(1):
        found = ContentType.objects.get_for_models(Session, Widget, ContentType)
    assert sorted((ct.app_label, ct.model) for ct in found.values()) == [
        ("contenttypes", "contenttype"), ("ct_models_tests", "widget"), ("sessions", "session")]
    assert found[Widget].model_class() is Widget
    with assert_num_queries(0):
        assert ContentType.objects.get_for_models(Session, Widget) == {Session: found[Session], Widget: found[Widget]}
    both = ContentType.objects.get_for_models(Gadget, Widget, for_concrete_models=False)
    assert both[Gadget].model == "gadget" and both[Gadget].pk is not None
    with pytest.raises(TypeError):
        ContentType.objects.get_for_models(Gadget, concrete=True)


@pytest.mark.usefixtures("ct_db")
def test_content_type_names_and_model_access():
    ct = ContentType.objects.get_for_model(Gadget)
    assert ct.name == "shiny gadget"
    assert ct.natural_key() == ("ct_models_tests", "gadget")
    assert "%s" % ct == "ct_models_tests | shiny gadget"  # the app is not installed: its label
    assert "%s" % ContentType.objects.get_for_model(Session) == "Sessions | session"
    gone = ContentType.objects.create(app_label="ct_models_tests", model="removedmodel")
    assert gone.model_class() is None and gone.name == "removedmodel" and "%s" % gone == "removedmodel"
    with pytest.raises(IntegrityError), transaction.atomic():
        ContentType.objects.create(app_label="ct_models_tests", model="removedmodel")


def test_get_object_for_this_type(ct_db, create_tables):
    create_tables(Gadget)
    first = Gadget.objects.create(name="first")
    Gadget.objects.create(name="second")
    ct = ContentType.objects.get_for_model(first)
    assert ct.get_object_for_this_type(name="first") == first
    assert [g.name for g in ct.get_all_objects_for_this_type(name__startswith="s")] == ["second"]
    with pytest.raises(Gadget.DoesNotExist):
        ct.get_object_for_this_type(name="third")
    with pytest.raises(ContentType.DoesNotExist):
        ContentType.objects.get_by_natural_key("ct_models_tests", "nosuchmodel")
    with pytest.raises(ContentType.DoesNotExist):
        ContentType.objects.get_for_id(987654)


@pytest.mark.usefixtures("ct_db")
def test_cache_is_consistent_under_parallel_threads():
    # On Jython these threads run truly in parallel: each must get one shared row per model.
    ContentType.objects.get_for_models(Gadget, Widget)
    ContentType.objects.clear_cache()
    results, errors = [], []

    def work():
        try:
            for _ in range(20):
                results.append((ContentType.objects.get_for_model(Gadget).pk,
                                ContentType.objects.get_for_model(Widget).pk))
                ContentType.objects.clear_cache()
        except Exception as exc:  # reported below; a thread cannot fail the test itself
            errors.append(exc)
        finally:
            from pyframework.db import connections

            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert len(results) == 80 and len(set(results)) == 1
    assert ContentType.objects.filter(app_label="ct_models_tests").count() == 2


def test_get_permission_codename():
    assert get_permission_codename("change", Gadget._meta) == "change_gadget"
    assert get_permission_codename("view", ContentType._meta) == "view_contenttype"


class ShinyGadget(Gadget):
    class Meta:
        app_label = "ct_models_tests"
        proxy = True


@pytest.mark.usefixtures("ct_db")
def test_proxy_models_get_their_own_content_type_on_request():
    concrete = ContentType.objects.get_for_model(Gadget)
    assert ContentType.objects.get_for_model(ShinyGadget) is concrete
    own = ContentType.objects.get_for_model(ShinyGadget, for_concrete_model=False)
    assert own != concrete and own.model == "shinygadget" and own.model_class() is ShinyGadget
    found = ContentType.objects.get_for_models(ShinyGadget, Gadget, for_concrete_models=False)
    assert found == {ShinyGadget: own, Gadget: concrete}
