"""Hostile and odd queries: never an error, always a bounded amount of work.

Speed is measured in bench/search.py, not asserted here; these tests make sure every
input reaches the engine as a handful of plain, quoted terms.
"""

from html import unescape

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.analysis import MAX_QUERY_LENGTH, MAX_TERMS
from search.backends.postgres import lexeme
from search.query import plan_query

HOSTILE = [
    "",
    "a",
    "é",
    "x" * 10_000,
    "boulangerie " * 2_000,
    '"',
    '"boulangerie',
    "*",
    "boul*",
    "( ) - : ^ ~",
    "NEAR(pain levain)",
    "pain AND levain OR NOT fromage",
    "title:fromage",
    "{name}: fromage",
    "fromage^10",
    "fromage~2",
    "-fromage",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "' UNION SELECT password FROM auth_user --",
    "%' OR '%'='",
    "fromage\x00; DELETE",
    "\x00\x00\x00",
    "🧀🥖🚲",
    "fromage 🧀",
    "خبز عربي",
    "לחם טרי",
    "\u202eegamorf",
    "Ｆｒｏｍａｇｅ",
    "pain\tau\nlevain",
    "%00%ff",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "\\",
    "' \" ` ; --",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_answer_everywhere(client, db, query):
    page = client.get("/recherche/", {"q": query})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.content.decode()
    api = client.get("/api/search/", {"q": query})
    assert api.status_code == 200
    assert isinstance(api.json()["count"], int)
    suggestions = client.get("/api/search/autocomplete/", {"q": query})
    assert suggestions.status_code == 200
    english = client.get("/en/search/", {"q": query, "type": query, "category": query})
    assert english.status_code == 200


# Words PostgreSQL's French configuration drops (its stop list is longer than ours):
# a query of nothing else left no lexeme, and "''" is a tsquery syntax error.
ENGINE_STOP_WORDS = ["avons", "nous sommes", "mais aurions", "avons sommes étions", "eux"]


@pytest.mark.parametrize("query", ENGINE_STOP_WORDS)
def test_queries_of_words_the_engine_drops_find_nothing_without_error(client, db, query):
    page = client.get("/recherche/", {"q": query})
    assert page.status_code == 200
    api = client.get("/api/search/", {"q": query})
    assert api.status_code == 200
    if connection.vendor == "postgresql":  # SQLite and OpenSearch index these words
        assert "Aucun résultat" in page.content.decode()
        assert api.json()["count"] == 0
    else:
        assert f"pour « {query} »" in unescape(page.content.decode())
    assert client.get("/api/search/autocomplete/", {"q": query}).status_code == 200
    english = client.get("/en/search/", {"q": query})
    assert english.status_code == 200


def test_indexed_words_with_quotes_and_backslashes_are_searched_as_words(db):
    """Lexemes go into tsquery syntax quoted: a quote (an indexed URL keeps it,
    unaccent makes one of "ʼ") or a backslash must stay part of the word."""
    assert lexeme("it's") == "'it''s'"
    assert lexeme("a\\") == "'a\\\\'"
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for word in ["it's", "a\\", "\\'", "x.fr/it's/", ":*&|!<>()"]:
            cursor.execute(
                "SELECT array_to_tsvector(ARRAY[%s]) @@ %s::tsquery", [word, lexeme(word)]
            )
            assert cursor.fetchone() == (True,), word


def test_long_queries_are_truncated_and_bounded():
    plan = plan_query(" ".join(f"mot{n}" for n in range(5_000)))
    assert len(plan.text) <= MAX_QUERY_LENGTH
    assert len(plan.terms) <= MAX_TERMS


def test_long_query_is_shown_truncated(client, db):
    html = client.get("/recherche/", {"q": "fromage " * 2_000}).content.decode()
    assert ("fromage " * 30) not in html


PARAMS = st.fixed_dictionaries(
    {
        "q": st.one_of(
            st.text(max_size=300),
            # Words our analysis keeps and an engine may drop, with odd characters.
            st.lists(
                st.sampled_from([*" ".join(ENGINE_STOP_WORDS).split(), "'", "\\", ":*", "ʼ"]),
                max_size=4,
            ).map(" ".join),
        ),
        "type": st.sampled_from(["", "merchant", "news", "interview", "x"]),
        "page": st.one_of(st.text(max_size=8), st.integers(-5, 10**12).map(str)),
        "open_now": st.sampled_from(["", "1", "on", "0", "oui", "\x00"]),
    },
    optional={
        "category": st.sampled_from(["boulangerie-patisserie", "bakery", "alimentation", "?"]),
        "commune": st.sampled_from(["tain-l-hermitage", "07324", "", "zzz"]),
        "service": st.sampled_from(["click_collect", "delivery", "nope"]),
        "lang": st.sampled_from(["fr", "en", "de", ""]),
    },
)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(params=PARAMS)
def test_fuzz_api(client, db, params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] >= 0 and len(data["results"]) <= 10 + 5


@FUZZ
@given(params=PARAMS)
def test_fuzz_page(client, db, params):
    response = client.get("/recherche/", params)
    # A page number past the last page is a 404, like the directory's; nothing else.
    assert response.status_code in (200, 404)


@FUZZ
@given(text=st.text(max_size=120))
def test_fuzz_autocomplete(client, db, text):
    assert client.get("/api/search/autocomplete/", {"q": text}).status_code == 200
