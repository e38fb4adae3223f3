from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock, CallToActionBlock
from home.locales import active_locale, in_locale, translations_by_key
from home.models import BasePage
from home.pagination import page_of, pagination
from home.params import positive_int
from news.blocks import FootnoteBlock, InterviewBodyBlock
from news.feeds import NewsAtomFeed, NewsRssFeed

from .structured_data import article_structured_data
from .topics import Topic

ARTICLE_TYPES = ["news.NewsPage", "news.InterviewPage"]


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news listing: newest first, filtered by topic (its own URL) and by year."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    items_per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ARTICLE_TYPES

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("liste des actualités")
        verbose_name_plural = _("listes des actualités")

    def articles(self, topic=None):
        """Live public articles of this listing, newest first, ready for a listing."""
        articles = ArticlePage.objects.child_of(self).live().public()
        if topic is not None:
            articles = articles.filter(topics__translation_key=topic.translation_key)
        return articles.order_by("-publication_date", "-pk")

    def topics(self):
        """Topics in this listing's language (articles point at the French ones)."""
        return Topic.objects.filter(locale_id=self.locale_id)

    def topic_or_404(self, slug):
        topic = self.topics().filter(slug=slug).first()
        if topic is None:
            raise Http404(_("Ce thème n'existe pas."))
        return topic

    def get_cached_paths(self):
        """The listing and its routes, purged together (``home.caching``): the feeds
        and each topic's page and feeds."""
        paths = ["/", "rss/", "atom/"]
        for topic in self.topics():
            paths += [
                f"theme/{topic.slug}/",
                f"theme/{topic.slug}/rss/",
                f"theme/{topic.slug}/atom/",
            ]
        return paths

    @path("")
    def listing(self, request):
        return self._listing(request, topic=None)

    @path("theme/<slug:topic_slug>/")
    def topic_listing(self, request, topic_slug):
        return self._listing(request, topic=self.topic_or_404(topic_slug))

    def _listing(self, request, topic):
        articles = self.articles(topic)
        years = [
            moment.year
            for moment in articles.order_by().datetimes("publication_date", "year", "DESC")
        ]
        year = positive_int(request.GET.get("annee"), maximum=9999)
        year = year if year in years else None
        if year is not None:
            articles = articles.filter(publication_date__year=year)

        paginator = Paginator(
            articles.select_related("main_image").prefetch_related(
                "topics", "main_image__renditions"
            ),
            self.items_per_page,
        )
        page_of_articles, page_notice = page_of(paginator, request.GET.get("page"))

        topics = list(self.topics())
        if topic is not None:
            rss_url = self.url + self.reverse_subpage("topic_rss", args=[topic.slug])
            atom_url = self.url + self.reverse_subpage("topic_atom", args=[topic.slug])
            feed_title = f"{self.title} — {topic.name}"
        else:
            rss_url = self.url + self.reverse_subpage("rss")
            atom_url = self.url + self.reverse_subpage("atom")
            feed_title = self.title
        return self.render(
            request,
            context_overrides={
                "articles": page_of_articles,
                # Each year, topic and page of the listing is its own canonical page.
                "canonical_params": [
                    ("annee", year),
                    ("page", page_of_articles.number if page_of_articles.number > 1 else None),
                ],
                "page_notice": page_notice,
                "pagination": pagination(page_of_articles, partial(_page_url, request)),
                "topics": topics,
                "topics_by_key": translations_by_key(topics),
                "current_topic": topic,
                "years": years,
                "current_year": year,
                "rss_url": rss_url,
                "atom_url": atom_url,
                "feed_title": feed_title,
            },
        )

    @path("rss/", name="rss")
    def rss(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed(self)(request)

    @path("theme/<slug:topic_slug>/rss/")
    def topic_rss(self, request, topic_slug):
        return NewsRssFeed(self, self.topic_or_404(topic_slug))(request)

    @path("theme/<slug:topic_slug>/atom/")
    def topic_atom(self, request, topic_slug):
        return NewsAtomFeed(self, self.topic_or_404(topic_slug))(request)


class ArticlePage(BasePage):
    """What news articles and interviews share: date, lead, image, topics, related items.

    A concrete parent table so that a listing can sort both types by publication
    date in one query.
    """

    publication_date = models.DateTimeField(
        _("date de publication"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Laissez vide pour utiliser la date de la première publication."),
    )
    lead = models.TextField(_("chapô"), max_length=600)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("texte alternatif de l'image principale"),
        max_length=255,
        blank=True,
        help_text=_("Décrivez l'image pour les personnes qui ne la voient pas."),
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("thèmes"), blank=True)
    related_articles = StreamField(
        [("article", blocks.PageChooserBlock(label=_("Article"), page_type=ARTICLE_TYPES))],
        verbose_name=_("à lire aussi"),
        blank=True,
        max_num=4,
    )
    related_merchants = StreamField(
        [
            (
                "merchant",
                blocks.PageChooserBlock(label=_("Commerce"), page_type=["merchants.MerchantPage"]),
            )
        ],
        verbose_name=_("commerces cités"),
        blank=True,
        max_num=8,
    )

    is_creatable = False
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.FilterField("publication_date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    article_panels = [
        FieldPanel("publication_date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_alt")], heading=_("Image principale")
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self):
        super().clean()
        if self.main_image_id and not self.main_image_alt:
            raise ValidationError(
                {"main_image_alt": _("Décrivez l'image pour les personnes qui ne la voient pas.")}
            )

    def save(self, *args, **kwargs):
        # "Published on" defaults to the first publication and then stays put, so that
        # later corrections do not move an article up the listing.
        if self.live and self.publication_date is None:
            self.publication_date = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    @property
    def published_at(self):
        return self.publication_date or self.first_published_at

    @property
    def is_interview(self):
        # specific_class reads the content type from Django's cache: no query.
        return issubclass(self.specific_class, InterviewPage)

    @property
    def listing_text(self):
        return self.listing_summary or self.lead

    og_type = "article"

    def description_text(self):
        return self.lead or self.listing_summary

    def social_card_image(self, context=None):
        if self.social_image is None and self.main_image is not None:
            return self.main_image, self.main_image_alt
        return super().social_card_image(context)

    def localized_topics(self, topics_by_key=None):
        """This article's topics in the active language.

        ``topics_by_key`` (translation key → topic), when a listing already has it,
        saves the lookup of each article's translated topics.
        """
        topics = list(self.topics.all())
        if topics_by_key is None:
            locale = active_locale()
            return topics if locale is None else in_locale(topics, locale.pk)
        return [topics_by_key.get(t.translation_key, t) for t in topics]

    def structured_data(self, request=None):
        return article_structured_data(self, request)


class NewsPage(ArticlePage):
    """A news article written by the communications team."""

    body = StreamField(BodyBlock(), verbose_name=_("corps"))

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        *ArticlePage.article_panels,
        FieldPanel("body"),
        FieldPanel("related_articles"),
        FieldPanel("related_merchants"),
    ]

    search_fields = [*ArticlePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")


class InterviewPage(ArticlePage):
    """An interview in the "3 questions posées à…" format."""

    interviewee_name = models.CharField(_("nom de la personne interviewée"), max_length=120)
    interviewee_role = models.CharField(_("fonction"), max_length=160, blank=True)
    interviewee_organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    interviewee_portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interviewee_portrait_alt = models.CharField(
        _("texte alternatif du portrait"), max_length=255, blank=True
    )
    body = StreamField(InterviewBodyBlock(), verbose_name=_("entretien"))
    footnotes = StreamField(
        [("note", FootnoteBlock())],
        verbose_name=_("notes"),
        blank=True,
        help_text=_("Numérotées dans l'ordre ; appelez-les dans le texte avec [1], [2]…"),
    )
    closing_call_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        verbose_name=_("appel à l'action final"),
        blank=True,
        max_num=1,
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    # A person's name is the same in every language: translations follow the source.
    override_translatable_fields = [SynchronizedField("interviewee_name")]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("interviewee_name"),
                FieldPanel("interviewee_role"),
                FieldPanel("interviewee_organisation"),
                FieldPanel("interviewee_portrait"),
                FieldPanel("interviewee_portrait_alt"),
            ],
            heading=_("Personne interviewée"),
        ),
        *ArticlePage.article_panels,
        FieldPanel("body"),
        FieldPanel("footnotes"),
        FieldPanel("closing_call_to_action"),
        FieldPanel("related_articles"),
        FieldPanel("related_merchants"),
    ]

    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("interviewee_name"),
        index.SearchField("interviewee_organisation"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("entretien")
        verbose_name_plural = _("entretiens")

    def clean(self):
        super().clean()
        if self.interviewee_portrait_id and not self.interviewee_portrait_alt:
            raise ValidationError(
                {
                    "interviewee_portrait_alt": _(
                        "Décrivez l'image pour les personnes qui ne la voient pas."
                    )
                }
            )


def _page_url(request, number):
    """The listing's address for page ``number``, with the other parameters (year)."""
    query = request.GET.copy()
    if number > 1:
        query["page"] = number
    else:
        query.pop("page", None)
    return f"?{query.urlencode()}" if query else request.path
