"""The agenda (``AgendaIndexPage``) and its events (``EventPage``): markets, shops'
events, the agglomeration's workshops for merchants and anything else."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from events import recurrence
from events.forms import EventPageForm, session_value
from events.models.occurrences import EventOccurrence
from home.blocks import BodyBlock
from home.models import BasePage, page_translatable_fields
from merchants.opening_hours import paris_today
from merchants.territory import validate_coordinates


class EventKind(models.TextChoices):
    MARKET = "marche", _("Marché")
    SHOP_EVENT = "animation", _("Animation commerciale")
    WORKSHOP = "atelier", _("Atelier pour les commerçants")
    OTHER = "autre", _("Autre")


class AgendaIndexPage(RoutablePageMixin, BasePage):
    """The agenda: upcoming occurrences with filters, a month view, a map, the archive,
    and the calendar and news feeds (``events.agenda``).

    Wagtail serves page addresses ending with a slash and without dots, so the
    calendar is ``ical/`` (sent as ``agenda.ics``) and the map's GeoJSON
    ``carte/donnees/``."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    per_page = 20

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def get_cached_paths(self):
        """The agenda and its routes, purged together (``home.caching``): the feeds,
        the map's data, the archive and each month that has (or had, until the
        current one) a date in it."""
        paths = ["/", "mois/", "archives/", "ical/", "carte/donnees/", "rss/", "atom/"]
        days = EventOccurrence.objects.filter(
            locale_id=self.locale_id, page__path__startswith=self.path
        ).aggregate(first=models.Min("start_day"), last=models.Max("end_day"))
        today = paris_today(timezone.now())
        first = min(days["first"] or today, today).replace(day=1)
        last = max(days["last"] or today, today)
        month = first
        while month <= last:
            paths.append(f"mois/{month:%Y-%m}/")
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return paths

    # Page views live in events.agenda, which reads these models.
    @path("")
    def listing(self, request):
        from events import agenda  # the views module imports this one

        return agenda.listing(self, request)

    @path("mois/")
    def this_month(self, request):
        from events import agenda  # the views module imports this one

        return agenda.month(self, request, None, None)

    @path("mois/<int:year>-<int:month>/", name="month")
    def month(self, request, year, month):
        from events import agenda  # the views module imports this one

        return agenda.month(self, request, year, month)

    @path("archives/", name="archive")
    def archive(self, request):
        from events import agenda  # the views module imports this one

        return agenda.archive(self, request)

    @path("ical/", name="ics")
    def ics(self, request):
        from events import agenda  # the views module imports this one

        return agenda.calendar_feed(self, request)

    @path("carte/donnees/", name="geojson")
    def geojson(self, request):
        from events import agenda  # the views module imports this one

        return agenda.map_data(self, request)

    @path("rss/", name="rss")
    def rss(self, request):
        from events.feeds import NewEventsRssFeed  # the feeds read these models

        return NewEventsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        from events.feeds import NewEventsAtomFeed  # the feeds read these models

        return NewEventsAtomFeed(self)(request)


class EventPage(RoutablePageMixin, BasePage):
    """One event of the agenda: what, where (a named place in a commune, or a shop of
    the directory), when (``events.recurrence``), for how much; a workshop takes
    registrations up to its capacity (``events.registration``)."""

    kind = models.CharField(_("type"), max_length=12, choices=EventKind.choices)
    lead = models.TextField(_("chapô"), max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=255,
        blank=True,
        help_text=_("Décrivez l'image pour les personnes qui ne la voient pas."),
    )

    # Where: a shop of the directory, or a named place.
    place_merchant = models.ForeignKey(
        "merchants.MerchantPage",
        verbose_name=_("dans un commerce de l'annuaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Laissez vide et remplissez le lieu ci-dessous pour un autre endroit."),
    )
    place_name = models.CharField(
        _("lieu"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple « Place Jean-Jaurès » ou « Salle des fêtes »."),
    )
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    commune = models.ForeignKey(
        "merchants.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    # When (see events.recurrence): the first occurrence, then the rule.
    start_date = models.DateField(_("date de début"))
    start_time = models.TimeField(
        _("heure de début"), null=True, blank=True, help_text=_("Vide : toute la journée.")
    )
    end_date = models.DateField(
        _("date de fin"),
        null=True,
        blank=True,
        help_text=_("Pour un événement sur plusieurs jours ; vide : le même jour."),
    )
    end_time = models.TimeField(_("heure de fin"), null=True, blank=True)
    # An RFC 5545 RRULE value written by the admin's form from plain choices.
    recurrence = models.CharField(_("répétition"), max_length=300, blank=True, editable=False)

    organiser = models.CharField(_("organisé par"), max_length=150, blank=True)
    price = models.DecimalField(
        _("prix (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Laissez vide si c'est gratuit."),
    )
    price_note = models.CharField(
        _("précisions sur le prix"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « gratuit pour les moins de 12 ans »."),
    )
    accessibility = models.TextField(_("accessibilité"), blank=True, max_length=600)
    link = models.URLField(_("lien"), blank=True, help_text=_("Le site de l'organisateur."))
    topics = ParentalManyToManyField("news.Topic", verbose_name=_("thèmes"), blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("Ateliers : les inscriptions s'arrêtent là, puis la liste d'attente."),
    )
    proposed_by = models.ForeignKey(
        "merchants.MerchantPage",
        verbose_name=_("proposé par le commerce"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    base_form_class = EventPageForm
    template = "events/event_page.html"
    parent_page_types = ["events.AgendaIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_alt")], heading=_("Image")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("repeat"),
                FieldPanel("repeat_interval"),
                FieldPanel("repeat_weekdays"),
                FieldRowPanel([FieldPanel("repeat_position"), FieldPanel("repeat_weekday")]),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading=_("Dates"),
        ),
        InlinePanel(
            "date_changes",
            label=_("exception"),
            heading=_("Exceptions"),
            help_text=_(
                "Une date de la répétition supprimée, annulée (elle reste affichée avec "
                "votre message) ou déplacée à un autre jour ou une autre heure."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_merchant"),
                FieldPanel("place_name"),
                FieldPanel("street_address"),
                FieldPanel("commune"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Lieu"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_note")]),
                FieldPanel("capacity"),
                FieldPanel("accessibility"),
                FieldPanel("link"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Informations pratiques"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.SearchField("organiser"),
        index.AutocompleteField("title"),
        index.RelatedFields("commune", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("kind"),
    ]

    # Text is translated; when, where and how many are facts that follow the French
    # page (home.translation.sync republishes the translations with them).
    translatable_fields = page_translatable_fields(
        translated=["lead", "body", "main_image_alt", "organiser", "price_note", "accessibility"],
        synchronised=[
            "kind",
            "main_image",
            "place_merchant",
            "place_name",
            "street_address",
            "commune",
            "latitude",
            "longitude",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "recurrence",
            "date_changes",
            "price",
            "link",
            "topics",
            "capacity",
            "proposed_by",
        ],
    )

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def clean(self):
        super().clean()
        errors = {}
        if self.main_image_id and not self.main_image_alt:
            errors["main_image_alt"] = [
                _("Décrivez l'image pour les personnes qui ne la voient pas.")
            ]
        if self.place_merchant_id is None:
            if not self.place_name:
                errors["place_name"] = [
                    _("Indiquez le lieu, ou choisissez un commerce de l'annuaire.")
                ]
            if self.commune_id is None:
                errors["commune"] = [_("Choisissez la commune du lieu.")]
        try:
            validate_coordinates(self.latitude, self.longitude)
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.kind == EventKind.WORKSHOP and self.capacity is None:
            errors["capacity"] = [_("Un atelier a un nombre de places (au moins une).")]
        elif self.kind != EventKind.WORKSHOP and self.capacity is not None:
            errors["capacity"] = [_("Seuls les ateliers prennent des inscriptions.")]
        if self.start_date:
            for field, message in self.schedule(changes=()).problems().items():
                errors.setdefault("recurrence" if field == "repeat" else field, []).append(message)
        if errors:
            raise ValidationError(errors)

    def schedule(self, changes=None):
        """This event's dates as an ``events.recurrence.Schedule``; ``changes`` (its
        ``DateChange`` list) is read from ``date_changes`` when not given."""
        if changes is None:
            changes = tuple(change.as_change() for change in self.date_changes.all())
        return recurrence.Schedule(
            start_day=self.start_date,
            start_time=self.start_time,
            end_day=self.end_date,
            end_time=self.end_time,
            rule=self.recurrence,
            changes=tuple(changes),
        )

    @property
    def is_workshop(self):
        return self.kind == EventKind.WORKSHOP

    @property
    def is_free(self):
        return not self.price

    @property
    def is_recurring(self):
        return bool(self.recurrence)

    @property
    def listing_text(self):
        return self.listing_summary or self.lead

    @property
    def has_coordinates(self):
        if self.place_merchant_id is not None and self.latitude is None:
            return self.place_merchant.has_coordinates
        return self.latitude is not None and self.longitude is not None

    @property
    def place(self):
        """Where, as ``events.places.Place`` (the shop's address when it is in one)."""
        from events.places import place_of  # places reads this model's fields

        return place_of(self)

    def get_context(self, request, *args, **kwargs):
        from events.page_context import event_context  # it reads these models

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    def get_cached_paths(self):
        """The event and its calendars (the series, each date), purged together."""
        stamps = self.occurrences.values_list("start", flat=True) if self.pk else []
        return ["/", "ical/", *(f"ical/{session_value(start)}/" for start in stamps)]

    def cache_dependents(self):
        """The shops whose page lists this event (held there, or proposed by them)."""
        return [
            merchant
            for merchant in (self.place_merchant, self.proposed_by)
            if merchant is not None
        ]

    @path("")
    def event(self, request):
        return self.render(request)

    @path("ical/", name="ics")
    def ics(self, request):
        from events import agenda  # the views module imports this one

        return agenda.event_calendar(self, request, None)

    @path("ical/<str:stamp>/", name="occurrence_ics")
    def occurrence_ics(self, request, stamp):
        from events import agenda  # the views module imports this one

        return agenda.event_calendar(self, request, stamp)

    def structured_data(self, request=None):
        from events.structured_data import event_structured_data  # reads these models

        return event_structured_data(self, request)
