"""From what a resident typed to what the engines look for: a ``QueryPlan``.

"restaurant ouvert dimanche" is not three words to find in a text: "ouvert dimanche"
means "open on Sunday" (a filter on the merchants' open periods, evaluated when the
search runs: the directory's ``open_on``), "ouvert maintenant" means the "open now"
filter, and "tain" names a commune, whose merchants come first. Everything else is a word that must
appear (stemmed, accents and case ignored) in a page's text; when no page has them
all, the engines relax the query (see ``QueryPlan.relaxations``).
"""

from dataclasses import dataclass

from search.analysis import (
    DAYS,
    GENERIC_WORDS,
    QUERY_FILLERS,
    STOP_WORDS,
    clean_query,
    query_words,
    words,
)

OPEN_WORDS = frozenset({"ouvert", "ouverte", "ouverts", "ouvertes", "open"})
NOW_WORDS = frozenset({"maintenant", "now", "aujourd", "hui", "today", "immediatement"})


@dataclass(frozen=True)
class Term:
    """One thing the query asks for: any of ``words`` (folded, unstemmed) will do."""

    words: tuple
    commune: bool = False  # the word names a commune (its merchants rank first)

    @property
    def generic(self):
        """ "magasin", "shop"...: dropped first when nothing has every word."""
        return not self.commune and all(word in GENERIC_WORDS for word in self.words)


@dataclass(frozen=True)
class QueryPlan:
    text: str
    terms: tuple = ()
    commune_ids: tuple = ()
    open_now: bool = False
    open_day: int | None = None  # "ouvert dimanche": 6 (Monday is 0)

    @property
    def is_empty(self):
        return not self.terms

    def relaxations(self):
        """``(terms, require_all)`` to try in turn until one finds something:
        every term; then without the commune names ("épicerie tournon" when Tournon has
        none: épiceries elsewhere); then without the generic words ("boutique vélo"),
        with and without the communes; then any term, the pages matching the most
        words and the rarest ones first (see the engines)."""
        steps = [(self.terms, True)]
        other = tuple(term for term in self.terms if not term.commune)
        specific = tuple(term for term in self.terms if not term.generic)
        candidates = [other, specific, tuple(term for term in other if not term.generic)]
        for terms in candidates:
            if terms and (terms, True) not in steps:
                steps.append((terms, True))
        if len(self.terms) > 1:
            steps.append((self.terms, False))
        return steps


def _commune_aliases(communes):
    """{word tuple: commune id}: the full name ("tain hermitage") and, when no other
    commune starts with it, its first word ("tain", "tournon")."""
    aliases, first_words = {}, {}
    for commune in communes:
        name = tuple(query_words(commune.name))
        if not name:
            continue
        aliases[name] = commune.pk
        first_words.setdefault(name[0], set()).add(commune.pk)
    for word, ids in first_words.items():
        if len(ids) == 1 and len(word) >= 4:
            aliases.setdefault((word,), next(iter(ids)))
    return aliases


def _find_communes(query, aliases):
    """Commune ids named in ``query`` (a list of words) and the positions they use."""
    found, used = [], set()
    for alias in sorted(aliases, key=len, reverse=True):
        size = len(alias)
        for start in range(len(query) - size + 1):
            span = set(range(start, start + size))
            if tuple(query[start : start + size]) == alias and not span & used:
                found.append(aliases[alias])
                used |= span
    return tuple(dict.fromkeys(found)), used


def plan_query(text, communes=()):
    """The plan for ``text``; ``communes`` are the Commune objects to recognise."""
    text = clean_query(text)
    query = query_words(text)
    # "je cherche un fleuriste" is "fleuriste"; "acheter" alone is still a search.
    query = [word for word in query if word not in QUERY_FILLERS] or query
    all_words = words(text)
    open_now = bool(OPEN_WORDS & set(all_words) and NOW_WORDS & set(all_words))
    terms, skip, open_day = [], set(), None
    for position, word in enumerate(query):
        if position in skip:
            continue
        following = query[position + 1] if position + 1 < len(query) else None
        if word in OPEN_WORDS and following in DAYS:
            open_day = DAYS[following]  # a filter, not words ("fermé le dimanche")
            skip.add(position + 1)
        elif word in OPEN_WORDS and (open_now or following is None and len(query) > 1):
            continue  # "ouvert maintenant" is a filter; a trailing "ouvert" adds nothing
        elif word in NOW_WORDS and open_now:
            continue
        else:
            terms.append(Term((word,)))
    commune_ids = ()
    if communes:
        plain = [term.words[0] if len(term.words) == 1 else "" for term in terms]
        commune_ids, used = _find_communes(plain, _commune_aliases(communes))
        terms = [
            Term(term.words, commune=True) if position in used else term
            for position, term in enumerate(terms)
        ]
    return QueryPlan(
        text=text,
        terms=tuple(terms),
        commune_ids=commune_ids,
        open_now=open_now,
        open_day=open_day,
    )


def _is_filler(token):
    return all(word in STOP_WORDS for word in words(token))


def text_without_filters(text, *, open_day=False, open_now=False):
    """``text`` without the words that asked for the open-day ("ouvert le dimanche")
    or open-now ("ouvert maintenant") filter: what the search box keeps when the
    visitor removes that filter, so that the query does not ask for it again."""
    tokens = clean_query(text).split()
    drop = set()
    for position, token in enumerate(tokens):
        if not set(words(token)) & OPEN_WORDS:
            continue
        following = position + 1
        while following < len(tokens) and _is_filler(tokens[following]):
            following += 1
        day = following < len(tokens) and set(words(tokens[following])) & set(DAYS)
        if day and open_day:
            drop.update(range(position, following + 1))
        elif not day and open_now:
            drop.add(position)
    if open_now:
        drop.update(
            position
            for position, token in enumerate(tokens)
            if words(token) and set(words(token)) <= NOW_WORDS
        )
    return " ".join(token for position, token in enumerate(tokens) if position not in drop)
