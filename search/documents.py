"""What the search engines store for each page: its text split by *role*.

Relevance needs to know that "Fromagerie" is a category and "Tournon-sur-Rhône" a
commune, so that a match in a merchant's name counts more than one in its category,
which counts more than one in its commune, then in its description. Models only list
their ``search_fields``; this module (the search app's knowledge, kept out of the
models) maps those fields to roles and adds what residents type but profiles do not
say: service names and synonyms of categories. When a merchant opens is not indexed:
"ouvert dimanche" is answered from the open periods when the search runs
(``search.opening_days``), so the index never goes stale with the week.

Every backend indexes the same ``SearchDocument``; a ``DocumentBuilder`` loads what a
batch of objects needs in a fixed number of queries (the index is rebuilt in chunks
of a thousand pages).
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail.search import index

from search.analysis import fold
from search.synonyms import CATEGORY_WORDS, SERVICE_WORDS

# Relative weight of each role, best first: used as bm25 column weights (SQLite),
# tsvector weights A-D (PostgreSQL) and field boosts (OpenSearch).
ROLES = ("name", "categories", "commune", "keywords", "summary", "body")
ROLE_WEIGHTS = {
    "name": 10.0,
    "categories": 6.0,
    "commune": 4.0,
    "keywords": 3.0,
    "summary": 1.5,
    "body": 1.0,
}
NAME_FIELDS = {"title", "name"}
SUMMARY_FIELDS = {"listing_summary", "search_description", "description", "lead", "intro"}
CATEGORY_RELATIONS = {"categories", "topics"}
COMMUNE_RELATIONS = {"commune"}

KIND_MERCHANT, KIND_NEWS, KIND_INTERVIEW = "merchant", "news", "interview"
KINDS = (KIND_MERCHANT, KIND_NEWS, KIND_INTERVIEW)


@dataclass
class SearchDocument:
    """One page (or other indexed object) as the search engines see it."""

    kind: str = ""
    language: str = ""
    name: str = ""
    categories: str = ""
    commune: str = ""
    keywords: str = ""
    summary: str = ""
    body: str = ""
    suggest: str = ""
    # Filters, for the engines that cannot join database tables (OpenSearch).
    category_keys: list = field(default_factory=list)
    commune_id: int | None = None
    services: list = field(default_factory=list)

    def role_texts(self):
        return {role: getattr(self, role) for role in ROLES}


def page_kind(model):
    """ "merchant", "news", "interview" or "" for what site search does not list."""
    from merchants.models import MerchantPage
    from news.models import InterviewPage, NewsPage

    if issubclass(model, MerchantPage):
        return KIND_MERCHANT
    if issubclass(model, InterviewPage):
        return KIND_INTERVIEW
    if issubclass(model, NewsPage):
        return KIND_NEWS
    return ""


def _text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    # Rich text and StreamField values arrive as HTML.
    return strip_tags(force_str(value))


class DocumentBuilder:
    """Builds ``SearchDocument`` objects for a batch of objects of one model."""

    def __init__(self, objects):
        self.objects = list(objects)
        self._locales = None
        self._merchant_categories = None
        self._article_topics = None

    def language(self, obj):
        if self._locales is None:
            self._locales = dict(Locale.objects.values_list("pk", "language_code"))
        return self._locales.get(getattr(obj, "locale_id", None), "")

    def build(self, obj):
        from merchants.models import MerchantPage
        from news.models import ArticlePage

        document = SearchDocument(kind=page_kind(type(obj)), language=self.language(obj))
        self._fill_from_search_fields(document, obj)
        if isinstance(obj, MerchantPage):
            self._add_merchant(document, obj)
        elif isinstance(obj, ArticlePage):
            self._add_article(document, obj)
        return document

    def _fill_from_search_fields(self, document, obj):
        texts = {role: [] for role in ROLES}
        suggest = []
        for search_field in type(obj).get_search_fields():
            if isinstance(search_field, index.RelatedFields):
                name = search_field.field_name
                if name in CATEGORY_RELATIONS | COMMUNE_RELATIONS and hasattr(obj, "url_path"):
                    continue  # pages: loaded in batch and localised below
                role = "categories" if name in CATEGORY_RELATIONS else "body"
                role = "commune" if name in COMMUNE_RELATIONS else role
                texts[role].append(self._related_text(search_field, obj))
            elif isinstance(search_field, index.AutocompleteField):
                suggest.append(_text(search_field.get_value(obj)))
            elif isinstance(search_field, index.SearchField):
                name = search_field.field_name
                role = "name" if name in NAME_FIELDS else "body"
                role = "summary" if name in SUMMARY_FIELDS else role
                texts[role].append(_text(search_field.get_value(obj)))
        for role, values in texts.items():
            setattr(document, role, " ".join(value for value in values if value))
        document.suggest = " ".join(dict.fromkeys(value for value in suggest if value))

    def _related_text(self, search_field, obj):
        value = search_field.get_value(obj)
        if value is None:
            return ""
        related = value.all() if isinstance(value, models.Manager) else [value]
        return " ".join(
            _text(sub_field.get_value(item))
            for item in related
            for sub_field in search_field.fields
            if isinstance(sub_field, index.SearchField)
        )

    # Merchants -------------------------------------------------------------------

    def _load_merchant_categories(self):
        """{merchant id: [(translation key, {language: name}, parent names)]}."""
        from merchants.models import Category, MerchantPage

        links = MerchantPage.categories.through.objects.filter(
            merchantpage_id__in=[obj.pk for obj in self.objects]
        ).values_list("merchantpage_id", "category_id")
        categories = {category.pk: category for category in Category.objects.all()}
        names = {}
        for category in categories.values():
            names.setdefault(category.translation_key, {})[self.language(category)] = category.name
        per_merchant = {}
        for merchant_id, category_id in links:
            category = categories[category_id]
            parent = categories.get(category.parent_id)
            per_merchant.setdefault(merchant_id, []).append(
                (
                    category.translation_key,
                    names[category.translation_key],
                    names[parent.translation_key] if parent else {},
                )
            )
        return per_merchant

    def _add_merchant(self, document, merchant):
        if self._merchant_categories is None:
            self._merchant_categories = self._load_merchant_categories()
        language = document.language
        category_names, keywords = [], []
        for key, names, parent_names in self._merchant_categories.get(merchant.pk, []):
            name = names.get(language) or next(iter(names.values()))
            category_names.append(name)
            document.category_keys.append(str(key))
            for variant_language, variant in names.items():
                keywords.append(CATEGORY_WORDS.get(fold(variant), ""))
                if variant_language != language:
                    keywords.append(variant)  # "bakery" finds an untranslated boulangerie
            keywords.append(parent_names.get(language) or " ".join(parent_names.values()))
        commune = merchant.commune
        document.categories = " ".join(category_names)
        document.commune = f"{commune.name} {commune.postcodes.replace(',', ' ')}"
        document.commune_id = merchant.commune_id
        document.services = [service.value for service in merchant.services]
        with translation.override(language or None):
            for service in merchant.services:
                keywords.append(str(service.label))
                keywords.append(SERVICE_WORDS.get(service.value, ""))
        document.keywords = " ".join(word for word in keywords if word)
        document.suggest = merchant.title

    # News and interviews ---------------------------------------------------------

    def _load_article_topics(self):
        from news.models import ArticlePage, Topic

        links = ArticlePage.topics.through.objects.filter(
            articlepage_id__in=[obj.pk for obj in self.objects]
        ).values_list("articlepage_id", "topic__translation_key")
        names = {}
        for topic in Topic.objects.all():
            names.setdefault(topic.translation_key, {})[self.language(topic)] = topic.name
        per_article = {}
        for article_id, key in links:
            per_article.setdefault(article_id, []).append(names.get(key, {}))
        return per_article

    def _add_article(self, document, article):
        if self._article_topics is None:
            self._article_topics = self._load_article_topics()
        topics = self._article_topics.get(article.pk, [])
        document.categories = " ".join(
            names.get(document.language) or " ".join(names.values()) for names in topics
        )
        if document.kind == KIND_INTERVIEW:
            document.keywords = "entretien interview 3 questions"
        else:
            document.keywords = "actualite actualites news"
        document.suggest = article.title


def build_documents(objects):
    """``[(object, SearchDocument)]`` for a batch of objects of one model."""
    builder = DocumentBuilder(objects)
    return [(obj, builder.build(obj)) for obj in builder.objects]
