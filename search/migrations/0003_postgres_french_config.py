"""PostgreSQL only: the ``site_french`` text search configuration (French stemming on
unaccented words, so that "epicerie" finds "épicerie") used as the search backend's
SEARCH_CONFIG, and an index for the site search's match on title and body together.
Does nothing on other databases.

``CREATE EXTENSION unaccent`` needs a role allowed to create extensions (unaccent is a
trusted extension since PostgreSQL 13: the database owner may).
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'site_french') THEN
        CREATE TEXT SEARCH CONFIGURATION site_french (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION site_french
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
CREATE INDEX IF NOT EXISTS search_indexentry_text_gin
    ON wagtailsearch_indexentry USING gin ((title || body));
"""
DROP = """
DROP INDEX IF EXISTS search_indexentry_text_gin;
DROP TEXT SEARCH CONFIGURATION IF EXISTS site_french;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_sqlite_fts"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
