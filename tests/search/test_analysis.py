"""French analysis and query understanding, without the database."""

import pytest

from search.analysis import (
    MAX_QUERY_LENGTH,
    clean_query,
    edit_distance,
    fold,
    index_terms,
    query_words,
    stem,
)
from search.query import Term, plan_query, text_without_filters


class FakeCommune:
    def __init__(self, pk, name):
        self.pk, self.name = pk, name


COMMUNES = [
    FakeCommune(1, "Tain-l'Hermitage"),
    FakeCommune(2, "Tournon-sur-Rhône"),
    FakeCommune(3, "Saint-Jean-de-Muzols"),
    FakeCommune(4, "Saint-Félicien"),
    FakeCommune(5, "La Roche-de-Glun"),
    FakeCommune(6, "Glun"),
]


def test_fold_removes_case_accents_and_ligatures():
    assert fold("Œufs ÉPICÉS à Tournon-sur-Rhône") == "oeufs epices a tournon-sur-rhone"


@pytest.mark.parametrize(
    ("typed", "indexed"),
    [
        ("fromages", "fromage"),
        ("vélos", "vélo"),
        ("Épiceries", "epicerie"),
        ("réparations", "reparation"),
        ("boulangeries", "Boulangerie"),
        ("ouverte", "ouverts"),
    ],
)
def test_singular_plural_and_accents_share_a_stem(typed, indexed):
    assert index_terms(typed) == index_terms(indexed)


def test_shop_names_also_index_what_they_sell():
    # "fromagerie" is found by "fromages", "chocolaterie" by "chocolat".
    assert stem("fromage") in index_terms("Fromagerie")
    assert stem("chocolat") in index_terms("Chocolaterie")


def test_stop_words_and_elisions_are_dropped():
    assert query_words("L'épicerie de la place et le click and collect") == [
        "epicerie",
        "place",
        "click",
        "collect",
    ]


def test_clean_query_removes_control_characters_and_truncates():
    assert clean_query("pain\x00\x07 au   levain\n") == "pain au levain"
    assert len(clean_query("a" * 10_000)) == MAX_QUERY_LENGTH
    assert clean_query(None) == ""


def test_edit_distance_counts_transpositions_and_stops_early():
    assert edit_distance("boulangr", "boulanger") == 1
    assert edit_distance("fromgae", "fromage") == 1
    assert edit_distance("pain", "quincaillerie") == 3


def test_open_on_a_day_is_a_filter_not_words():
    plan = plan_query("restaurant ouvert le dimanche")
    assert plan.terms == (Term(("restaurant",)),)
    assert plan.open_day == 6
    assert not plan.open_now
    assert plan_query("open on Sunday").open_day == 6
    assert plan_query("ouvert dimanche").is_empty


def test_a_bare_day_is_a_word_to_find():
    plan = plan_query("marché dimanche")
    assert plan.terms == (Term(("marche",)), Term(("dimanche",)))
    assert plan.open_day is None


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("restaurant ouvert le dimanche", {"open_day": True}, "restaurant"),
        ("Open on Sunday bakery", {"open_day": True}, "bakery"),
        ("pizzeria ouverte maintenant", {"open_now": True}, "pizzeria"),
        ("café ouvert aujourd'hui", {"open_now": True}, "café"),
        ("restaurant ouvert dimanche", {"open_now": True}, "restaurant ouvert dimanche"),
        ("ouvert dimanche", {"open_day": True}, ""),
    ],
)
def test_removing_a_filter_removes_the_words_that_asked_for_it(text, options, expected):
    assert text_without_filters(text, **options) == expected


def test_open_now_is_a_filter_not_words():
    plan = plan_query("pizzeria ouverte maintenant")
    assert plan.open_now
    assert plan.terms == (Term(("pizzeria",)),)


@pytest.mark.parametrize(
    ("query", "communes"),
    [
        ("boulangerie tain", (1,)),
        ("fleuriste Tain-l'Hermitage", (1,)),
        ("click and collect tournon", (2,)),
        ("coiffeur saint jean de muzols", (3,)),
        ("la roche de glun", (5,)),
        ("glun", (6,)),
        ("saint", ()),  # several communes start with "Saint": none is meant
        ("pain", ()),
    ],
)
def test_commune_names_are_recognised(query, communes):
    assert plan_query(query, COMMUNES).commune_ids == communes


def test_relaxations_drop_commune_words_before_requiring_any_word():
    plan = plan_query("epicerie tournon", COMMUNES)
    steps = plan.relaxations()
    assert [len(terms) for terms, _all in steps] == [2, 1, 2]
    assert [require_all for _terms, require_all in steps] == [True, True, False]
    assert steps[1][0] == (Term(("epicerie",)),)


@pytest.mark.parametrize("query", ["", "   ", "a", "le la les", '" * ( ) - : ^ ~', "AND OR"])
def test_queries_without_words_are_empty(query):
    assert plan_query(query).is_empty
