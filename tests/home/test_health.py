"""``/healthz`` and ``/readyz``: what a load balancer and monitoring read. JSON, never
cached, no secret; 503 when the database is gone; "degraded" when the cache, the search
engine or the task queue fail, since the site still serves pages then."""

import datetime
import json
import subprocess
import sys

import pytest
import time_machine
from django.test import Client

from home import mail
from tests.smtp import free_port
from tests.standalone import ROOT

pytestmark = pytest.mark.django_db


def get(path, **headers):
    # A load balancer asks by the server's own address, over plain HTTP.
    return Client(HTTP_HOST="10.0.3.7:8001", **headers).get(path)


def body(response):
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def assert_never_cached(response):
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_healthz_says_the_process_is_up(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = get("/healthz")
    assert response.status_code == 200
    assert body(response) == {"status": "ok"}
    assert_never_cached(response)


def test_readyz_reports_each_check():
    response = get("/readyz")
    assert response.status_code == 200
    assert_never_cached(response)
    report = body(response)
    assert report["status"] == "ok"
    assert set(report["checks"]) == {"database", "cache", "search", "queue"}
    assert all(check["ok"] for check in report["checks"].values())
    assert report["checks"]["search"]["engine"] is False  # database search here


def test_readyz_reports_the_queue_and_a_worker_that_fell_behind(stored_tasks, settings):
    settings.READYZ_MAX_TASK_AGE = 15 * 60
    start = datetime.datetime(2030, 6, 3, 7, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        mail.send(
            [
                (
                    "a@exemple.example",
                    "fr",
                    "merchant_portal/emails/password_reset",
                    {"link": "https://commerces.agglo.example/lien/", "hours_valid": 24},
                )
            ]
        )
        clock.shift(datetime.timedelta(minutes=5))
        queue = body(get("/readyz"))["checks"]["queue"]
        assert queue == {
            "ok": True,
            "stored": True,
            "due": 1,
            "oldest_due_age_seconds": 300,
            "running": 0,
            "failed": 0,
            "duration_ms": queue["duration_ms"],
        }
        clock.shift(datetime.timedelta(minutes=11))  # no worker took it for 16 minutes
        response = get("/readyz")
    report = body(response)
    assert response.status_code == 200  # pages are still served: degraded, not down
    assert report["status"] == "degraded"
    assert report["checks"]["queue"]["ok"] is False
    assert report["checks"]["queue"]["error"] == "QueueBehind"
    assert report["checks"]["queue"]["oldest_due_age_seconds"] == 960


def unreachable_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/1",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


def test_cache_down_is_degraded_and_pages_are_still_served(settings, client):
    unreachable_redis(settings)
    response = get("/readyz")
    report = body(response)
    assert response.status_code == 200
    assert report["status"] == "degraded"
    assert report["checks"]["cache"] == {
        "ok": False,
        "error": "ConnectionError",
        "duration_ms": report["checks"]["cache"]["duration_ms"],
    }
    page = client.get("/")
    assert page.status_code == 200
    assert "Commerces et savoir-faire" in page.content.decode()
    assert client.get("/recherche/", {"q": "fromage"}).status_code == 200


def test_a_required_check_that_fails_answers_503(settings):
    unreachable_redis(settings)
    settings.READYZ_REQUIRED = ["database", "cache"]
    response = get("/readyz")
    assert response.status_code == 503
    assert body(response)["status"] == "unavailable"


def test_readyz_answers_only_get_and_head():
    assert get("/readyz").status_code == 200
    assert Client(HTTP_HOST="10.0.3.7:8001").head("/readyz").status_code == 200
    assert Client(HTTP_HOST="10.0.3.7:8001").post("/readyz").status_code in (400, 404, 405)


READ_READYZ = """
import json
from django.test import Client
response = Client(HTTP_HOST="10.0.3.7:8001").get("/readyz")
print(json.dumps({"status": response.status_code, "body": response.content.decode()}))
"""


@pytest.mark.parametrize(
    "database_url",
    [
        f"postgres://site_cms:pw-s3cret-42@127.0.0.1:{free_port()}/site_cms",
        "sqlite:////nonexistent-folder/pw-s3cret-42/db.sqlite3",
    ],
    ids=["postgresql", "sqlite"],
)
def test_database_down_answers_503_without_telling_secrets(database_url):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", READ_READYZ],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "site_cms.settings.dev",
            "DATABASE_URL": database_url,
            "SECRET_KEY": "readyz-test-secret-key-value",
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    report = json.loads(answer["body"])
    assert report["status"] == "unavailable"
    assert report["checks"]["database"]["ok"] is False
    assert report["checks"]["database"]["error"] == "OperationalError"
    for secret in ("pw-s3cret-42", "127.0.0.1", "site_cms:", "readyz-test-secret-key-value"):
        assert secret not in answer["body"]
