#!/usr/bin/env bash
# Check a running node end to end with the features the site's search needs:
# French analysis (elision, lowercase, asciifolding, light_french stemmer) and
# edge n-grams for prefix matching. Creates and then deletes a scratch index.
#
#   SEARCH_NODE_PORT  HTTP port (default 9200)
set -euo pipefail

URL="http://127.0.0.1:${SEARCH_NODE_PORT:-9200}"
INDEX="search-node-smoke-$$"
fail=0

req() { # method path [json-body]
    curl -sS -X "$1" "$URL$2" -H 'Content-Type: application/json' ${3:+--data-binary "$3"}
}
hits() { # query -> titles of the matching documents, one line
    req GET "/$INDEX/_search" "{\"query\":{\"multi_match\":{\"query\":\"$1\",\"fields\":[\"title\",\"title.prefix\"]}}}" |
        python3 -c 'import json,sys; print(" | ".join(h["_source"]["title"] for h in json.load(sys.stdin)["hits"]["hits"]))'
}
expect() { # label actual expected
    if [[ "$2" == "$3" ]]; then echo "ok   $1: $2"; else echo "FAIL $1: got '$2', want '$3'"; fail=1; fi
}
trap 'req DELETE "/$INDEX" >/dev/null 2>&1 || true' EXIT

req GET / | python3 -c 'import json,sys; v=json.load(sys.stdin)["version"]; print("engine:", v.get("distribution","elasticsearch"), v["number"])'

# Full words are stemmed on both sides; the prefix sub-field keeps unstemmed
# edge n-grams of folded words so a stemmed query term can match a longer word
# ("boulangere" -> "boulanger", a prefix of "boulangerie").
req PUT "/$INDEX" '{
  "settings": {
    "number_of_shards": 1, "number_of_replicas": 0,
    "analysis": {
      "filter": {
        "fr_elision": {"type": "elision", "articles_case": true,
                       "articles": ["l","m","t","qu","n","s","j","d","c","jusqu","quoiqu","lorsqu","puisqu"]},
        "fr_stem": {"type": "stemmer", "language": "light_french"},
        "prefixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20}
      },
      "tokenizer": {
        "edge": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20, "token_chars": ["letter", "digit"]}
      },
      "analyzer": {
        "fr": {"tokenizer": "standard", "filter": ["fr_elision", "lowercase", "asciifolding", "fr_stem"]},
        "fr_prefix": {"tokenizer": "standard", "filter": ["fr_elision", "lowercase", "asciifolding", "prefixes"]},
        "autocomplete": {"tokenizer": "edge", "filter": ["lowercase", "asciifolding"]}
      }
    }
  },
  "mappings": {"properties": {"title": {"type": "text", "analyzer": "fr", "fields": {
    "prefix": {"type": "text", "analyzer": "fr_prefix", "search_analyzer": "fr"},
    "ac": {"type": "text", "analyzer": "autocomplete", "search_analyzer": "fr"}}}}}
}' >/dev/null
req PUT "/$INDEX/_doc/1" '{"title": "Fromagerie du marché"}' >/dev/null
req PUT "/$INDEX/_doc/2?refresh=true" '{"title": "Boulangerie à Tain"}' >/dev/null

expect "match fromages" "$(hits fromages)" "Fromagerie du marché"
expect "match boulangere" "$(hits boulangere)" "Boulangerie à Tain"
expect "match marche (accent folded)" "$(hits marche)" "Fromagerie du marché"
expect "no match" "$(hits zzz)" ""

tokens() { # analyzer text
    req GET "/$INDEX/_analyze" "{\"analyzer\":\"$1\",\"text\":\"$2\"}" |
        python3 -c 'import json,sys; print(" ".join(t["token"] for t in json.load(sys.stdin)["tokens"]))'
}
expect "_analyze fr" "$(tokens fr "L'école du Marché à Tain")" "ecol du march a tain"
expect "_analyze autocomplete" "$(tokens autocomplete "Tain")" "ta tai tain"

if (( fail )); then echo "smoke test: FAILED"; exit 1; fi
echo "smoke test: passed"
