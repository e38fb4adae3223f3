"""OpenSearch (and Elasticsearch 7) search in French.

Index settings (``INDEX_SETTINGS``) replace the engine's English-ish defaults:

- ``default`` (every text field Wagtail maps, and ours): standard tokenizer, French
  elision ("l'épicerie" → "épicerie"), lowercase, French stop words, asciifolding,
  light French stemmer. The same analyzer runs at index and at query time.
- autocomplete: edge n-grams of *unstemmed*, folded words at index time; the query
  side is folded but neither stemmed nor n-grammed ("boul" matches "Boulangerie",
  "epi" matches "Épicerie"). Stemming before n-grams would cut "boulangerie" to
  "boulanger" and miss "boulangeri"; measured on the embedded node (issue 9).

Each page document also carries the ``search.documents`` roles in ``site_*`` fields
(name, categories, commune, keywords, summary, body, suggest) and the filters site
search needs (type, language, live translations, path, categories, commune,
services), since OpenSearch cannot join the database's tables. Site search queries
those fields with boosts by role, typo tolerance (fuzziness), and aggregations for
the facet counts.
"""

# modelsearch's "opensearch3" classes pass every client argument by keyword, which both
# opensearch-py 2.x and 3.x accept ("opensearch2" passes some positionally, which
# opensearch-py 3 refuses). The server is OpenSearch 2.x or later either way.
from modelsearch.backends.opensearch3 import (
    OpenSearch3Index,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
)
from modelsearch.index import class_is_indexed
from wagtail.models import Page

from search import directory, kinds
from search.analysis import typo_budget
from search.backends.base import EngineResult
from search.documents import ROLE_WEIGHTS, ROLES, build_documents
from search.facets import FacetCounts, open_merchant_ids
from search.indexing import record_indexed

FRENCH_FILTERS = ["site_elision", "lowercase", "site_stop", "asciifolding", "site_stemmer"]
FOLD_FILTERS = ["site_elision", "lowercase", "asciifolding"]
INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "site_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": [
                        "l",
                        "m",
                        "t",
                        "qu",
                        "n",
                        "s",
                        "j",
                        "d",
                        "c",
                        "jusqu",
                        "quoiqu",
                        "lorsqu",
                        "puisqu",
                    ],  # fmt: skip
                },
                "site_stop": {"type": "stop", "stopwords": "_french_"},
                "site_stemmer": {"type": "stemmer", "language": "light_french"},
                "site_edge_ngram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
            },
            "analyzer": {
                "default": {"type": "custom", "tokenizer": "standard", "filter": FRENCH_FILTERS},
                "site_french": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": FRENCH_FILTERS,
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [*FOLD_FILTERS, "site_edge_ngram"],
                },
                "site_fold": {"type": "custom", "tokenizer": "standard", "filter": FOLD_FILTERS},
            },
        },
        "index": {"max_ngram_diff": 19},
    }
}
TEXT = {"type": "text", "analyzer": "site_french"}
KEYWORD = {"type": "keyword"}
SITE_MAPPING = {
    **{f"site_{role}": TEXT for role in ROLES},
    "site_suggest": {
        "type": "text",
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "site_fold",
    },
    # Every role's text folded but not stemmed: typos are measured on words as
    # typed ("boulangeri" is one edit from "boulangerie", three from its stem).
    "site_folded": {"type": "text", "analyzer": "site_fold"},
    "site_kind": KEYWORD,
    "site_language": KEYWORD,
    "site_translated": KEYWORD,
    "site_path": KEYWORD,
    "site_live": {"type": "boolean"},
    "site_category_keys": KEYWORD,
    "site_commune_id": KEYWORD,
    "site_services": KEYWORD,
}
FIELDS = [f"site_{role}^{ROLE_WEIGHTS[role]}" for role in ROLES]
COMMUNE_TIER = 100_000.0  # above any text score: the commune's merchants come first
COVERAGE = 1000.0  # per query term matched, when not every term is required
PREFIX_BOOST = 0.5  # a word typed in part ("pharma") counts half an exact match
FUZZY_BOOST = 0.2  # a word matched only through a typo counts a fifth of an exact match
# Edits allowed by word length, as search.analysis.typo_budget: none under 4 letters,
# one under 8, two from 8.
FUZZINESS = "AUTO:4,8"


class FrenchMapping(OpenSearch3Mapping):
    # Wagtail's autocomplete fields: searched folded, like they are indexed.
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "site_fold"}

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"].update(SITE_MAPPING)
        return mapping


def site_fields(obj, document, translated):
    fields = {f"site_{role}": text for role, text in document.role_texts().items()}
    fields["site_suggest"] = document.suggest
    fields["site_folded"] = " ".join(document.role_texts().values())
    if isinstance(obj, Page):
        fields.update(
            site_kind=document.kind,
            site_language=document.language,
            site_translated=sorted(
                translated.get(obj.translation_key, set()) - {document.language}
            ),
            site_path=obj.path,
            site_live=obj.live,
            site_category_keys=document.category_keys,
            site_commune_id=str(document.commune_id or ""),
            site_services=document.services,
        )
    return fields


def live_translations(objects):
    """{translation key: {languages with a live page}} for the pages among ``objects``."""
    keys = [obj.translation_key for obj in objects if isinstance(obj, Page)]
    translated = {}
    rows = Page.objects.filter(translation_key__in=keys, live=True).values_list(
        "translation_key", "locale__language_code"
    )
    for key, language in rows:
        translated.setdefault(key, set()).add(language)
    return translated


class FrenchIndexMixin:
    def add_item(self, item):
        self.add_items(type(item), [item])

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        mapping = self.mapping_class(model)
        documents = build_documents(items)
        translated = live_translations([obj for obj, _document in documents])
        actions = [
            {
                "_id": mapping.get_document_id(obj),
                **mapping.get_document(obj),
                **site_fields(obj, document, translated),
            }
            for obj, document in documents
        ]
        if actions:
            self.backend.bulk(self.es, actions, index=self.name)
            record_indexed(self.backend, [obj for obj, _document in documents])


class FrenchOpenSearchIndex(FrenchIndexMixin, OpenSearch3Index):
    pass


class EngineSiteSearch:
    """Site search (``search.backends.base``) for OpenSearch and Elasticsearch."""

    def __init__(self, params):
        super().__init__(params)
        # Its name in WAGTAILSEARCH_BACKENDS (see search.indexing).
        self.site_alias = params.get("SITE_ALIAS")

    def _pages_index(self):
        return self.get_index_for_model(Page).name

    def _open_ids(self, scope):
        return sorted(str(pk) for pk in open_merchant_ids(scope.now))

    def _open_on_ids(self, scope):
        places = directory.get()
        if places is None:
            return []
        merchants = places.open_on(
            places.places().filter(live=True), scope.filters.open_day, scope.now
        )
        return sorted(str(pk) for pk in merchants.values_list("pk", flat=True))

    def _filters(self, scope, open_ids):
        language = scope.locale.language_code
        in_language = {"term": {"site_language": language}}
        if scope.source_locale is not None:
            untranslated = {
                "bool": {
                    "filter": [{"term": {"site_language": scope.source_locale.language_code}}],
                    "must_not": [{"term": {"site_translated": language}}],
                }
            }
            in_language = {"bool": {"should": [in_language, untranslated]}}
        filters = [
            {"terms": {"site_kind": list(scope.kinds) or ["-"]}},
            {"term": {"site_live": True}},
            {"bool": {"should": [{"prefix": {"site_path": path}} for path in scope.root_paths]}},
            in_language,
        ]
        chosen = scope.filters
        if chosen.category_keys:
            filters.append({"terms": {"site_category_keys": sorted(chosen.category_keys)}})
        if chosen.commune is not None:
            filters.append({"term": {"site_commune_id": str(chosen.commune.pk)}})
        if chosen.service:
            filters.append({"term": {"site_services": chosen.service}})
        if chosen.open_now:
            filters.append({"terms": {"pk": open_ids or ["-"]}})
        if chosen.open_day is not None:
            # Opening days change with the week and the merchants' hours: the database
            # answers ("ouvert dimanche"), the engine keeps those pages.
            filters.append({"terms": {"pk": self._open_on_ids(scope) or ["-"]}})
        excluded = [{"prefix": {"site_path": path}} for path in scope.restricted_paths]
        hidden = sorted(
            str(pk)
            for pages in kinds.hidden_pages(scope.kinds, scope.now)
            for pk in pages.values_list("pk", flat=True)
        )
        if hidden:
            excluded.append({"terms": {"pk": hidden}})
        return {"bool": {"filter": filters, "must_not": excluded}}

    @staticmethod
    def _word_query(word, typos=False):
        """A word as typed or begun ("pharma"): an exact match scores above a prefix
        match. With ``typos`` (asked only when nothing matched without, as the database
        engines correct only a word the index does not know, so "miel" never brings
        "mie"), also with a typo anywhere ("pharmacei", "harmacie", "boulangeri"),
        edits allowed by word length as there (``typo_budget``)."""
        match = {"query": word, "fields": FIELDS, "type": "best_fields", "tie_breaker": 0.3}
        should = [{"multi_match": match}]
        if typo_budget(word):
            should.append(
                {"multi_match": {**match, "type": "phrase_prefix", "boost": PREFIX_BOOST}}
            )
        if typos and typo_budget(word):
            fuzzy = {"fuzziness": FUZZINESS, "prefix_length": 0, "boost": FUZZY_BOOST}
            should += [
                {"multi_match": {**match, **fuzzy}},
                {"match": {"site_folded": {"query": word, **fuzzy}}},
            ]
        return {"bool": {"should": should, "minimum_should_match": 1}}

    def _text_query(self, terms, require_all, typos=False):
        groups = []
        for term in terms:
            alternatives = [self._word_query(word, typos) for word in term.words]
            groups.append({"bool": {"should": alternatives, "minimum_should_match": 1}})
        if require_all:
            return {"bool": {"must": groups}}
        # Any term will do: pages matching more of them come first (a constant per
        # term matched), then by the text score, where BM25 weighs rare words more.
        covered = [
            {"bool": {"should": [group, {"constant_score": {"filter": group, "boost": COVERAGE}}]}}
            for group in groups
        ]
        return {"bool": {"should": covered, "minimum_should_match": 1}}

    def _query(self, plan, terms, require_all, scope_filter, typos=False):
        should = []
        if plan.commune_ids:
            should.append(
                {
                    "constant_score": {
                        "filter": {
                            "terms": {"site_commune_id": [str(i) for i in plan.commune_ids]}
                        },
                        "boost": COMMUNE_TIER,
                    }
                }
            )
        query = {
            "bool": {
                "must": [self._text_query(terms, require_all, typos)],
                "should": should,
                "filter": [scope_filter],
            }
        }
        functions = [
            {"filter": {"term": {"site_kind": kind}}, "weight": factor}
            for kind, factor in kinds.rank_factors().items()
            if factor != 1.0
        ]
        return {
            "function_score": {"query": query, "functions": functions, "boost_mode": "multiply"}
        }

    def _aggregations(self, open_ids):
        aggregations = {
            "kinds": {"terms": {"field": "site_kind", "size": 10}},
            "categories": {"terms": {"field": "site_category_keys", "size": 500}},
            "communes": {"terms": {"field": "site_commune_id", "size": 500}},
            "services": {"terms": {"field": "site_services", "size": 20}},
        }
        aggregations["open_now"] = {"filter": {"terms": {"pk": open_ids or ["-"]}}}
        return aggregations

    def _site_query(self, body):
        return self.es.search(index=self._pages_index(), body=body)

    def site_search(self, plan, scope, offset=0, limit=10, with_facets=True):
        result = EngineResult()
        if plan.is_empty:
            return result
        scope = scope.for_plan(plan)
        need_open = with_facets or scope.filters.open_now
        open_ids = self._open_ids(scope) if need_open else []
        kind_filter = scope.filters.kind and not scope.filters.merchant_only
        # The type filter goes in post_filter so that the type counts ignore it.
        scope_filter = self._filters(scope.without_kind() if kind_filter else scope, open_ids)
        # Every step requiring all its words as typed, then the same with typos, then
        # any word: "vente de miel" is "miel" before "mie"; "boulangeri tain" is a
        # typo before it is any shop of Tain.
        steps = list(enumerate(plan.relaxations()))
        strict = [(step, terms, all_) for step, (terms, all_) in steps if all_]
        loose = [(step, terms, all_) for step, (terms, all_) in steps if not all_]
        attempts = [(*entry, False) for entry in strict] + [(*entry, True) for entry in strict]
        attempts += [(*entry, typos) for entry in loose for typos in (False, True)]
        for step, terms, require_all, typos in attempts:
            if typos and not any(typo_budget(word) for term in terms for word in term.words):
                continue
            body = {
                "query": self._query(plan, terms, require_all, scope_filter, typos),
                "from": int(offset),
                "size": int(limit),
                "track_total_hits": True,
                "_source": ["pk"],
                "sort": ["_score", {"pk": "asc"}],
            }
            if kind_filter:
                body["post_filter"] = {"term": {"site_kind": scope.filters.kind}}
            if with_facets:
                body["aggs"] = self._aggregations(open_ids)
            response = self._site_query(body)
            total = response["hits"]["total"]["value"]
            if not total:
                continue
            result.hits = [
                (int(hit["_source"]["pk"]), float(hit["_score"] or 0))
                for hit in response["hits"]["hits"]
            ]
            result.total, result.relaxed, result.step = total, step > 0, step
            if typos:  # found only with typo tolerance: the page says so
                result.corrections = {word: "" for term in terms for word in term.words}
            if with_facets:
                result.facets = self._facets(response["aggregations"], scope, kind_filter)
            return result
        return result

    def _facets(self, aggregations, scope, kind_filter):
        def buckets(name):
            return {b["key"]: b["doc_count"] for b in aggregations[name]["buckets"]}

        facets = FacetCounts(kinds=buckets("kinds"))
        if kind_filter and scope.filters.kind not in kinds.directory_keys():
            return facets
        facets.categories = buckets("categories")
        facets.communes = {int(key): n for key, n in buckets("communes").items() if key}
        facets.services = buckets("services")
        facets.open_now = aggregations["open_now"]["doc_count"]
        return facets

    def site_suggest(self, words, scope, limit=5):
        if not words:
            return []
        body = {
            "query": {
                "bool": {
                    "must": [
                        {"match": {"site_suggest": {"query": " ".join(words), "operator": "and"}}}
                    ],
                    "filter": [self._filters(scope, [])],
                }
            },
            "size": int(limit),
            "_source": ["pk"],
        }
        response = self._site_query(body)
        return [int(hit["_source"]["pk"]) for hit in response["hits"]["hits"]]


class FrenchOpenSearchBackend(EngineSiteSearch, OpenSearch3SearchBackend):
    mapping_class = FrenchMapping
    index_class = FrenchOpenSearchIndex

    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = INDEX_SETTINGS
        super().__init__(params)


SearchBackend = FrenchOpenSearchBackend
