import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once; each test then runs inside its own rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


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
    call_command("load_demo", stdout=io.StringIO())
