"""Elasticsearch 7 with the same French analysis and site search as OpenSearch.

Configured by ``SEARCH_URL=elasticsearch://host:9200`` (``elasticsearch>=7.17,<8``,
the ``search`` extra). Not run in CI: Elasticsearch 7.17 cannot be embedded the way the
OpenSearch test node is (see tests/search_node/README.md), and the elasticsearch-py
7.14+ client refuses to talk to OpenSearch.
"""

from modelsearch.backends.elasticsearch7 import (
    Elasticsearch7Index,
    Elasticsearch7Mapping,
    Elasticsearch7SearchBackend,
)

from search.backends.opensearch import (
    INDEX_SETTINGS,
    SITE_MAPPING,
    EngineSiteSearch,
    FrenchIndexMixin,
)


class FrenchElasticsearchMapping(Elasticsearch7Mapping):
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "site_fold"}

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"].update(SITE_MAPPING)
        return mapping


class FrenchElasticsearchIndex(FrenchIndexMixin, Elasticsearch7Index):
    pass


class FrenchElasticsearchBackend(EngineSiteSearch, Elasticsearch7SearchBackend):
    mapping_class = FrenchElasticsearchMapping
    index_class = FrenchElasticsearchIndex

    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = INDEX_SETTINGS
        super().__init__(params)


SearchBackend = FrenchElasticsearchBackend
