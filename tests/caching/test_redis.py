"""Django's page cache in a real Redis (Debian's redis-server): app servers sharing it
see each other's purges; Redis or the frontend cache down, the site still answers.

Without redis-server the tests are skipped with a message, except under CI where they
fail.
"""

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import override_settings

from home.caching import purge_pages
from merchants.models import MerchantPage
from tests.caching.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.fixture(scope="module")
def redis_url():
    if not Path(REDIS_SERVER).exists():
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: CI must install Debian's redis-server.")
        pytest.skip("redis-server not found: install Debian's redis-server to run this test.")
    import redis  # noqa: PLC0415 - comes with the redis extra, needed by this fixture only

    port = free_port()
    workdir = tempfile.mkdtemp(prefix="site_cms-redis-")
    process = subprocess.Popen(  # noqa: S603
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", workdir],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/1"
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


def redis_caches(url):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }


def other_app_server(redis_url, code):
    """Run ``code`` in another process of the site (another app server) sharing Redis."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_cms.settings.dev",
        "CACHE_URL": redis_url,
        "DATABASE_URL": "sqlite:///:memory:",  # this server needs no data for a purge
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_app_servers_sharing_redis_see_each_others_purges(client, redis_url):
    page = MerchantPage.objects.get(external_id="demo-003", locale__language_code="fr")
    with override_settings(CACHES=redis_caches(redis_url), PAGE_CACHE_STORE=True):
        caches["default"].clear()
        assert client.get(page.url)["X-Page-Cache"] == "miss"
        assert client.get(page.url)["X-Page-Cache"] == "hit"
        # Changed without a purge here: this server keeps serving its stored copy...
        MerchantPage.objects.filter(pk=page.pk).update(title="Cave des Deux Coteaux")
        assert "Cave des Deux Coteaux" not in client.get(page.url).content.decode()

        # ... until another app server purges the page in the Redis they share.
        other_app_server(
            redis_url,
            f"from home.caching import purge_urls; purge_urls(['http://localhost{page.url}'])",
        )
        response = client.get(page.url)
        assert response["X-Page-Cache"] == "miss"
        assert "Cave des Deux Coteaux" in response.content.decode()


@pytest.mark.django_db
def test_redis_down_the_site_answers_uncached_and_logs_it(client, caplog):
    closed = f"redis://127.0.0.1:{free_port()}/1"
    page = MerchantPage.objects.get(external_id="demo-001", locale__language_code="fr")
    with (
        override_settings(CACHES=redis_caches(closed), PAGE_CACHE_STORE=True),
        caplog.at_level(logging.WARNING),
    ):
        for url in ("/", "/en/", page.url, "/commerces/", "/recherche/?q=pain"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get("X-Page-Cache") != "hit", url
        assert client.get("/api/search/autocomplete/?q=bou").status_code == 200
        assert client.get("/api/search/?q=pain").status_code == 200
        # Publishing still works (its purge fails quietly after the commit).
        revision = page.save_revision()
        revision.publish()
    assert any(record.name == "django_redis.cache" for record in caplog.records)


@pytest.mark.django_db
def test_frontend_cache_down_publishing_still_works_and_is_logged(
    client, caplog, django_capture_on_commit_callbacks
):
    closed = f"http://127.0.0.1:{free_port()}"
    page = MerchantPage.objects.get(external_id="demo-004", locale__language_code="fr")
    frontend = {"varnish": {"BACKEND": "home.caching.VarnishBackend", "LOCATION": closed}}
    with (
        override_settings(WAGTAILFRONTENDCACHE=frontend),
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True) as purges,
    ):
        page.title = "Épicerie des Deux Rives"
        page.save_revision().publish()
        purge_pages([page])
    assert purges  # the purges did run, after the "commit"
    assert MerchantPage.objects.get(pk=page.pk).title == "Épicerie des Deux Rives"
    assert client.get(page.url).status_code == 200
    assert any(
        record.name == "wagtail.frontendcache" and page.url in record.getMessage()
        for record in caplog.records
    )
