"""The commerce vocabulary: the words residents and visitors use for what pages say
otherwise, applied word by word to every indexed page's text.

Two sources, one format (see ``data/vocabulary.txt``): the curated list shipped with
the site, and the communications team's ``SearchSynonym`` snippets. A line is either
a group of equivalents ("boulangerie, boulanger | bakery, baker": a page that uses one
is found by all the others) or a one-way rule ("boucherie | butcher => viande | meat":
a page that says "boucherie", or one of its equivalents, is also found by "viande").

The vocabulary is applied when a page is indexed, never to queries: each word and
expression of the page's text is looked up (analysed like the index analyses it, so
"Boulangeries", "boulangerie" and "BOULANGERIE" are one), and the words it stands for
are added to the page's search document. The three backends index the same words, so
an English visitor typing "honey" finds the French "Miel de lavande" on SQLite,
PostgreSQL and OpenSearch alike, and a query costs nothing more.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from search.analysis import index_terms, words

DATA = Path(__file__).resolve().parent / "data" / "vocabulary.txt"
MAX_PHRASE_WORDS = 5
_SEPARATOR = re.compile(r"\s*,\s*")


class VocabularyError(ValueError):
    """A line of the vocabulary cannot be read (its number and why)."""


@dataclass(frozen=True)
class Entry:
    """One line: equivalents (``targets`` empty), or a one-way rule."""

    terms: tuple  # as written, French then English
    targets: tuple = ()
    english: tuple = ()  # the English part of ``terms`` and ``targets`` (tests, plurals)
    line: int = 0

    @property
    def one_way(self):
        return bool(self.targets)


def english_plurals(term):
    """``term`` and its regular English plural ("bakery" → "bakeries", "bike" →
    "bikes"): English words are stemmed with the French stemmer, which knows neither."""
    head, _space, last = term.rpartition(" ")
    if not last.isalpha() or last.endswith("s"):
        return (term,)
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("ch", "sh", "x", "z")):
        plural = last + "es"
    else:
        plural = last + "s"
    return (term, f"{head} {plural}".strip())


def _side(text, line):
    french, _bar, english = text.partition("|")
    french_terms = [term for term in _SEPARATOR.split(french.strip()) if term]
    english_terms = [term for term in _SEPARATOR.split(english.strip()) if term]
    if "|" in english:
        raise VocabularyError(f"ligne {line} : un seul « | » par côté")
    return tuple(french_terms), tuple(english_terms)


def parse_line(text, line=0):
    """The ``Entry`` of one line, or None for a blank or comment line."""
    text = text.strip()
    if not text or text.startswith("#"):
        return None
    left, arrow, right = text.partition("=>")
    if "=>" in right:
        raise VocabularyError(f"ligne {line} : un seul « => » par ligne")
    french, english = _side(left, line)
    terms = french + english
    targets, target_english = (), ()
    if arrow:
        target_french, target_english = _side(right, line)
        targets = target_french + target_english
        if not targets:
            raise VocabularyError(f"ligne {line} : rien après « => »")
    if not terms:
        raise VocabularyError(f"ligne {line} : aucun mot")
    if not arrow and len(terms) < 2:
        raise VocabularyError(f"ligne {line} : un seul mot, sans équivalent")
    return Entry(terms=terms, targets=targets, english=english + target_english, line=line)


def parse(text):
    """The entries of a vocabulary text; ``VocabularyError`` names the first bad line."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = parse_line(line, number)
        if entry is not None:
            entries.append(entry)
    return entries


def analysed(term):
    """A term as the index sees it: the tuple of its index terms ("Lentilles de
    contact" → ("lentill", "contact")); empty for a term made of stop words."""
    return tuple(index_terms(term))[:MAX_PHRASE_WORDS]


@dataclass
class Vocabulary:
    """Entries compiled for lookups: {analysed phrase: concept}, and for each concept
    the words a page gets when it uses one of its terms."""

    concepts: dict = field(default_factory=dict)  # analysed term → concept number
    words: dict = field(default_factory=dict)  # concept number → [words added]
    longest: int = 1

    @classmethod
    def from_entries(cls, entries):
        vocabulary = cls()
        next_concept = 0

        def concept_of(key):
            nonlocal next_concept
            if key not in vocabulary.concepts:
                vocabulary.concepts[key] = next_concept
                vocabulary.words[next_concept] = []
                next_concept += 1
            return vocabulary.concepts[key]

        def spelled(entry, terms):
            english = set(entry.english)
            for term in terms:
                yield from english_plurals(term) if term in english else (term,)

        # Equivalents first, so that a one-way rule attaches to the whole group.
        for entry in sorted(entries, key=lambda entry: entry.one_way):
            keys = [key for key in map(analysed, entry.terms) if key]
            if not keys:
                continue
            if entry.one_way:
                added = list(spelled(entry, entry.targets))
                for key in dict.fromkeys(keys):
                    vocabulary.words[concept_of(key)].extend(added)
                continue
            known = [vocabulary.concepts[key] for key in keys if key in vocabulary.concepts]
            concept = known[0] if known else concept_of(keys[0])
            for key in keys:
                # A term already in another group keeps it (the curated list, read
                # first, wins over a snippet that repeats one of its words).
                vocabulary.concepts.setdefault(key, concept)
            vocabulary.words[concept].extend(spelled(entry, entry.terms))
        vocabulary.longest = max((len(key) for key in vocabulary.concepts), default=1)
        return vocabulary

    def surface_words(self):
        """{folded word: how many expressions use it}: the words the vocabulary knows,
        as typed (for "Vouliez-vous dire …")."""
        if not hasattr(self, "_surface"):
            self._surface = Counter(
                word
                for expressions in self.words.values()
                for expression in expressions
                for word in words(expression)
                if len(word) > 2
            )
        return self._surface

    def concepts_in(self, text):
        """The concepts whose terms ``text`` uses, in order of first use. The longest
        expression wins and its words are not read again alone: "pain d'épices" is
        gingerbread, not bread; "nettoyage à sec" is a dry cleaner's, not cleaning."""
        terms = index_terms(text)
        found = {}
        start = 0
        while start < len(terms):
            for size in range(min(self.longest, len(terms) - start), 0, -1):
                concept = self.concepts.get(tuple(terms[start : start + size]))
                if concept is not None:
                    found.setdefault(concept, None)
                    start += size
                    break
            else:
                start += 1
        return list(found)

    def expand(self, text, known=None):
        """The words ``text`` stands for, beyond its own: what is added to a page's
        search document. Each index term once, and none the page already has where
        they are added (``known``, by default ``text`` itself): a page is found by
        "shoe" whether its vocabulary says it once or in four expressions, so one trade
        does not outweigh another by the number of its synonyms."""
        # Without the roots SQLite derives ("fromagerie" → "fromag"): PostgreSQL and
        # OpenSearch stem "fromagerie" as "fromager" only, so a cheese shop's category
        # still gets "fromage" and ranks above a farm shop whose text merely says it.
        seen = set(index_terms(text if known is None else known, derived=False))
        added = []
        for concept in self.concepts_in(text):
            for expression in self.words[concept]:
                for word in expression.split():
                    terms = set(index_terms(word, derived=False))
                    if terms and not terms <= seen:
                        seen |= terms
                        added.append(word)
        return " ".join(added)


@lru_cache(maxsize=1)
def curated_entries():
    """The entries of the curated list shipped with the site (read once)."""
    return tuple(parse(DATA.read_text(encoding="utf-8")))


@lru_cache(maxsize=8)
def _compiled(team_lines):
    entries = list(curated_entries())
    for line in team_lines:
        try:
            entry = parse_line(line)
        except VocabularyError:
            continue  # validated when saved; an old row that no longer parses is skipped
        if entry is not None:
            entries.append(entry)
    return Vocabulary.from_entries(entries)


def current():
    """The vocabulary in force: the curated list and the team's synonyms.

    Reads the team's synonyms (a small table) each time: called once per batch of
    pages being indexed, so every process sees a change at once, and compiling is
    cached per distinct content."""
    # search.models imports this module (to validate what the team types): the
    # model is imported when first needed, not at import time.
    from search.models import SearchSynonym

    return _compiled(SearchSynonym.vocabulary_lines())
