import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once; each test then runs inside its own rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())


def pytest_collection_modifyitems(config, items):
    """Run browser tests last: their live server needs committed data, and the flush
    that follows a transactional test would otherwise empty the demo for later tests."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
