import io
import os

import pytest
from django.core.management import call_command
from django.db import close_old_connections, connections

from tests import demo_snapshot
from tests.smtp import free_port
from tests.standalone import SiteFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once; each test then runs inside its own rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        demo_snapshot.take()


COMMITTING_FIXTURES = {"transactional_db", "live_server", "committed_demo"}


def pytest_collection_modifyitems(config, items):
    """Run the tests that commit data (concurrency tests, the cache tests through a live
    server), then browser tests, after the others: the flush that follows a
    transactional test would otherwise empty the demo for later tests."""
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None,
            item.path.name == "test_concurrency.py"
            or bool(COMMITTING_FIXTURES & set(getattr(item, "fixturenames", ()))),
        )
    )


@pytest.fixture
def committed_demo(transactional_db):
    """The demo, committed so that other connections see it (the session's demo is
    emptied by the previous transactional test's flush)."""
    demo_snapshot.restore()


@pytest.fixture(scope="session")
def standalone_sites(tmp_path_factory):
    """Copies of the demo site that other processes can use (``tests/standalone.py``)."""
    factory = SiteFactory(
        tmp_path_factory.mktemp("standalone"), os.environ.get("DATABASE_URL", "sqlite://")
    )
    yield factory
    factory.close()


@pytest.fixture
def standalone_site(standalone_sites):
    """``standalone_site(**environment)``: a fresh copy of the demo site; the processes
    started from it are stopped and its database dropped after the test."""
    sites = []

    def make(**environment):
        site = standalone_sites.copy(**environment)
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.stop_all()
        standalone_sites.drop(site)


def _close_old_connections_outside_transactions(**kwargs):
    if not any(c.in_atomic_block for c in connections.all(initialized_only=True)):
        close_old_connections(**kwargs)


@pytest.fixture(autouse=True)
def _worker_keeps_the_tests_transaction(monkeypatch):
    """The worker, run in a test's own thread (``run_pending_tasks``), checks for stale
    connections between tasks as Django does between requests; on PostgreSQL that would
    close the connection holding the test's transaction (Django's test client stops
    doing it during tests for the same reason). Inside a transaction it is skipped."""
    for module in ("django_tasks_db.management.commands.db_worker", "home.background.worker"):
        monkeypatch.setattr(
            f"{module}.close_old_connections", _close_old_connections_outside_transactions
        )


@pytest.fixture
def stored_tasks(settings):
    """The production queue: tasks are rows, run by the worker (``run_pending_tasks``)."""
    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }


@pytest.fixture
def mail_port(settings):
    """The SMTP settings of a real server on a loopback port where nothing listens yet:
    start ``tests.smtp.MailServer(mail_port)`` to take the emails."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    return port
