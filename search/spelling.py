""" "Vouliez-vous dire …": a corrected query for one that finds nothing or little.

Each word of the query that the site's vocabulary does not know is replaced by the
closest word it knows, within the typo budget of its length (``analysis.typo_budget``):
the words of the commerce vocabulary (curated and the team's), and the names of the
directory's categories and communes. The correction is offered only if it finds more.
"""

from collections import Counter

from search.analysis import edit_distance, fold, typo_budget, words
from search.vocabulary import current

FEW_RESULTS = 3


def lexicon(reference):
    """{folded word: weight} of the words the site knows."""
    known = Counter(current().surface_words())
    for category in reference.categories:
        known.update(words(category.name))
    for commune in reference.communes:
        known.update(words(commune.name))
    return known


def corrected(plan, known):
    """The query with each unknown word replaced by its closest known word, or ""
    when there is nothing to correct."""
    changed, result = False, []
    for term in plan.terms:
        word = term.words[0]
        budget = typo_budget(word)
        if term.commune or word in known or not budget:
            result.append(word)
            continue
        candidates = []
        for candidate, weight in known.items():
            if abs(len(candidate) - len(word)) <= budget:
                distance = edit_distance(word, candidate, budget)
                if distance <= budget:
                    candidates.append((distance, candidate[:1] != word[:1], -weight, candidate))
        if candidates:
            result.append(min(candidates)[-1])
            changed = True
        else:
            result.append(word)
    return " ".join(result) if changed else ""


def suggestion(plan, total, reference, search, typos=False):
    """The corrected query to offer, or "": for a query that found fewer than
    ``FEW_RESULTS`` results, or whose results the engine found only by tolerating
    typos (``typos``), and only if the correction finds more, or as much for the
    latter (``search(text)`` returns the number of results of ``text``)."""
    if plan.is_empty or (total >= FEW_RESULTS and not typos):
        return ""
    text = corrected(plan, lexicon(reference))
    if not text or fold(text) == fold(plan.text):
        return ""
    found = search(text)
    return text if found > total or (typos and found and found >= total) else ""
