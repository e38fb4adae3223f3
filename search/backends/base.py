"""What every site search engine answers, and the SQL shared by the database ones.

An engine (a Wagtail search backend of ours, see the sibling modules) implements
``site_search(plan, scope, offset, limit, with_facets)`` and
``site_suggest(words, scope, limit)``. The site's page, API and autocomplete only talk
to that interface (through ``search.backends.engine``), so they rank the same way on
SQLite, PostgreSQL and OpenSearch.

Database engines match *FTS-first*: the statement reads the full-text index for the
query, joins each matching entry to its page by primary key and checks the scope's
conditions (live, language, site, filters) on that row only, then sorts by score. The
stock backends annotate every page of the queryset with a correlated score
subquery instead, which takes seconds for a common word among 10,000 pages; and an
``IN (scope)`` subquery would still read every page of the site for each search.
"""

from dataclasses import dataclass, field

from django.db import connections, router
from django.db.models import TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from wagtail.models import Page

from search import directory, kinds
from search.analysis import edit_distance, query_words, typo_budget
from search.facets import FacetCounts, count_facets, kind_content_types

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)
ENTRY = IndexEntry._meta.db_table
PAGE = Page._meta.db_table


@dataclass
class EngineResult:
    hits: list = field(default_factory=list)  # [(page id, score)], best first
    total: int = 0
    facets: FacetCounts | None = None
    relaxed: bool = False  # not every word of the query could be required
    step: int = 0  # which of QueryPlan.relaxations() found the results
    corrections: dict = field(default_factory=dict)  # typed word → indexed word used


# When not every word is required, the score is coverage first: the number of query
# terms a page matches, then the sum of their rarity weights, then the text score.
COVERAGE_COUNT = 1_000_000.0
COVERAGE_WEIGHT = 1_000.0


def coverage_score(matched_sql, weights, text_score):
    """SQL ordering pages by how many terms they match (``matched_sql``: one 0/1
    expression per term), then how rare those are, then ``text_score``. Each term's
    condition appears once: sum of matched × (``COVERAGE_COUNT`` + its weight)."""
    terms = " + ".join(
        f"({sql}) * {COVERAGE_COUNT + COVERAGE_WEIGHT * float(weight)!r}"
        for sql, weight in zip(matched_sql, weights, strict=True)
    )
    return f"(({terms}) + {text_score})"


def compile_queryset(queryset, expression="pk"):
    """``(sql, params)`` of ``SELECT CAST(<expression> AS TEXT) FROM ...``: the scope
    as index entry ids (``object_id`` is text, whatever the model's key type)."""
    values = queryset.order_by().annotate(_oid=Cast(expression, TextField())).values("_oid")
    return values.query.get_compiler(using=values.db).as_sql()


class DatabaseSiteSearch:
    """Site search for the backends whose index is a database table.

    Subclasses provide ``match_parts(words_per_term, require_all, weights)`` and
    ``suggest_parts(words)`` returning ``(tables, where, where_params, score_sql,
    score_params)`` (``where`` a list of SQL conditions naming tables in full, a score
    where higher is better; when not every term is required, pages matching more
    terms come first, then those whose matched terms weigh more: ``coverage_score``),
    ``entry_is_page_sql`` (joins an index entry to its page), ``term_weights``, and for
    typo tolerance ``index_terms(words)`` ({word: its index term or None}),
    ``known_terms(terms)``, ``vocabulary_near(term)`` ([(term, documents)] sharing
    its first letter) and ``vocabulary_around(term)`` (sharing ``around_keys``).
    """

    def __init__(self, params):
        super().__init__(params)
        # Its name in WAGTAILSEARCH_BACKENDS: search.indexing records, per backend,
        # which version of each page it holds.
        self.site_alias = params.get("SITE_ALIAS")

    @property
    def index_entries(self):
        """The index's rows, which ``search.indexing`` can check directly."""
        return IndexEntry._default_manager.all()

    def _expanded_terms(self, terms):
        """For each term, the index terms to look for: those of its words, plus, for a
        word the index does not know, the indexed terms it begins ("pharma" →
        "pharmacie") or else the closest ones (typo tolerance: "pharmacei", "boulangrie"
        also look for "pharmacie", "boulanger"). A word the index knows is looked up as
        typed only, so exact matches are never diluted by near ones."""
        words = list(dict.fromkeys(word for term in terms for word in term.words))
        index_terms = self.index_terms(words)
        known = self.known_terms({value for value in index_terms.values() if value})
        expanded, corrections = [], {}
        for term in terms:
            group = []
            for word in term.words:
                indexed = index_terms.get(word)
                if indexed is None:
                    continue  # a stop word for this engine
                group.append(indexed)
                if indexed in known or not typo_budget(word):
                    continue
                candidates = self.prefixed_terms(indexed) if len(indexed) >= 4 else []
                if not candidates:
                    candidates = self.similar_terms(indexed, typo_budget(word), word=word)
                for candidate in self.text_terms(candidates):
                    group.append(candidate)
                    corrections.setdefault(word, candidate)
            expanded.append(list(dict.fromkeys(group)))
        return expanded, corrections

    def prefixed_terms(self, term, limit=4):
        """Indexed terms that ``term`` begins, most frequent first ("pharma" →
        "pharmac"): a word typed in part."""
        scored = [
            (-documents, candidate)
            for candidate, documents in self.vocabulary_near(term)
            if candidate.startswith(term) and candidate != term
        ]
        return [candidate for _documents, candidate in sorted(scored)[:limit]]

    def similar_terms(self, term, budget, limit=3, word=None):
        """The indexed terms closest to ``term`` (within ``budget`` edits), most frequent
        first; ``word`` is the word as typed, whose stem ``term`` is (a typo near the end
        of a word can change how it is stemmed: "pharmacei" keeps its "ei").

        Terms sharing the first letter (a cheap range scan) and, for a first letter
        that is wrong, missing or added ("voulangerie", "harmacie"), terms sharing the
        next letters: the closest of both.
        """
        scored = self._within(term, budget, self.vocabulary_near(term), word)
        if len(term) > 3:
            scored += self._within(term, budget, self.vocabulary_around(term), word)
        if not scored:
            return []
        # Only the closest: "resturant" is "restaurant" (one edit), not also "retirer"
        # and "retrait" (two edits), which would bring every shop with a pickup service.
        closest = min(distance for distance, _documents, _candidate in scored)
        scored = [entry for entry in scored if entry[0] == closest]
        return [candidate for _distance, _documents, candidate in sorted(scored)[:limit]]

    def text_terms(self, candidates):
        """The terms to match for vocabulary ``candidates`` (the SQLite vocabulary also
        holds the unstemmed words of names, for autocomplete)."""
        return candidates

    def term_weights(self, words_per_term):
        """How rare each term's words are: ``log(1 + pages / pages with one of them)``.
        A rare word weighs more than a common one when not every word is found."""
        return [1.0 for _words in words_per_term]

    @staticmethod
    def _within(term, budget, vocabulary, word=None):
        scored = []
        for candidate, documents in vocabulary:
            if abs(len(candidate) - len(term)) > budget and (
                word is None or abs(len(candidate) - len(word)) > budget
            ):
                continue
            distance = edit_distance(term, candidate, budget)
            if word is not None and word != term:
                # The stem of a typo may keep letters the stem of the word loses.
                distance = min(distance, edit_distance(word, candidate, budget))
            if distance <= budget:
                scored.append((distance, -documents, candidate))
        return scored

    @staticmethod
    def around_keys(term):
        """What a term whose first letter is wrong, missing or added shares with ``term``:
        ``(letters 2-3 when the first is wrong, letters 2-3 when it is missing, letters
        1-2 when one was added)``."""
        return term[1:3], term[0:2], term[2:4]

    @property
    def connection(self):
        return connections[router.db_for_read(IndexEntry)]

    def _fetch(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _kind_factor_sql(self):
        cases = []
        for content_type_id, kind in kind_content_types().items():
            factor = kinds.rank_factors().get(kind, 1.0)
            if factor != 1.0:
                cases.append(f"WHEN {int(content_type_id)} THEN {factor!r}")
        if not cases:
            return "1.0"
        return f"(CASE {ENTRY}.content_type_id {' '.join(cases)} ELSE 1.0 END)"

    def _type_filter(self):
        """The content types site search lists, as SQL. Index entries of other models
        (images, snippets) share object ids with pages and must never match."""
        return ", ".join(str(int(pk)) for pk in kind_content_types()) or "NULL"

    def _tier(self, plan, page_id_sql=f'"{PAGE}"."id"'):
        """Merchants of the communes the query names come first."""
        places = directory.get()
        if not plan.commune_ids or places is None:
            return "0", []
        merchants = (
            places.places()
            .filter(**{f"{places.commune_field}_id__in": plan.commune_ids})
            .values("pk")
        )
        sql, params = merchants.query.get_compiler(using=merchants.db).as_sql()
        return f"(CASE WHEN {page_id_sql} IN ({sql}) THEN 1 ELSE 0 END)", list(params)

    def matching(self, pages, parts, plan=None):
        """``pages`` (a Page queryset) restricted to the index entries matching
        ``parts``, with ``_score`` and ``_tier`` columns."""
        tables, where, where_params, score_sql, score_params = parts
        tier_sql, tier_params = self._tier(plan) if plan else ("0", [])
        select = {"_score": f"{score_sql} * {self._kind_factor_sql()}", "_tier": tier_sql}
        # extra(): the only way to join a table Django does not model (FTS5). Every
        # value comes from the user as a parameter; the SQL fragments are constants.
        return pages.extra(  # noqa: S610
            select=select,
            select_params=[*score_params, *tier_params],
            tables=[*tables, ENTRY],
            where=[
                *where,
                f"{ENTRY}.content_type_id IN ({self._type_filter()})",
                self.entry_is_page_sql,
            ],
            params=where_params,
        )

    def ranked_hits(self, parts, plan, scope, offset, limit):
        """``([(page id, score)], total)``: one page of the matches in ``scope``, best
        first, and the number of matches. Two statements; SQLite refuses bm25() in a
        window query (``COUNT(*) OVER ()``)."""
        matched = self.matching(scope.pages(), parts, plan)
        ordered = matched.order_by("-_tier", "-_score", "pk").values_list("pk", "_score", "_tier")
        rows = list(ordered[offset : offset + limit])
        total = matched.count() if rows or offset else 0
        return [(pk, float(score)) for pk, score, _tier in rows], total

    def site_search(self, plan, scope, offset=0, limit=10, with_facets=True):
        result = EngineResult()
        if plan.is_empty:
            return result
        scope = scope.for_plan(plan)
        for step, (terms, require_all) in enumerate(plan.relaxations()):
            words, corrections = self._expanded_terms(terms)
            if not any(words):
                # Every word is one the engine does not index ("avons", "mais" are
                # PostgreSQL stop words, not ours): nothing to look for, not an error.
                continue
            weights = None if require_all else self.term_weights(words)
            parts = self.match_parts(words, require_all, weights)
            hits, total = self.ranked_hits(parts, plan, scope, offset, limit)
            if not total:
                continue
            result.hits = hits
            result.total = total
            result.relaxed, result.step = step > 0, step
            result.corrections = corrections
            if with_facets:
                kind_pages = None
                if scope.filters.kind and not scope.filters.merchant_only:
                    kind_pages = self._as_subquery(
                        self.matching(scope.without_kind().pages(), parts)
                    )
                matched = self._as_subquery(self.matching(scope.pages(), parts))
                result.facets = count_facets(matched, scope.now, kind_pages)
            return result
        return result

    def pages_mentioning(self, texts):
        """Ids of the indexed pages (any site, language or state) whose search document
        has every word of one of ``texts``: the pages a change of the vocabulary
        affects, found by the words they say or were given."""
        ids = set()
        for text in texts:
            words = query_words(text)
            terms = [term for term in self.index_terms(words).values() if term]
            if not terms:
                continue
            parts = self.match_parts([[term] for term in terms], True)
            ids.update(self.matching(Page.objects.all(), parts).values_list("pk", flat=True))
        return ids

    def _as_subquery(self, matched):
        """The matched pages as ``Page.objects.filter(pk__in=<their ids>)``: the extra
        tables and conditions name the page table in full, so the match is compiled on
        its own rather than nested (where Django would give the table an alias)."""
        values = matched.order_by().values("pk")
        sql, params = values.query.get_compiler(using=values.db).as_sql()
        return Page.objects.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - compiled by Django

    def site_suggest(self, words, scope, limit=5):
        """Page ids whose name starts with ``words`` (the last one a prefix), best first."""
        if not words:
            return []
        matched = self.matching(scope.pages(), self.suggest_parts(words))
        rows = matched.order_by("-_score", "pk").values_list("pk", "_score")[:limit]
        return [pk for pk, _score in rows]
