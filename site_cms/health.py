"""``/healthz`` and ``/readyz``, for load balancers, systemd and monitoring.

- ``/healthz``: the process answers (liveness). Touches nothing else.
- ``/readyz``: whether this instance can serve, as JSON: the database (a query), the
  cache (a write and a read), the search engine when one is configured (a ping), and
  the task queue (tasks due, the age of the oldest, failed tasks). It answers 503 when
  a check of ``READYZ_REQUIRED`` (default: the database) fails: the instance should get
  no traffic. The cache, the engine and the queue have fallbacks (pages without the
  cache, searches from the database, emails that wait), so by default their failure
  reads ``"status": "degraded"`` with a 200, for monitoring to alert on, rather than
  taking every instance out of service at once.

Both are answered by ``HealthMiddleware`` before the other middleware: a load balancer
asks by the server's own address over plain HTTP, which the host check and the HTTPS
redirect would refuse. Neither is ever cached, and neither tells a secret: no address,
user or password, only each check's state and the name of the error.
"""

import json
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from modelsearch.backends import get_search_backends_with_name

from home.background import tasks

logger = logging.getLogger(__name__)
PATHS = {"/healthz": "liveness", "/readyz": "readiness"}
ENGINE_TIMEOUT = 2


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache():
    cache = caches["default"]
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    # A cache that swallows its errors (django-redis with IGNORE_EXCEPTIONS) reads None.
    if cache.get(key) != value:
        raise ConnectionError("the cache did not keep a value")
    cache.delete(key)
    return {}


def check_search():
    engines = [
        (alias, backend)
        for alias, backend in get_search_backends_with_name()
        if getattr(backend, "es", None) is not None
    ]
    if not engines:
        return {"engine": False}
    for _alias, backend in engines:
        if not backend.es.ping(request_timeout=ENGINE_TIMEOUT):
            raise ConnectionError("the search engine did not answer")
    return {"engine": True}


def check_queue():
    if not tasks.uses_database_backend():
        return {"stored": False}
    now = timezone.now()
    due = tasks.due_tasks(now)
    waiting_since = tasks.oldest_due(now)
    age = max(int((now - waiting_since).total_seconds()), 0) if waiting_since else 0
    result = {
        "stored": True,
        "due": due.count(),
        "oldest_due_age_seconds": age,
        "running": tasks.queued().filter(status="RUNNING").count(),
        "failed": tasks.queued().filter(status="FAILED").count(),
    }
    if age > settings.READYZ_MAX_TASK_AGE:
        raise QueueBehind(result)
    return result


class QueueBehind(Exception):  # noqa: N818
    """Tasks have waited longer than ``READYZ_MAX_TASK_AGE``: is the worker running?"""

    def __init__(self, details):
        super().__init__("tasks are waiting")
        self.details = details


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "queue": check_queue,
}


def run_check(function):
    started = time.monotonic()
    try:
        details = function()
    except QueueBehind as behind:
        details, error = behind.details, "QueueBehind"
    except Exception as exception:  # noqa: BLE001 - any failure is a failed check
        details, error = {}, exception.__class__.__name__
    else:
        error = None
    result = {"ok": error is None, **details}
    if error:
        result["error"] = error
    result["duration_ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


def readiness():
    """``(status code, JSON body)`` of ``/readyz``."""
    checks = {}
    for name, function in CHECKS.items():
        checks[name] = run_check(function)
        if name == "database" and not checks[name]["ok"]:
            # Without the database the queue cannot be read either.
            checks["queue"] = {"ok": False, "error": "DatabaseUnavailable"}
            break
    failed = [name for name, check in checks.items() if not check["ok"]]
    required = set(settings.READYZ_REQUIRED)
    if required & set(failed):
        status = "unavailable"
    elif failed:
        status = "degraded"
    else:
        status = "ok"
    for name in failed:
        logger.warning("Readiness: %s failed (%s).", name, checks[name].get("error"))
    return (503 if status == "unavailable" else 200), {"status": status, "checks": checks}


def json_response(status, body):
    response = HttpResponse(
        json.dumps(body), status=status, content_type="application/json; charset=utf-8"
    )
    add_never_cache_headers(response)
    response["X-Content-Type-Options"] = "nosniff"
    return response


class HealthMiddleware:
    """Answers ``/healthz`` and ``/readyz`` (GET or HEAD) before any other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kind = PATHS.get(request.path_info)
        if kind is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if kind == "liveness":
            return json_response(200, {"status": "ok"})
        return json_response(*readiness())
