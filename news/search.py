"""How news and interviews appear in site search (registered from ``NewsConfig.ready()``)."""

from django.utils.translation import gettext_lazy as _

from home.locales import translations_by_key
from news.models import ArticlePage, InterviewPage, NewsPage, Topic
from search import kinds
from search.results import SearchResult, other_language

# Words that find every page of the kind, whatever its text says.
KIND_WORDS = {
    "news": "actualite actualites news",
    "interview": "entretien interview 3 questions",
}


def article_documents(builder):
    """``fill(document, article)`` for a batch being indexed: topics in every language,
    loaded in two queries."""
    links = ArticlePage.topics.through.objects.filter(
        articlepage_id__in=[obj.pk for obj in builder.objects]
    ).values_list("articlepage_id", "topic__translation_key")
    names = {}
    for topic in Topic.objects.all():
        names.setdefault(topic.translation_key, {})[builder.language(topic)] = topic.name
    per_article = {}
    for article_id, key in links:
        per_article.setdefault(article_id, []).append(names.get(key, {}))

    def fill(document, article):
        topics = per_article.get(article.pk, [])
        document.categories = " ".join(
            topic_names.get(document.language) or " ".join(topic_names.values())
            for topic_names in topics
        )
        document.keywords = KIND_WORDS[document.kind]
        document.suggest = article.title

    return fill


def article_results(ids, context):
    """``{page id: SearchResult}`` for the news and interviews among ``ids``."""
    language = context.scope.locale.language_code
    articles = list(
        ArticlePage.objects.filter(pk__in=ids).select_related("locale").prefetch_related("topics")
    )
    if not articles:
        return {}
    topics_by_key = translations_by_key(Topic.objects.filter(locale=context.scope.locale))
    results = {}
    for article in articles:
        results[article.pk] = SearchResult(
            kind="interview" if article.is_interview else "news",
            title=article.title,
            url=article.get_url(context.request),
            summary=article.listing_text,
            categories=[topic.name for topic in article.localized_topics(topics_by_key)],
            language=other_language(article, language),
            date=article.published_at,
        )
    return results


def register():
    for key, model, label, plural_label, order in (
        ("news", NewsPage, _("Actualité"), _("Actualités"), 20),
        ("interview", InterviewPage, _("Entretien"), _("Entretiens"), 30),
    ):
        kinds.register(
            kinds.SearchKind(
                key=key,
                model=model,
                label=label,
                plural_label=plural_label,
                documents=article_documents,
                results=article_results,
                # Residents who type "fromages" came for cheese shops before the news.
                rank_factor=0.7,
                order=order,
            )
        )
