"""The commerce vocabulary: the curated data is consistent, and it is applied by word."""

import pytest

from merchants.demo.categories import CATEGORIES
from search.analysis import STOP_WORDS, index_terms, words
from search.vocabulary import (
    Vocabulary,
    VocabularyError,
    analysed,
    curated_entries,
    english_plurals,
    parse,
    parse_line,
)
from tests.search.dataset import IMPORTED_CATEGORIES

ENTRIES = curated_entries()
VOCABULARY = Vocabulary.from_entries(ENTRIES)


def expansion(text):
    return set(index_terms(VOCABULARY.expand(text)))


def test_the_curated_list_is_substantial():
    terms = {term for entry in ENTRIES for term in entry.terms + entry.targets}
    assert len(ENTRIES) >= 300
    assert len(terms) >= 1000
    assert sum(1 for entry in ENTRIES if entry.english) >= 250


def test_every_term_means_something_to_the_index():
    for entry in ENTRIES:
        for term in entry.terms + entry.targets:
            assert analysed(term), f"line {entry.line}: {term!r} is only stop words"
            assert set(words(term)) - STOP_WORDS, (entry.line, term)


def test_a_term_is_equivalent_in_one_group_only():
    """The same word (as the index sees it: accents, case and plural aside) in two
    groups of equivalents would merge two meanings ("café" the place and the drink)."""
    seen = {}
    for entry in ENTRIES:
        if entry.one_way:
            continue
        for term in entry.terms:
            key = analysed(term)
            other = seen.setdefault(key, entry.line)
            assert other == entry.line, f"{term!r} on lines {other} and {entry.line}"


def test_english_sides_use_no_everyday_french_word():
    """An English term that is also an everyday French word would give a French page the
    group's words for what it never meant ("car" is "because", "main" a hand)."""
    french = {"car", "coin", "main", "four", "chat", "pain", "place", "sale", "mode", "fin",
              "pour", "plus", "lit", "bras", "son", "sort", "stage", "rein", "tape"}  # fmt: skip
    for entry in ENTRIES:
        if entry.one_way:
            continue  # targets are only added to pages, never looked up
        for term in set(entry.english) & set(entry.terms):
            # An expression is recognised whole: "car wash" is no French.
            assert len(words(term)) > 1 or not set(words(term)) & french, (entry.line, term)


def test_no_term_relies_on_a_word_the_analysis_drops():
    """ "thé" folds to "the", an English stop word: "thé vert" would be "vert" alone and
    give green lentils the tea shop's words."""
    for entry in ENTRIES:
        for term in entry.terms + entry.targets:
            for word in term.lower().replace("-", " ").split():
                folded = words(word)
                dropped = len(word) > 2 and not word.isascii() and set(folded) <= STOP_WORDS
                assert not dropped, (entry.line, term)


def test_every_trade_of_the_demo_and_of_imports_has_words_in_both_languages():
    trades = [child for *_parent, children in CATEGORIES for child in children]
    for _key, french, english, *_rest in trades:
        assert expansion(french), french
        assert expansion(english), english
    for name in IMPORTED_CATEGORIES:
        assert expansion(name), name


@pytest.mark.parametrize(
    ("text", "found_by"),
    [
        ("Boucherie de la place", ["viande", "meat", "butcher"]),
        ("Le Barbier de la Roche", ["barbe", "beard", "barber"]),
        ("Opticien", ["lentilles de contact", "lunettes", "glasses", "contact lenses"]),
        ("Miel de lavande et nougats", ["honey"]),
        ("Poissons frais de criée", ["fish"]),
        ("Jouets en bois", ["toys", "toy"]),
        ("Cycles", ["vélo", "bike", "bicyclette"]),
        ("Caviste", ["vin", "wine", "wine shop"]),
        ("Cordonnerie", ["cordonnier", "shoe repair"]),
        ("Boulangeries du quartier", ["bakery", "bakeries", "bread", "pain"]),
        ("Pharmacie", ["pharmacy", "chemist"]),
        ("Réparation de smartphones", ["telephone", "phone repair"]),
    ],
)
def test_pages_are_found_by_the_words_their_text_stands_for(text, found_by):
    added = expansion(text)
    for word in found_by:
        assert set(index_terms(word)) <= added | set(index_terms(text)), (text, word)


def test_one_way_rules_do_not_go_back():
    # A page about meat is not a butcher's; a page about picodon is not every cheese.
    assert not expansion("viande") & set(index_terms("boucherie"))
    assert not expansion("fromage") & set(index_terms("picodon"))
    assert set(index_terms("fromage")) <= expansion("picodon")


def test_expressions_are_recognised_whole():
    text = "Lentilles de contact souples"
    assert set(index_terms("contact lenses")) <= expansion(text) | set(index_terms(text))
    # "lentilles" alone are lentils, not contact lenses.
    assert not set(index_terms("contact lenses")) & expansion("Lentilles vertes du Puy")


def test_words_the_page_says_are_not_repeated():
    assert "boulangerie" not in VOCABULARY.expand("Boulangerie").split()


def test_english_plurals_are_added():
    assert english_plurals("bakery") == ("bakery", "bakeries")
    assert english_plurals("bike shop") == ("bike shop", "bike shops")
    assert english_plurals("toys") == ("toys",)
    assert english_plurals("key") == ("key", "keys")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("pressing", "un seul mot"),
        ("a, b => ", "rien après"),
        ("a | b | c", "un seul « | »"),
        ("a => b => c", "un seul « => »"),
    ],
)
def test_bad_lines_are_refused_with_their_number(line, message):
    with pytest.raises(VocabularyError, match=message):
        parse(f"# comment\n\n{line}")
    with pytest.raises(VocabularyError, match="ligne 3"):
        parse(f"# comment\n\n{line}")


def test_comments_and_blank_lines_are_skipped():
    assert parse_line("# pressing, teinturerie") is None
    assert parse_line("   ") is None
    entry = parse_line("pressing, teinturerie | dry cleaner")
    assert entry.terms == ("pressing", "teinturerie", "dry cleaner")
    assert entry.english == ("dry cleaner",)
    assert not entry.one_way
