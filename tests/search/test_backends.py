"""Backend selection by SEARCH_URL, falling back to the database, indexing failures."""

import logging

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from home.models import StandardPage
from search.backends import engine
from search.backends.config import search_backends
from tests.search.conftest import backend_for

SQLITE = "django.db.backends.sqlite3"
POSTGRES = "django.db.backends.postgresql"
# Nothing listens on port 1: connections are refused at once.
UNREACHABLE = search_backends(
    "opensearch://127.0.0.1:1", settings.DATABASES["default"]["ENGINE"], timeout=1
)
DATABASE_BACKEND = (
    "FrenchPostgresSearchBackend"
    if "postgres" in UNREACHABLE["database"]["BACKEND"]
    else "FrenchSQLiteSearchBackend"
)


def test_without_search_url_the_database_searches():
    assert search_backends("", SQLITE) == {
        "default": {"BACKEND": "search.backends.sqlite", "SITE_ALIAS": "default"}
    }
    assert search_backends(None, POSTGRES) == {
        "default": {
            "BACKEND": "search.backends.postgres",
            "SEARCH_CONFIG": "site_french",
            "SITE_ALIAS": "default",
        }
    }


def test_opensearch_url_configures_the_engine_and_the_database_fallback():
    backends = search_backends(
        "opensearch://search.internal:9200", POSTGRES, index_prefix="agglo_"
    )
    assert backends["default"]["BACKEND"] == "search.backends.opensearch"
    assert backends["default"]["URLS"] == ["http://search.internal:9200"]
    assert backends["default"]["INDEX_PREFIX"] == "agglo_"
    assert backends["database"]["BACKEND"] == "search.backends.postgres"


def test_https_and_credentials_are_kept():
    backends = search_backends("elasticsearch+https://user:secret@es.example:9243", SQLITE)
    assert backends["default"]["BACKEND"] == "search.backends.elasticsearch"
    assert backends["default"]["URLS"] == ["https://user:secret@es.example:9243"]


@pytest.mark.parametrize("url", ["solr://host:8983", "opensearch+ftp://host", "opensearch://"])
def test_unknown_search_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured):
        search_backends(url, SQLITE)


def test_other_databases_are_refused():
    with pytest.raises(ImproperlyConfigured):
        search_backends("", "django.db.backends.mysql")


def test_the_configured_backend_is_ours(db):
    assert type(backend_for("database")).__module__.startswith("search.backends.")


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
def test_unreachable_engine_falls_back_to_the_database(db, client, caplog):
    with caplog.at_level(logging.WARNING, logger="search.backends.engine"):
        response = client.get("/recherche/", {"q": "fromages"})
        again = client.get("/api/search/", {"q": "fromages"})
    assert response.status_code == 200
    assert "Fromagerie Les Deux Rives" in response.content.decode()
    assert again.json()["count"] >= 1
    warnings = [r for r in caplog.records if "Search engine unavailable" in r.getMessage()]
    # One warning, then the engine is left alone for a while (no second timeout).
    assert len(warnings) == 1


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
def test_engine_is_tried_again_after_a_while(db, monkeypatch):
    calls = []

    def failing(backend):
        calls.append(type(backend).__name__)
        if "OpenSearch" in type(backend).__name__:
            raise ConnectionError("refused")
        return "answer"

    clock = [1000.0]
    monkeypatch.setattr(engine.time, "monotonic", lambda: clock[0])
    assert engine.run(failing) == ("answer", False)
    assert engine.run(failing) == ("answer", False)
    clock[0] += engine.RETRY_AFTER + 1
    engine.run(failing)
    assert calls == [
        "FrenchOpenSearchBackend",
        DATABASE_BACKEND,
        DATABASE_BACKEND,
        "FrenchOpenSearchBackend",
        DATABASE_BACKEND,
    ]


@override_settings(WAGTAILSEARCH_BACKENDS=UNREACHABLE)
def test_indexing_failure_never_blocks_saving(db, caplog, django_capture_on_commit_callbacks):
    page = StandardPage.objects.filter(locale__language_code="fr").first()
    page.title = "Permanence des conseillers numériques"
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Permanence des conseillers numériques"
    assert page.live
    assert any("search backend" in record.getMessage() for record in caplog.records)
    # The database index, updated on the same save, finds the new title.
    results = backend_for("database").search("conseillers numériques", StandardPage)
    assert page in list(results)
