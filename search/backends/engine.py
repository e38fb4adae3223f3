"""The site search engine to use now, falling back to the database when it is down.

With ``SEARCH_URL`` set, ``default`` is OpenSearch/Elasticsearch and ``database`` the
database backend, kept up to date on every save (see ``config.py``). When the engine
does not answer, the search is answered from the database, a warning is logged, and
the engine is left alone for ``RETRY_AFTER`` seconds so that visitors do not each wait
for a timeout while it is down.
"""

import logging
import time

from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config

from search.backends.config import FALLBACK_ALIAS

logger = logging.getLogger(__name__)
RETRY_AFTER = 30.0
_engine_down_until = 0.0


def engine_errors():
    """Exceptions meaning "the search engine did not answer" (not "the query is bad")."""
    errors = [ConnectionError, TimeoutError, OSError]
    try:
        from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
        from opensearchpy.exceptions import TransportError as OpenSearchTransportError

        errors += [OpenSearchConnectionError, OpenSearchTransportError]
    except ImportError:  # pragma: no cover - the search extra is not installed
        pass
    try:
        from elasticsearch.exceptions import ConnectionError as ElasticConnectionError
        from elasticsearch.exceptions import TransportError as ElasticTransportError

        errors += [ElasticConnectionError, ElasticTransportError]
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def has_fallback():
    return FALLBACK_ALIAS in get_app_config().get_search_backend_config()


def site_engine():
    """The backend to ask first (``default``)."""
    return get_search_backend("default")


def fallback_engine():
    return get_search_backend(FALLBACK_ALIAS if has_fallback() else "default")


def reset_circuit():
    """Forget that the engine was down (tests, and ``update_index`` after a restart)."""
    global _engine_down_until
    _engine_down_until = 0.0


def run(operation):
    """``operation(backend)`` on the engine, or on the database when the engine fails.

    Returns ``(result, engine_used)`` where ``engine_used`` is False after a fallback.
    """
    global _engine_down_until
    if not has_fallback():
        return operation(site_engine()), True
    if time.monotonic() >= _engine_down_until:
        try:
            return operation(site_engine()), True
        except engine_errors() as error:
            _engine_down_until = time.monotonic() + RETRY_AFTER
            logger.warning(
                "Search engine unavailable (%s): answering from the database for %d s.",
                error.__class__.__name__,
                RETRY_AFTER,
            )
    return operation(fallback_engine()), False
