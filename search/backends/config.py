"""``WAGTAILSEARCH_BACKENDS`` from ``SEARCH_URL``; imported by the settings, so it
imports nothing from Django's app registry.

- unset: the database backend matching ``DATABASES["default"]`` (our French SQLite
  FTS5 backend, or PostgreSQL with the ``site_french`` text search configuration);
- ``opensearch://host:port`` (``opensearch+https://user:password@host:port``): the
  OpenSearch 2 backend with French analysis (tested here against OpenSearch 2.19);
- ``elasticsearch://host:port`` (``elasticsearch+https://...``): the Elasticsearch 7
  backend with the same analysis (configured, not tested here: see the README).

With an engine, the database backend is configured too, under ``"database"``, and kept
up to date on every save: it is what searches fall back to when the engine is down.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKENDS = {
    "django.db.backends.sqlite3": {"BACKEND": "search.backends.sqlite"},
    "django.db.backends.postgresql": {
        "BACKEND": "search.backends.postgres",
        "SEARCH_CONFIG": "site_french",
    },
}
ENGINE_BACKENDS = {
    "opensearch": "search.backends.opensearch",
    "elasticsearch": "search.backends.elasticsearch",
}
FALLBACK_ALIAS = "database"


def database_backend(database_engine):
    try:
        return dict(DATABASE_BACKENDS[database_engine])
    except KeyError:
        raise ImproperlyConfigured(
            f"Site search supports SQLite and PostgreSQL, not {database_engine}."
        ) from None


def search_backends(search_url, database_engine, *, index_prefix="site_cms_", timeout=5):
    """The ``WAGTAILSEARCH_BACKENDS`` setting for this machine."""
    database = database_backend(database_engine)
    if not search_url:
        return {"default": {**database, "SITE_ALIAS": "default"}}
    parts = urlsplit(search_url)
    engine, _plus, transport = parts.scheme.partition("+")
    if engine not in ENGINE_BACKENDS or transport not in ("", "http", "https"):
        raise ImproperlyConfigured(
            "SEARCH_URL must start with opensearch://, opensearch+https://, "
            f"elasticsearch:// or elasticsearch+https://, not {parts.scheme}://."
        )
    if not parts.hostname:
        raise ImproperlyConfigured("SEARCH_URL has no host name.")
    url = urlunsplit((transport or "http", parts.netloc, parts.path, "", ""))
    return {
        "default": {
            "BACKEND": ENGINE_BACKENDS[engine],
            "URLS": [url],
            "INDEX_PREFIX": index_prefix,
            # A search engine that does not answer must not hold a page for long: the
            # site falls back to database search instead (search.backends.engine).
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0},
            "SITE_ALIAS": "default",
        },
        FALLBACK_ALIAS: {**database, "SITE_ALIAS": FALLBACK_ALIAS},
    }
