"""The demo content loaded once per test session and put back for each test that
commits data (browser tests, the cache tests, concurrency tests).

A test that commits (pytest-django's ``transactional_db``, the live server) empties the
database when it ends; loading the demo again takes seconds each time. Instead, the
demo as the session loaded it is copied aside once and copied back, in a fraction of a
second: every table, rows and sequences, exactly as ``load_demo`` left them.

- SQLite: SQLite's backup API, database to database.
- PostgreSQL: each table's rows with ``COPY`` into memory, put back in one
  transaction after ``TRUNCATE`` (Django's foreign keys are deferred to the commit, so
  the order of the tables does not matter), then each sequence where it was.
- Other databases: ``load_demo`` again (it is idempotent).

Media files stay where the session's demo wrote them.
"""

import io
import sqlite3

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction

_snapshot = {}


def take():
    """Keep a copy of the database as it is now (after the session's ``load_demo``)."""
    _snapshot.clear()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _snapshot["sqlite"] = copy
    elif connection.vendor == "postgresql":
        _snapshot["postgresql"] = _postgres_rows()


def restore():
    """The demo in the database, committed, as the session loaded it; caches emptied
    (what they hold was built from other data)."""
    if "sqlite" in _snapshot and connection.vendor == "sqlite":
        connection.ensure_connection()
        _snapshot["sqlite"].backup(connection.connection)
    elif "postgresql" in _snapshot and connection.vendor == "postgresql":
        _postgres_put_back(*_snapshot["postgresql"])
    else:
        call_command("load_demo", stdout=io.StringIO())
    for cache in caches.all():
        cache.clear()


def _postgres_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        tables = sorted(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()"
        )
        sequences = cursor.fetchall()
        rows = {}
        for table in tables:
            data = bytearray()
            with cursor.cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as copy:
                for chunk in copy:
                    data += chunk
            rows[table] = bytes(data)
    return rows, sequences


def _postgres_put_back(rows, sequences):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in rows) + " CASCADE")
        for table, data in rows.items():
            with cursor.cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as copy:
                copy.write(data)
        for name, last_value in sequences:
            if last_value is None:
                cursor.execute("SELECT setval(quote_ident(%s), 1, false)", [name])
            else:
                cursor.execute("SELECT setval(quote_ident(%s), %s, true)", [name, last_value])
