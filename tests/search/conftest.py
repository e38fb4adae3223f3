"""Fixtures of the search suite: engines by name, the relevance site, a clean slate.

Engines: "database" is the SQLite or PostgreSQL backend (whichever DATABASE_URL
selects); "opensearch" is the engine named by SEARCH_URL, and its tests are skipped,
with a message saying how to run them, when SEARCH_URL is not set.
"""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from modelsearch.backends import get_search_backend
from wagtail.models import Locale

from merchants.models import MerchantPage
from merchants.open_periods import current_time
from search.backends import engine as engine_module
from search.backends.config import FALLBACK_ALIAS
from search.scope import SearchScope
from tests.search.dataset import create_relevance_site

ENGINES = ["database", "opensearch"]
NO_ENGINE = (
    "SEARCH_URL is not set: OpenSearch tests skipped. Run `bash tests/search_node/start.sh` "
    "and set SEARCH_URL=opensearch://127.0.0.1:9200 (and SEARCH_INDEX_PREFIX=site_cms_test_) "
    "to run them."
)


def backend_for(name):
    """The search backend called ``name`` in ENGINES (skips the test if not configured)."""
    configured = engine_module.has_fallback()
    if name == "opensearch":
        if not os.environ.get("SEARCH_URL"):
            pytest.skip(NO_ENGINE)
        return get_search_backend("default")
    return get_search_backend(FALLBACK_ALIAS if configured else "default")


def index_everywhere(model, objects):
    """Index ``objects`` in every configured backend, as saving them would on commit."""
    names = ["default", FALLBACK_ALIAS] if engine_module.has_fallback() else ["default"]
    for name in names:
        backend = get_search_backend(name)
        backend.add_bulk(model, list(objects))
        backend.refresh_indexes()


def unindex_everywhere(objects):
    names = ["default", FALLBACK_ALIAS] if engine_module.has_fallback() else ["default"]
    for name in names:
        backend = get_search_backend(name)
        for obj in objects:
            try:
                backend.delete(obj)
            except Exception:  # noqa: BLE001,S110 - a document already gone is fine
                pass
        backend.refresh_indexes()


@pytest.fixture(scope="session", autouse=True)
def engine_mirrors_test_database(django_db_setup, django_db_blocker):
    """With SEARCH_URL, rebuild the engine's index from the test database once, before
    any search test: documents left by an earlier run must not answer this one, and on
    a fresh node the index must get its mappings before pages are searched."""
    if os.environ.get("SEARCH_URL"):
        with django_db_blocker.unblock():
            call_command("update_index", backend_name="default", verbosity=0)
    yield


@pytest.fixture(autouse=True)
def fresh_search_state():
    """Caches (popular searches, autocomplete) and the engine's circuit breaker start
    empty in every test."""
    cache.clear()
    engine_module.reset_circuit()
    yield
    engine_module.reset_circuit()


@pytest.fixture(scope="module")
def relevance_site(engine_mirrors_test_database, django_db_blocker):
    """150 merchants under their own site root, indexed, rolled back after the module."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            home, merchants = create_relevance_site()
            merchants = list(MerchantPage.objects.filter(pk__in=[m.pk for m in merchants]))
            index_everywhere(
                MerchantPage,
                MerchantPage.get_indexed_objects().filter(pk__in=[m.pk for m in merchants]),
            )
            yield home, merchants
            transaction.set_rollback(True)
        unindex_everywhere(merchants)


def relevance_scope(home, language="fr"):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return SearchScope(
        locale=locales[language],
        root_paths=(home.path,),
        now=current_time(),
        source_locale=locales["fr"] if language != "fr" else None,
    )
