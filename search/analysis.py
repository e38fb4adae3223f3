"""French text analysis done in Python, for the engines that cannot do it themselves.

SQLite's FTS5 only folds accents; it has no stemmer. So the SQLite backend stores
*analysed* text (folded, stop words removed, Snowball-stemmed) and analyses queries
with the very same function: whatever the analysis does, indexing and querying agree.

PostgreSQL (``site_french`` configuration: unaccent + french_stem) and OpenSearch
(the ``site_french`` analyzer) do the equivalent inside the engine. This module is
still used there for what happens before the engine: splitting a query into terms,
dropping stop words, spotting commune names and "ouvert dimanche".
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Longest query kept; the rest of a pasted paragraph is ignored (and never reaches SQL).
MAX_QUERY_LENGTH = 200
# More terms than this are dropped: each one adds work for the engine, none adds meaning.
MAX_TERMS = 10
MAX_TERM_LENGTH = 40

# Articles, prepositions, pronouns... in French and English. Removed on both sides so
# that "click and collect" and "épicerie de Tournon" score on the words that matter.
STOP_WORDS = frozenset(
    """
    a au aux avec ce ces cet cette chez dans de des du elle en et est il ils je la le les
    leur leurs lui ma mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses
    son sont sur ta te tes toi ton tu un une vos votre vous y l d j m n s t c
    an and are as at be by for from in is it of on or the to with
    """.split()
)

# How residents and visitors phrase a search rather than what they look for: "où
# acheter du miel", "je cherche un fleuriste à Tournon", "where can I buy honey near
# Tain". Dropped from queries (pages keep them), unless the query says nothing else.
QUERY_FILLERS = frozenset(
    """
    acheter achete achetes achat trouver trouve trouves cherche cherches chercher cherchons
    recherche recherchons veux voudrais voudrait voulons aimerais aimerait souhaite
    souhaiterais besoin faut peut peux pouvez puis faire comment quel quelle quels quelles
    combien quoi svp stp merci bonjour plait pres proche proches proximite autour environs
    alentours bon bonne bons bonnes meilleur meilleure meilleurs meilleures
    where near nearby close closest around buy buying find finding get looking look need
    want can could would i me my we some any what which how best good please there
    """.split()
)
# Words that say "a shop" without saying which, or how good it is: required while
# something has them all, dropped before any other word when nothing does ("boutique
# de vélos" finds bike shops that never call themselves a boutique, "poisson frais" a
# fishmonger whose page never says "frais").
GENERIC_WORDS = frozenset(
    """
    magasin magasins boutique boutiques commerce commerces commercant commercants
    produit produits article articles vente shop shops store stores product products
    frais fraiche fraiches artisanal artisanale artisanaux artisanales local locale
    locaux locales qualite pas cher fresh homemade quality cheap
    """.split()
)

DAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# Weekdays in links (``?open_day=sunday``), whatever the page's language.
DAY_SLUGS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_TOKEN = re.compile(r"[0-9a-z]+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_stemmer = snowballstemmer.stemmer("french")


def clean_query(text):
    """A user's query made safe to handle: a string, no control characters, no null
    bytes, collapsed spaces, at most ``MAX_QUERY_LENGTH`` characters."""
    if not isinstance(text, str):
        return ""
    text = _CONTROL.sub(" ", text.replace("\x00", " "))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def _slow_fold(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Latin letters with accents, folded once: indexing folds every word of every page.
_FOLD = {
    code: _slow_fold(chr(code))
    for code in range(0xC0, 0x250)
    if _slow_fold(chr(code)) != chr(code) and _slow_fold(chr(code)).isascii()
}
_FOLD.update(_LIGATURES)


def fold(text):
    """Lower case, no accents, ligatures spelled out: "Œufs Épicés" → "oeufs epices"."""
    folded = (text or "").translate(_FOLD)
    if not folded.isascii():
        folded = _slow_fold(folded)
    return folded.casefold()


def words(text):
    """Folded words of ``text``; elided articles ("l'", "d'") fall out as one-letter
    words, which are stop words."""
    return _TOKEN.findall(fold(text))


@lru_cache(maxsize=200_000)
def stem(word):
    """The French Snowball stem of a folded word.

    Snowball keeps the final "s" after "o" ("vélos" stays "velos"), so that plural is
    removed first. Long "-erie" shop names also yield their root ("fromagerie" is
    indexed as "fromager" and, see ``index_terms``, "fromag" like "fromages").
    """
    if len(word) > 4 and word.endswith("os"):
        word = word[:-1]
    return _stemmer.stemWord(word)


def _derived_stems(word):
    # "fromagerie" → "fromage", "boulangerie" → "boulange", "crêperie" → "crêpe":
    # the shop is found by what it sells.
    if len(word) > 7 and word.endswith(("erie", "eries")):
        root = word[: word.rindex("erie")] + "e"
        return (stem(root),)
    return ()


def index_terms(text, derived=True):
    """The terms stored for ``text``: stems of its words, stop words left out; with
    ``derived``, also the roots of "-erie" names, which only SQLite stores."""
    terms = []
    for word in words(text):
        if word in STOP_WORDS or len(word) < 2 and not word.isdigit():
            continue
        terms.append(stem(word))
        if derived:
            terms.extend(_derived_stems(word))
    return terms


def index_text(text):
    """``index_terms`` as one space-separated string (what FTS5 stores)."""
    return " ".join(index_terms(text))


def prefix_text(text):
    """Folded words, unstemmed, for prefix matching ("boul" → "boulangerie")."""
    return " ".join(word for word in words(text) if len(word) > 1 or word.isdigit())


def query_words(text):
    """The meaningful words of a query, folded, in order, without repeats."""
    seen = []
    for word in words(clean_query(text)):
        word = word[:MAX_TERM_LENGTH]
        if word in STOP_WORDS or (len(word) < 2 and not word.isdigit()) or word in seen:
            continue
        seen.append(word)
    return seen[:MAX_TERMS]


def edit_distance(a, b, limit=2):
    """Damerau-Levenshtein distance between two short words, or ``limit + 1`` as soon as
    it is known to be larger than ``limit`` (typo tolerance only needs small ones)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous2 is not None
                and i > 1
                and j > 1
                and char_a == b[j - 2]
                and a[i - 2] == char_b
            ):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def typo_budget(word):
    """How many typos a word of this length may carry and still be corrected."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2
