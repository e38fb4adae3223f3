"""PostgreSQL search in French: the ``site_french`` configuration, weights by role.

Subclasses modelsearch's PostgreSQL backend. ``SEARCH_CONFIG`` is ``site_french``
(created by ``search`` migration 0003: ``unaccent`` then ``french_stem``, so that
"epicerie" finds "épicerie" and "fromages" finds "fromage"). Each page's
``search.documents`` roles are stored with tsvector weights, A for the name, B for the
categories, C for the commune and keywords, D for the rest, in the same ``title``
and ``body`` columns the stock backend reads, so Wagtail's own ``.search()`` (the
admin) works unchanged and benefits from the French configuration.

Site search matches FTS-first on ``site_text``, ``title || body`` stored with its GIN
index (migration 0004), see ``search.backends.base`` and ``ranked_hits`` below.
"""

import math
import re

from django.core.cache import cache
from django.db import transaction
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from modelsearch.utils import get_content_type_pk

from search.analysis import prefix_text
from search.backends.base import PAGE, DatabaseSiteSearch, IndexEntry, coverage_score
from search.documents import ROLE_WEIGHTS, build_documents
from search.indexing import record_indexed

TABLE = IndexEntry._meta.db_table
BATCH = 500
VECTOR = f"{TABLE}.site_text"  # title || body, stored (search migration 0004)
ENTRY_PAGE_ID = f"CAST({TABLE}.object_id AS INTEGER)"
VOCABULARY_SECONDS = 600
_LEXEME = re.compile(r"'((?:[^']|'')+)'")


def _weights():
    """ts_rank's {D, C, B, A} weights from the roles' relative weights."""
    top = ROLE_WEIGHTS["name"]
    d = ROLE_WEIGHTS["summary"] / top
    c = ROLE_WEIGHTS["commune"] / top
    b = ROLE_WEIGHTS["categories"] / top
    return "{" + ",".join(f"{w:.3f}" for w in (d, c, b, 1.0)) + "}"


WEIGHTS = _weights()


def lexeme(term):
    """``term`` as one quoted tsquery lexeme, whatever it holds: in tsquery syntax a
    backslash escapes the next character and a quote is doubled (an indexed URL keeps
    its quotes, unaccent turns "ʼ" into one)."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


class FrenchPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        with transaction.atomic(using=self.write_connection.alias):
            self._add_items(model, objs)
            record_indexed(self.backend, objs)

    def _add_items(self, model, objs):
        if not model.get_search_fields():
            return
        documents = build_documents(objs)
        if not documents:
            return
        content_type_id = get_content_type_pk(model)
        config = self.backend.config
        row = (
            "(%s, %s, setweight(to_tsvector(%s::regconfig, %s), 'A'), "
            "to_tsvector('simple', %s), "
            "setweight(to_tsvector(%s::regconfig, %s), 'B') || "
            "setweight(to_tsvector(%s::regconfig, %s), 'C') || "
            "setweight(to_tsvector(%s::regconfig, %s), 'D'), 1.0, %s, %s)"
        )
        for offset in range(0, len(documents), BATCH):
            batch = documents[offset : offset + BATCH]
            params = []
            for obj, document in batch:
                params += [
                    content_type_id,
                    str(obj.pk),
                    config,
                    document.name,
                    prefix_text(document.suggest),
                    config,
                    document.categories,
                    config,
                    f"{document.commune} {document.keywords}",
                    config,
                    f"{document.summary} {document.body}",
                    document.name,
                    " ".join(
                        (document.categories, document.commune, document.summary, document.body)
                    ),
                ]
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {TABLE} (content_type_id, object_id, title, autocomplete, "  # noqa: S608
                    "body, title_norm, title_text, body_text) VALUES "
                    + ", ".join([row] * len(batch))
                    + " ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                    "title = EXCLUDED.title, autocomplete = EXCLUDED.autocomplete, "
                    "body = EXCLUDED.body, title_norm = 1.0, "
                    "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                    params,
                )


class FrenchPostgresSearchBackend(DatabaseSiteSearch, PostgresSearchBackend):
    index_class = FrenchPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = self.config or "site_french"

    # Joined by primary key from each matching entry (see search.backends.base).
    # Every indexed model has an integer key; the cast lets PostgreSQL find each
    # matching entry's page by primary key.
    entry_is_page_sql = f'{ENTRY_PAGE_ID} = "{PAGE}"."id"'

    def ranked_hits(self, parts, plan, scope, offset, limit):
        """One statement: the matching entries in scope are read once (ranked, kept in
        a narrow CTE), then counted and sorted. Reading them from the index entries,
        with the scope as ``IN (pages)``, lets PostgreSQL hash the scope's pages once
        rather than look each match's page up by key; and unlike ``COUNT(*) OVER ()``
        the count does not copy every matching row (10,000 for "commerce") to disk."""
        _tables, where, where_params, score_sql, score_params = parts
        tier_sql, tier_params = self._tier(plan, ENTRY_PAGE_ID)
        pages = scope.pages().order_by().values("pk")
        scope_sql, scope_params = pages.query.get_compiler(using=pages.db).as_sql()
        rows = self._fetch(
            f"WITH matched AS MATERIALIZED ("  # noqa: S608 - constant SQL, values as parameters
            f"SELECT {ENTRY_PAGE_ID} AS page_id, {score_sql} * {self._kind_factor_sql()} "
            f"AS score, {tier_sql} AS tier FROM {TABLE} "
            f"WHERE {' AND '.join(where)} "
            f"AND {TABLE}.content_type_id IN ({self._type_filter()}) "
            f"AND {ENTRY_PAGE_ID} IN ({scope_sql})) "
            "SELECT total.n, hit.page_id, hit.score "
            "FROM (SELECT COUNT(*) AS n FROM matched) AS total LEFT JOIN ("
            "SELECT page_id, score, tier FROM matched "
            "ORDER BY tier DESC, score DESC, page_id LIMIT %s OFFSET %s"
            ") AS hit ON TRUE ORDER BY hit.tier DESC, hit.score DESC, hit.page_id",
            [*score_params, *tier_params, *where_params, *scope_params, limit, offset],
        )
        hits = [(page_id, float(score)) for _n, page_id, score in rows if page_id is not None]
        return hits, rows[0][0] if rows else 0

    def match_parts(self, lexemes_per_term, require_all, weights=None):
        groups = [
            "(" + " | ".join(lexeme(term) for term in terms if term) + ")"
            for terms in lexemes_per_term
            if any(terms)
        ]
        if not groups:
            # Only words the configuration drops: "''" is no tsquery (a syntax error).
            return ([], ["FALSE"], [], "0", [])
        query = (" & " if require_all else " | ").join(groups)
        # One rank per term, added up: ts_rank of an "&" query rewards words that are
        # close together, which says nothing here (a name and an opening day are far
        # apart in the document, yet both matter).
        # Ranked on the stored ``title || body`` (the column the match uses): one
        # ts_rank per term and match, not one for the title and one for the body.
        rank = f"ts_rank(%s::float4[], {VECTOR}, %s::tsquery, 0)"
        score = f"({' + '.join([rank] * len(groups)) or '0'})"
        params = [value for group in groups for value in (WEIGHTS, group)]
        if weights is not None and len(groups) > 1:
            matched = [f"CASE WHEN {VECTOR} @@ %s::tsquery THEN 1 ELSE 0 END" for _g in groups]
            weights = [w for w, terms in zip(weights, lexemes_per_term, strict=True) if any(terms)]
            score = coverage_score(matched, weights, score)
            params = [*groups, *params]
        return ([], [f"{VECTOR} @@ %s::tsquery"], [query], score, params)

    def term_weights(self, lexemes_per_term):
        terms = {term for terms in lexemes_per_term for term in terms}
        documents = {word: count for word, count in self._vocabulary() if word in terms}
        total = max((count for _word, count in self._vocabulary()), default=1)
        total = max(total, self._page_count())
        return [
            math.log(1 + total / max(sum(documents.get(t, 0) for t in terms), 1))
            for terms in lexemes_per_term
        ]

    def _page_count(self):
        count = cache.get("search:postgres:entries")
        if count is None:
            (count,) = self._fetch(f"SELECT COUNT(*) FROM {TABLE}", [])[0]  # noqa: S608
            cache.set("search:postgres:entries", count, VOCABULARY_SECONDS)
        return count

    def suggest_parts(self, words):
        words = [word for word in words if word][:10]
        terms = [lexeme(word) for word in words[:-1]] + [lexeme(words[-1]) + ":*"]
        query = " & ".join(terms)
        return (
            [],
            [f"{TABLE}.autocomplete @@ %s::tsquery"],
            [query],
            f"ts_rank({TABLE}.autocomplete, %s::tsquery)",
            [query],
        )

    def index_terms(self, words):
        """{word: its lexeme in the configuration} (stop words have none)."""
        rows = self._fetch(
            "SELECT w, to_tsvector(%s::regconfig, w)::text FROM unnest(%s::text[]) AS w",
            [self.config, list(words)],
        )
        found = {}
        for word, vector in rows:
            match = _LEXEME.search(vector or "")
            found[word] = match.group(1).replace("''", "'") if match else None
        return found

    def known_terms(self, terms):
        if not terms:
            return set()
        terms = [term for term in terms if term]
        # Quoted here, like every lexeme: quote_literal() writes E'...' for a
        # backslash, which tsquery syntax does not read.
        rows = self._fetch(
            f"SELECT t, q FROM unnest(%s::text[], %s::text[]) AS x(t, q) WHERE EXISTS "  # noqa: S608
            f"(SELECT 1 FROM {TABLE} WHERE {VECTOR} @@ q::tsquery)",
            [terms, [lexeme(term) for term in terms]],
        )
        return {term for term, _query in rows}

    def vocabulary_near(self, term):
        return [
            (word, documents) for word, documents in self._vocabulary() if word[:1] == term[:1]
        ]

    def vocabulary_around(self, term):
        wrong, missing, added = self.around_keys(term)
        return [
            (word, documents)
            for word, documents in self._vocabulary()
            if word[1:3] in (wrong, missing) or word[0:2] == added
        ]

    def _vocabulary(self):
        """Every indexed lexeme and its number of documents, cached for ten minutes
        (ts_stat reads the whole index; only a query with an unknown word needs it)."""
        vocabulary = cache.get("search:postgres:vocabulary")
        if vocabulary is None:
            vocabulary = self._fetch(
                "SELECT word, ndoc FROM ts_stat(%s)",
                [f"SELECT site_text FROM {TABLE}"],  # noqa: S608 - a constant
            )
            cache.set("search:postgres:vocabulary", vocabulary, VOCABULARY_SECONDS)
        return vocabulary


SearchBackend = FrenchPostgresSearchBackend
