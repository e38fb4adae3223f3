"""The demo content loaded once per test session and put back for each test that
commits data (browser tests, the cache tests, concurrency tests).

A test that commits (pytest-django's ``transactional_db``, the live server) empties the
database when it ends; loading the demo again takes seconds each time. On SQLite the
demo, as the session loaded it, is copied aside with SQLite's backup API and copied
back in a fraction of a second: every table, rows and sequences, exactly as
``load_demo`` left them. Other databases load the demo again (``load_demo`` is
idempotent). Media files stay where the session's demo wrote them.
"""

import io
import sqlite3

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

_snapshot = []


def take():
    """Keep a copy of the database as it is now (after the session's ``load_demo``)."""
    if connection.vendor != "sqlite":
        return
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _snapshot[:] = [copy]


def restore():
    """The demo in the database, committed, as the session loaded it; caches emptied
    (what they hold was built from other data)."""
    if _snapshot and connection.vendor == "sqlite":
        connection.ensure_connection()
        _snapshot[0].backup(connection.connection)
    else:
        call_command("load_demo", stdout=io.StringIO())
    for cache in caches.all():
        cache.clear()
