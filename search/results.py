"""Search hits turned into what visitors see: title, link, type, snippet, commune...

Each kind builds its own results (``search.kinds``): one query per kind among the
hits (plus their categories and topics), whatever the number of results.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe

from search import kinds
from search.analysis import fold, stem

SNIPPET_WORDS = 32
_WORD = re.compile(r"\w+|\W+")


@dataclass
class SearchResult:
    kind: str
    title: str
    url: str
    summary: str
    commune: str = ""
    categories: list = field(default_factory=list)
    language: str | None = None  # set when the page is not in the visitor's language
    status: object = None  # merchants: open or closed now
    date: object = None  # news and interviews: publication date
    services: list = field(default_factory=list)
    price: str = ""  # offers: "3,50 € la pièce"
    seller: str = ""  # offers: the shop's name
    promoted: bool = False
    snippet: str = ""

    @property
    def kind_label(self):
        kind = kinds.get(self.kind)
        return kind.label if kind else ""

    def as_json(self):
        data = {
            "type": self.kind,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "commune": self.commune,
            "categories": self.categories,
        }
        if self.price:
            data["price"] = self.price
        if self.seller:
            data["seller"] = self.seller
        if self.promoted:
            data["promoted"] = True
        return data


def snippet(text, query_words, length=SNIPPET_WORDS):
    """``text`` shortened around the first word matching the query, matches in
    ``<mark>``. Returns safe HTML (the text itself is escaped)."""
    if not text:
        return ""
    stems = {stem(word) for word in query_words}
    pieces = _WORD.findall(text)
    word_positions = [i for i, piece in enumerate(pieces) if piece[0].isalnum()]
    matched = {
        i
        for i in word_positions
        if stem(fold(piece := pieces[i])) in stems or fold(piece) in stems
    }
    first = next((i for i in word_positions if i in matched), None)
    start = 0
    if first is not None:
        index = word_positions.index(first)
        start = word_positions[max(index - length // 3, 0)]
    kept, words_kept = [], 0
    for i in range(start, len(pieces)):
        if pieces[i][0].isalnum():
            if words_kept == length:
                break
            words_kept += 1
        escaped = html.escape(pieces[i])
        kept.append(f"<mark>{escaped}</mark>" if i in matched else escaped)
    out = "".join(kept).strip()
    if start > 0:
        out = "… " + out
    if words_kept == length and i < len(pieces) - 1:
        out += " …"
    return mark_safe(out)  # noqa: S308 - every piece was escaped above


def build_results(hits, scope, request, query_words, categories_by_key, now):
    """``SearchResult`` objects for ``hits`` (page ids, best first)."""
    ids = [page_id for page_id, _score in hits]
    if not ids:
        return []
    context = kinds.ResultContext(scope, request, categories_by_key, now)
    pages = {}
    # Kinds sharing a builder (news and interviews) are built by one call.
    builders = list(dict.fromkeys(kind.results for kind in kinds.all_kinds() if kind.results))
    for builder in builders:
        pages.update(builder(ids, context))
    results = [pages[page_id] for page_id in ids if page_id in pages]
    for result in results:
        result.snippet = snippet(result.summary, query_words)
    return results


def other_language(page, language):
    """The page's language when it is not ``language`` (a result shown in French on
    the English site), else None."""
    code = page.locale.language_code
    return code if code != language else None
