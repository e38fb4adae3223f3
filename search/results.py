"""Search hits turned into what visitors see: title, link, type, snippet, commune...

One query per page type among the hits (plus their categories and topics), whatever
the number of results.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from search.analysis import fold, stem
from search.documents import KIND_INTERVIEW, KIND_MERCHANT, KIND_NEWS

KIND_LABELS = {
    KIND_MERCHANT: _("Commerce"),
    KIND_NEWS: _("Actualité"),
    KIND_INTERVIEW: _("Entretien"),
}
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
    promoted: bool = False
    snippet: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, "")

    def as_json(self):
        data = {
            "type": self.kind,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "commune": self.commune,
            "categories": self.categories,
        }
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
    from merchants.models import MerchantPage
    from news.models import ArticlePage

    ids = [page_id for page_id, _score in hits]
    if not ids:
        return []
    language = scope.locale.language_code
    pages = {}
    merchants = (
        MerchantPage.objects.filter(pk__in=ids)
        .select_related("commune", "locale")
        .prefetch_related("categories")
    )
    for merchant in merchants:
        names = [
            categories_by_key.get(str(category.translation_key), category).name
            for category in merchant.categories.all()
        ]
        pages[merchant.pk] = SearchResult(
            kind=KIND_MERCHANT,
            title=merchant.title,
            url=merchant.get_url(request),
            summary=merchant.description or merchant.listing_summary,
            commune=merchant.commune.name,
            categories=names,
            language=_other_language(merchant, language),
            status=merchant.status(now),
            services=merchant.services,
        )
    articles = (
        ArticlePage.objects.filter(pk__in=ids).select_related("locale").prefetch_related("topics")
    )
    for article in articles:
        topics = article.localized_topics(_topics_by_key(scope))
        pages[article.pk] = SearchResult(
            kind=KIND_INTERVIEW if article.is_interview else KIND_NEWS,
            title=article.title,
            url=article.get_url(request),
            summary=article.listing_text,
            categories=[topic.name for topic in topics],
            language=_other_language(article, language),
            date=article.published_at,
        )
    results = [pages[page_id] for page_id in ids if page_id in pages]
    for result in results:
        result.snippet = snippet(result.summary, query_words)
    return results


def _other_language(page, language):
    code = page.locale.language_code
    return code if code != language else None


def _topics_by_key(scope):
    cache = getattr(scope, "_topics_by_key", None)
    if cache is None:
        from news.models import Topic

        cache = {t.translation_key: t for t in Topic.objects.filter(locale=scope.locale)}
        scope._topics_by_key = cache
    return cache
