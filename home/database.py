"""Database chores shared by the bulk loaders (demo content, merchant import)."""

from django.db import DEFAULT_DB_ALIAS, connections


def refresh_planner_statistics(models=None, using=DEFAULT_DB_ALIAS):
    """Let PostgreSQL's planner see rows that were just loaded in bulk.

    Autovacuum analyses a table only after enough changes; until then the planner may
    keep the statistics of an emptier table (a fresh database, or one analysed in the
    middle of a load) and pick nested loops that are fine for a handful of rows but
    took 49 s on the 62 demo merchants. ``ANALYZE`` after a bulk load is what
    PostgreSQL's documentation advises. ``models`` limits it to their tables (and
    their many-to-many tables); by default every table is analysed. SQLite keeps no
    statistics unless asked to, so nothing is done there.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    statement = "ANALYZE"
    if models is not None:
        tables = set()
        for model in models:
            tables.add(model._meta.db_table)
            tables.update(
                field.remote_field.through._meta.db_table
                for field in model._meta.local_many_to_many
            )
        statement += " " + ", ".join(connection.ops.quote_name(table) for table in sorted(tables))
    with connection.cursor() as cursor:
        cursor.execute(statement)
