"""What the search engines store for each page: its text split by *role*.

Relevance needs to know that "Fromagerie" is a category and "Tournon-sur-Rhône" a
commune, so that a match in a merchant's name counts more than one in its category,
which counts more than one in its commune, then in its description. Models only list
their ``search_fields``; this module (the search app's knowledge, kept out of the
models) maps those fields to roles and adds what residents type but profiles do not
say: service names and the commerce vocabulary (``search.vocabulary``). When a
merchant opens is not indexed: "ouvert dimanche" is answered from the open periods when
the search runs
(``merchants.open_periods.filter_open_on``), so the index never goes stale with the week.

Every backend indexes the same ``SearchDocument``; a ``DocumentBuilder`` loads what a
batch of objects needs in a fixed number of queries (the index is rebuilt in chunks
of a thousand pages). What a page type adds beyond its ``search_fields`` (categories
in every language, its commune, services) comes from its kind (``search.kinds``),
registered by the app that owns it.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail.search import index

from search import directory, kinds, vocabulary
from search.synonyms import SERVICE_WORDS

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
    # Set by a kind's filler; search adds the words residents use for them (synonyms,
    # the other languages' names, the parent category, the service's name).
    category_names: list = field(default_factory=list)  # [({language: name}, {language: parent})]

    def role_texts(self):
        return {role: getattr(self, role) for role in ROLES}


def page_kind(model):
    """The kind's key ("merchant", "news"...) or "" for what site search does not list."""
    return kinds.key_for_model(model)


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
        self._fillers = {}
        self._vocabulary = None

    @property
    def vocabulary(self):
        """The commerce vocabulary in force, read once per batch."""
        if self._vocabulary is None:
            self._vocabulary = vocabulary.current()
        return self._vocabulary

    def language(self, obj):
        if self._locales is None:
            self._locales = dict(Locale.objects.values_list("pk", "language_code"))
        return self._locales.get(getattr(obj, "locale_id", None), "")

    def build(self, obj):
        kind = kinds.for_model(type(obj))
        document = SearchDocument(kind=kind.key if kind else "", language=self.language(obj))
        self._fill_from_search_fields(document, obj)
        if kind is None:
            return document
        if kind.documents is not None:
            if kind.key not in self._fillers:
                self._fillers[kind.key] = kind.documents(self)
            self._fillers[kind.key](document, obj)
        self._add_words(document)
        return document

    def _fill_from_search_fields(self, document, obj):
        texts = {role: [] for role in ROLES}
        suggest = []
        for search_field in type(obj).get_search_fields():
            if isinstance(search_field, index.RelatedFields):
                name = search_field.field_name
                if name in CATEGORY_RELATIONS | COMMUNE_RELATIONS and hasattr(obj, "url_path"):
                    continue  # pages: their kind loads them in batch, in every language
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

    def _add_words(self, document):
        """The words residents type for a page, which its own text may not say: the
        names of its categories in other languages ("bakery" finds an untranslated
        boulangerie), their parent, the commerce vocabulary's equivalents of every word
        of its text ("viande" finds a butcher, "honey" a French "miel"), the services'
        names. Whatever the kind: every page type's text goes through the vocabulary."""
        language = document.language
        words = []
        for names, parent_names in document.category_names:
            words.extend(
                variant
                for variant_language, variant in names.items()
                if variant_language != language
            )
            words.append(parent_names.get(language) or " ".join(parent_names.values()))
        # What the categories stand for weighs as a category ("Chaussures" is a shoe
        # shop); what the rest of the text stands for, as keywords (a cobbler that
        # mends "chaussures" is no shoe shop).
        category_text = " ".join((document.categories, *words))
        category_words = self.vocabulary.expand(category_text)
        if category_words:
            document.categories = f"{document.categories} {category_words}".strip()
        own_text = " ".join((document.name, document.summary, document.body))
        # Not repeated where they weigh more already (the name, the categories); a
        # word of the description the vocabulary stands for counts as a keyword.
        known = " ".join((document.name, category_text, category_words))
        words.append(self.vocabulary.expand(f"{own_text} {category_text}", known=known))
        document.keywords = " ".join(word for word in [*words, document.keywords] if word)
        places = directory.get()
        if places is not None and document.services:
            # Weighed as the body: a service says how a shop sells, not what, and its
            # label ("Conseil par téléphone") must not make a garage a phone shop.
            services = []
            with translation.override(language or None):
                for code in document.services:
                    services.append(places.service_label(code))
                    services.append(SERVICE_WORDS.get(code, ""))
            document.body = " ".join(text for text in [document.body, *services] if text)


def build_documents(objects):
    """``[(object, SearchDocument)]`` for a batch of objects of one model."""
    builder = DocumentBuilder(objects)
    return [(obj, builder.build(obj)) for obj in builder.objects]
