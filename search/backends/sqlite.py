"""SQLite FTS5 search, in French: stemmed, weighted by role, FTS-first.

Subclasses modelsearch's SQLite backend (what Wagtail configures as
``wagtail.search.backends.database`` on SQLite) and changes three things:

- **Analysis.** FTS5 folds accents but does not stem. Each page's text is analysed in
  Python (``search.analysis``: folded, stop words out, Snowball French) and stored
  analysed; queries go through the same function, so "fromages" finds "fromage".
- **Columns.** Our own FTS5 table ``search_fts`` (created by ``search`` migration
  0002) has one column per role of ``search.documents`` (name, categories, commune,
  keywords, summary, body) plus ``suggest`` for autocomplete, so that bm25 can weigh
  a name match above a category match above a description match.
- **FTS-first.** The match runs on the FTS table, then keeps the pages in scope; the
  stock backend scores every page with a correlated subquery (about 10 s for a common
  word at 10,000 pages, a few milliseconds this way).

Rows are keyed by ``wagtailsearch_indexentry.id``, so Wagtail's own bookkeeping (stale
entries, deletes) keeps working; a trigger deletes our row with the entry.
"""

import math

from django.db import transaction
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex as StockSQLiteIndex,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchRebuilder,
    SQLiteSearchResults,
)
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import index_text, prefix_text, query_words, stem
from search.backends.base import (
    ENTRY,
    PAGE,
    DatabaseSiteSearch,
    IndexEntry,
    compile_queryset,
    coverage_score,
)
from search.documents import NAME_FIELDS, ROLE_WEIGHTS, ROLES, build_documents
from search.indexing import record_indexed

FTS_TABLE = "search_fts"
VOCABULARY_TABLE = "search_fts_vocab"
COLUMNS = (*ROLES, "suggest")
TEXT_COLUMNS = "{" + " ".join(ROLES) + "}"
BM25 = f"bm25({FTS_TABLE}, {', '.join(repr(ROLE_WEIGHTS[role]) for role in ROLES)}, 0.0)"
SUGGEST_BM25 = f"bm25({FTS_TABLE}, {', '.join('0.0' for _role in ROLES)}, 1.0)"
FROM_SQL = f"{FTS_TABLE} JOIN {IndexEntry._meta.db_table} e ON e.id = {FTS_TABLE}.rowid"
BATCH = 500


def quoted(term, prefix=False):
    """An FTS5 string literal: our terms are [0-9a-z]+, but never trust that here."""
    return '"' + term.replace('"', '""') + '"' + ("*" if prefix else "")


class FrenchSQLiteIndex(StockSQLiteIndex):
    def add_items(self, model, objs):
        # One transaction per batch: in autocommit mode SQLite would sync the file
        # after every row (1.6 ms a row instead of 0.1).
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
        entries = [
            IndexEntry(
                content_type_id=content_type_id,
                object_id=str(obj.pk),
                title=document.name,
            )
            for obj, document in documents
        ]
        IndexEntry._default_manager.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["title"],
            batch_size=BATCH,
        )
        object_ids = [entry.object_id for entry in entries]
        entry_ids = {}
        for offset in range(0, len(object_ids), BATCH):
            entry_ids.update(
                self.entries.filter(
                    content_type_id=content_type_id,
                    object_id__in=object_ids[offset : offset + BATCH],
                ).values_list("object_id", "id")
            )
        rows = []
        for obj, document in documents:
            texts = document.role_texts()
            rows.append(
                (
                    entry_ids[str(obj.pk)],
                    *(index_text(texts[role]) for role in ROLES),
                    prefix_text(document.suggest),
                )
            )
        placeholders = ", ".join(["%s"] * (len(COLUMNS) + 1))
        with self.write_connection.cursor() as cursor:
            ids = [row[0] for row in rows]
            for offset in range(0, len(ids), BATCH):
                batch = ids[offset : offset + BATCH]
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(batch))})",  # noqa: S608
                    batch,
                )
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
                rows,
            )


class FrenchSQLiteRebuilder(SQLiteSearchRebuilder):
    def finish(self):
        # No title norms to refresh (bm25 normalises lengths itself); merge the FTS
        # segments written chunk by chunk, which makes later queries faster.
        with self.index.write_connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608


class FrenchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    """Wagtail's ``.search()`` (the admin's searches) on our table, FTS-first."""

    prefix_last = False

    def _columns(self):
        if self.fields and all(name in NAME_FIELDS for name in self.fields):
            return "{name}"
        return TEXT_COLUMNS

    def _plain(self, query_string, operator):
        words = query_words(query_string)
        if not words:
            return None
        terms = [quoted(stem(word)) for word in words]
        joiner = " AND " if (operator or "and").lower() == "and" else " OR "
        return "(" + joiner.join(terms) + ")"

    def _expression(self, query):
        """An FTS5 expression for ``query``; None matches nothing; MatchAll → ``True``."""
        if isinstance(query, MatchAll):
            return True
        if isinstance(query, (PlainText, Fuzzy)):
            return self._plain(query.query_string, getattr(query, "operator", "and"))
        if isinstance(query, Phrase):
            terms = [stem(word) for word in query_words(query.query_string)]
            return quoted(" ".join(terms)) if terms else None
        if isinstance(query, Boost):
            return self._expression(query.subquery)
        if isinstance(query, Or):
            parts = [self._expression(sub) for sub in query.subqueries]
            if True in parts:
                return True
            parts = [part for part in parts if part]
            return "(" + " OR ".join(parts) + ")" if parts else None
        if isinstance(query, And):
            positive = [self._expression(s) for s in query.subqueries if not isinstance(s, Not)]
            negative = [
                self._expression(s.subquery) for s in query.subqueries if isinstance(s, Not)
            ]
            if None in positive:
                return None
            positive = [part for part in positive if part is not True]
            if not positive:
                return None  # FTS5 cannot express "everything except"
            expression = "(" + " AND ".join(positive) + ")"
            negative = [part for part in negative if part and part is not True]
            if negative:
                expression += " NOT (" + " OR ".join(negative) + ")"
            return expression
        return None

    def _match(self):
        query, negated = self.query, False
        if isinstance(query, Not):
            query, negated = query.subquery, True
        expression = self._expression(query)
        if expression is None or expression is True:
            return expression, negated
        return f"{self._columns()} : ({expression})", negated

    def _condition(self, match):
        content_types = get_descendants_content_types_pks(self.queryset.model)
        scope_sql, scope_params = compile_queryset(self.queryset)
        types = ", ".join(str(int(pk)) for pk in content_types) or "NULL"
        sql = (
            f"FROM {FROM_SQL} WHERE {FTS_TABLE} MATCH %s AND e.content_type_id IN ({types}) "
            f"AND e.object_id IN ({scope_sql})"
        )
        return sql, [match, *scope_params]

    def matched_queryset(self):
        match, negated = self._match()
        if match is True:
            return self.queryset.none() if negated else self.queryset
        if match is None:
            return self.queryset if negated else self.queryset.none()
        condition, params = self._condition(match)
        ids = RawSQL(f"SELECT CAST(e.object_id AS INTEGER) {condition}", params)  # noqa: S608,S611
        return self.queryset.exclude(pk__in=ids) if negated else self.queryset.filter(pk__in=ids)

    def ranked(self, start, stop):
        """Objects from ``start`` to ``stop`` and their scores, best first."""
        match, negated = self._match()
        if negated or match is True or match is None or not self.order_by_relevance:
            queryset = self.matched_queryset()
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return [(obj, 0.0) for obj in queryset[start:stop]]
        condition, params = self._condition(match)
        weights = SUGGEST_BM25 if self.prefix_last else BM25
        limit = -1 if stop is None else stop - start
        with self._cursor() as cursor:
            cursor.execute(
                f"SELECT e.object_id, -{weights} AS score {condition} "  # noqa: S608
                "ORDER BY score DESC, e.object_id LIMIT %s OFFSET %s",
                [*params, limit, start],
            )
            rows = cursor.fetchall()
        objects = self.queryset.in_bulk([int(object_id) for object_id, _score in rows])
        return [
            (objects[int(object_id)], score)
            for object_id, score in rows
            if int(object_id) in objects
        ]

    def _cursor(self):
        from django.db import connections

        return connections[self.queryset.db].cursor()


class FrenchSQLiteAutocompleteQueryCompiler(FrenchSQLiteSearchQueryCompiler):
    prefix_last = True

    def _columns(self):
        return "{suggest}"

    def _plain(self, query_string, operator):
        """The typed words as prefixes of the name ("boul" → "Boulangerie du Quai"), or
        as whole words, stemmed, anywhere in the name: the admin's page search is an
        autocomplete, and "boulangeries" should still find "Boulangerie du Quai"."""
        words = prefix_text(query_string).split()[:10]
        if not words:
            return None
        prefixes = [quoted(word) for word in words[:-1]] + [quoted(words[-1], prefix=True)]
        stems = [quoted(stem(word)) for word in query_words(query_string)]
        expression = "{suggest} : (" + " AND ".join(prefixes) + ")"
        if stems:
            expression = f"({expression} OR {{name}} : ({' AND '.join(stems)}))"
        return expression

    def _match(self):
        # Column filters are part of the expression (see _plain).
        return self._expression(self.query), False


class FrenchSQLiteSearchResults(SQLiteSearchResults):
    def _do_search(self):
        ranked = self.query_compiler.ranked(self.start, self.stop)
        if self._score_field:
            for obj, score in ranked:
                setattr(obj, self._score_field, score)
        return [obj for obj, _score in ranked]

    def _do_count(self):
        count = self.query_compiler.matched_queryset().count() - self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)

    def facet(self, field_name):
        from collections import OrderedDict

        from django.db.models import Count

        field = self.query_compiler._get_filterable_field(field_name)
        if field is None:
            return super().facet(field_name)
        rows = (
            self.query_compiler.matched_queryset()
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return OrderedDict((row[field_name], row["count"]) for row in rows)


class FrenchSQLiteSearchBackend(DatabaseSiteSearch, SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteQueryCompiler
    results_class = FrenchSQLiteSearchResults
    rebuilder_class = FrenchSQLiteRebuilder
    atomic_rebuilder_class = FrenchSQLiteRebuilder

    def __init__(self, params):
        params = dict(params)
        # Indexing writes one row per page; Wagtail's "atomic" rebuild would only wrap
        # it in a transaction, which update_index already does per chunk.
        params["ATOMIC_REBUILD"] = False
        super().__init__(params)

    # Site search (search.backends.base.DatabaseSiteSearch) -------------------------

    # Joined by primary key from each matching entry (see search.backends.base).
    entry_is_page_sql = f'CAST({ENTRY}.object_id AS INTEGER) = "{PAGE}"."id"'
    _fts_join = f"{ENTRY}.id = {FTS_TABLE}.rowid"

    def match_parts(self, words_per_term, require_all, weights=None):
        groups = [
            "(" + " OR ".join(quoted(word) for word in words) + ")" for words in words_per_term
        ]
        expression = (" AND " if require_all else " OR ").join(groups)
        score, params = f"(-{BM25})", []
        if weights is not None and len(groups) > 1:
            # Each term's own match, read once per statement (SQLite keeps an IN
            # subquery's rows): how many terms, and which, a page matches.
            matched = [
                f"{FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"  # noqa: S608
                for _group in groups
            ]
            score = coverage_score(matched, weights, score)
            params = [f"{TEXT_COLUMNS} : {group}" for group in groups]
        return (
            [FTS_TABLE],
            [f"{FTS_TABLE} MATCH %s", self._fts_join],
            [f"{TEXT_COLUMNS} : ({expression})"],
            score,
            params,
        )

    def text_terms(self, candidates):
        # The vocabulary also lists the names' unstemmed words (the suggest column):
        # their stems are what the text columns hold.
        return list(dict.fromkeys(term for word in candidates for term in (word, stem(word))))

    def term_weights(self, words_per_term):
        terms = {term for words in words_per_term for term in words}
        if not terms:
            return [1.0 for _words in words_per_term]
        placeholders = ", ".join(["%s"] * len(terms))
        documents = dict(
            self._fetch(
                f"SELECT term, doc FROM {VOCABULARY_TABLE} WHERE term IN ({placeholders})",  # noqa: S608
                list(terms),
            )
        )
        (total,) = self._fetch(f"SELECT COUNT(*) FROM {ENTRY}", [])[0]  # noqa: S608
        return [
            math.log(1 + max(total, 1) / max(sum(documents.get(t, 0) for t in words), 1))
            for words in words_per_term
        ]

    def suggest_parts(self, words):
        words = [word for word in words if word][:10]
        terms = [quoted(word) for word in words[:-1]] + [quoted(words[-1], prefix=True)]
        return (
            [FTS_TABLE],
            [f"{FTS_TABLE} MATCH %s", self._fts_join],
            ["{suggest} : (" + " AND ".join(terms) + ")"],
            f"(-{SUGGEST_BM25})",
            [],
        )

    def index_terms(self, words):
        return {word: stem(word) for word in words}

    def known_terms(self, terms):
        if not terms:
            return set()
        placeholders = ", ".join(["%s"] * len(terms))
        rows = self._fetch(
            f"SELECT term FROM {VOCABULARY_TABLE} WHERE term IN ({placeholders})",  # noqa: S608
            list(terms),
        )
        return {term for (term,) in rows}

    def vocabulary_near(self, term):
        """Indexed terms with the same first letter (a bounded range scan)."""
        first = term[0]
        return self._fetch(
            f"SELECT term, doc FROM {VOCABULARY_TABLE} WHERE term >= %s AND term < %s",  # noqa: S608
            [first, chr(ord(first) + 1)],
        )

    def vocabulary_around(self, term):
        """Indexed terms whose first letter may differ from ``term``'s (a scan of
        the vocabulary, run only for a word the index does not know)."""
        wrong, missing, added = self.around_keys(term)
        return self._fetch(
            f"SELECT term, doc FROM {VOCABULARY_TABLE} "  # noqa: S608
            "WHERE length(term) BETWEEN %s AND %s "
            "AND (substr(term, 2, 2) IN (%s, %s) OR substr(term, 1, 2) = %s)",
            [len(term) - 2, len(term) + 2, wrong, missing, added],
        )


SearchBackend = FrenchSQLiteSearchBackend
