"""SQLite only: the FTS5 table of ``search.backends.sqlite`` (one column per role of a
search document), its vocabulary view (typo tolerance) and the trigger that deletes a
row with its Wagtail index entry. Does nothing on other databases."""

from django.db import migrations

TABLE = "search_fts"
COLUMNS = "name, categories, commune, keywords, summary, body, suggest"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    # Text arrives analysed (search.analysis): unicode61 only splits it on spaces.
    # prefix='2 3': autocomplete's 2- and 3-letter prefixes read one index entry.
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({COLUMNS}, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE}_vocab USING fts5vocab({TABLE}, 'row')"
    )
    schema_editor.execute(
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_delete AFTER DELETE ON wagtailsearch_indexentry "
        f"BEGIN DELETE FROM {TABLE} WHERE rowid = OLD.id; END"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_delete")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}_vocab")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_page_and_terms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
