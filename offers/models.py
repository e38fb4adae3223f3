"""Local offers: what the merchants sell and their promotions.

Design: each offer is a Wagtail page, ``OfferPage``, a child of its merchant's
``MerchantPage``, rather than a snippet. Being in the page tree, an offer reuses what
the site already has for merchants' pages instead of a second copy of each:

- permissions: a merchant's group may edit below their own page only, so a merchant
  edits their offers and nobody else's, without a new permission model;
- revisions, drafts, scheduled publication and the merchants' review workflow
  (``home.roles``), which is attached to the directory and so covers its subtree;
- wagtail-localize's page translation with synchronised facts (price, availability,
  stock and dates follow the French page, ``home.translation.sync``);
- the publication pipeline, the page cache and its purges (a published offer purges
  its shop's page and the listings above it), and the sitemap;
- an address of its own (``/commerces/<shop>/<offer>/``) for the JSON-LD ``Product``.

Snippets with ``RevisionMixin``/``DraftStateMixin``/``WorkflowMixin`` would give
revisions and workflows but not the subtree permissions, the page cache's purges, the
sitemap or translation of pages with parents, each of which would have to be written
again. At 10,000 merchants × 10 offers the tree holds 100,000 more rows in
``wagtailcore_page``; listings never walk the tree: the offer keeps its shop in
``merchant`` (derived from its parent at each save) so that filters are joins.

Visibility is one rule (``OfferPageQuerySet.visible_on``): an offer with a validity
period shows from its first to its last day (Europe/Paris dates) and a seasonal item
in its months only, computed at query time; nobody has to unpublish them.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.models import BasePage, page_translatable_fields
from offers import prices
from offers.choices import Availability, OfferKind, PriceMode, Unit, month_bit, months_of
from offers.forms import OfferPageForm

DESCRIPTION_MAX_LENGTH = 400
CONDITIONS_MAX_LENGTH = 300
# More than this in stock is not a "limited" stock (and 10⁹ is a typing mistake).
MAX_STOCK = 10_000
# Tags ("<b>", "</p>", "<!--", "<script ..."), not a lone "<" as in "moins de <5 kg".
_HTML_TAG = re.compile(r"<\s*[a-zA-Z!/][^>]*>")


def validate_plain_text(value):
    """Offers' texts are plain: shown escaped, never rendered as HTML."""
    if value and _HTML_TAG.search(value):
        raise ValidationError(
            _("Écrivez du texte simple, sans balises HTML (comme « <b> » ou « <p> »)."),
            code="html",
        )


class OfferPageQuerySet(PageQuerySet):
    def visible_on(self, day):
        """Offers that show on ``day`` (a Europe/Paris date): not before the first day
        of their validity nor after its last, and seasonal items in their months."""
        return (
            self.exclude(valid_from__gt=day)
            .exclude(valid_until__lt=day)
            .alias(_in_season=F("season_months").bitand(month_bit(day.month)))
            .exclude(Q(availability=Availability.SEASONAL) & Q(_in_season=0))
        )

    def next_change(self, day):
        """The first day after ``day`` on which one of these offers appears or
        disappears (a promotion starts or ends, a month begins while a seasonal item
        is among them), or None. One query."""
        found = self.aggregate(
            starts=models.Min("valid_from", filter=Q(valid_from__gt=day)),
            ends=models.Min("valid_until", filter=Q(valid_until__gte=day)),
            seasonal=models.Count("pk", filter=Q(availability=Availability.SEASONAL)),
        )
        return first_change(day, found["starts"], found["ends"], bool(found["seasonal"]))


def first_change(day, next_start, next_end, seasonal):
    """The first day after ``day`` when visibility may change: a validity starting on
    ``next_start``, one whose last day is ``next_end``, the first of next month when
    ``seasonal``; or None."""
    candidates = []
    if next_start and next_start > day:
        candidates.append(next_start)
    if next_end and next_end >= day:
        candidates.append(next_end + datetime.timedelta(days=1))
    if seasonal:
        candidates.append((day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1))
    return min(candidates) if candidates else None


OfferPageManager = PageManager.from_queryset(OfferPageQuerySet)


class OffersIndexPage(BasePage):
    """ "Offres et bons plans" (``/offres/``, ``/en/offers/``): the visible offers of
    every shop, with the directory's filters (``offers.page_context``). Offers are
    children of their shops, not of this page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    per_page = models.PositiveSmallIntegerField(
        _("offres par page"),
        default=24,
        validators=[MinValueValidator(6), MaxValueValidator(96)],
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "offers/offers_index_page.html"

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("per_page")]

    class Meta:
        verbose_name = _("offres et bons plans")
        verbose_name_plural = _("offres et bons plans")

    def export_url(self, file_format, request=None):
        return f"{self.get_url(request)}export.{file_format}"

    def export_response(self, request, file_format):
        """``export.csv|json`` beside the listing (``merchants.urls`` routes them)."""
        from offers.exports import export_response  # it reads these models

        return export_response(self, request, file_format)

    def get_context(self, request, *args, **kwargs):
        from offers.page_context import listing_context  # it reads these models

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


class OfferPage(BasePage):
    """One product, promotion or service of a shop, with its price and availability."""

    kind = models.CharField(
        _("type d'offre"), max_length=12, choices=OfferKind.choices, default=OfferKind.PRODUCT
    )
    description = models.TextField(
        _("description courte"),
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Deux ou trois phrases, en texte simple."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("texte alternatif de la photo"),
        max_length=255,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Décrivez la photo pour les personnes qui ne la voient pas."),
    )
    price_mode = models.CharField(
        _("prix"), max_length=12, choices=PriceMode.choices, default=PriceMode.FIXED
    )
    price = models.DecimalField(
        _("prix (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[prices.validate_price],
        help_text=_("En euros, par exemple « 3,50 ». Fourchette : le prix le plus bas."),
    )
    price_max = models.DecimalField(
        _("prix maximum (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[prices.validate_price],
        help_text=_("Fourchette de prix seulement : le prix le plus haut."),
    )
    unit = models.CharField(_("unité"), max_length=12, choices=Unit.choices, blank=True)
    availability = models.CharField(
        _("disponibilité"),
        max_length=12,
        choices=Availability.choices,
        default=Availability.IN_STOCK,
    )
    # Months of a seasonal item, one bit a month (January = 1): filtered in SQL.
    season_months = models.PositiveSmallIntegerField(_("mois de la saison"), default=0)
    # Decremented by reservations with a locked update; never below zero.
    stock_quantity = models.PositiveIntegerField(
        _("quantité en stock"),
        null=True,
        blank=True,
        help_text=_("Stock limité seulement : le nombre d'articles disponibles."),
    )
    valid_from = models.DateField(_("valable du"), null=True, blank=True)
    valid_until = models.DateField(_("valable jusqu'au (inclus)"), null=True, blank=True)
    conditions = models.TextField(
        _("conditions"),
        max_length=CONDITIONS_MAX_LENGTH,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Promotions : par exemple « dans la limite des stocks »."),
    )
    categories = ParentalManyToManyField(
        "merchants.Category",
        verbose_name=_("catégories"),
        blank=True,
        related_name="offers",
        help_text=_("Facultatif : sinon, celles du commerce."),
    )
    # The offer's identifier in the merchant's own files (``import_offers``), unique
    # among the shop's offers; empty for offers written in the portal or the admin.
    external_id = models.CharField(
        _("identifiant externe"), max_length=64, blank=True, db_index=True, editable=False
    )
    # The shop (the parent page), kept for joins: listings filter by the shop's
    # commune, categories and services without reading the tree.
    merchant = models.ForeignKey(
        "merchants.MerchantPage",
        null=True,
        editable=False,
        # The shop's deletion deletes its children (the tree), offers included.
        on_delete=models.SET_NULL,
        related_name="offer_pages",
    )

    objects = OfferPageManager()

    base_form_class = OfferPageForm
    parent_page_types = ["merchants.MerchantPage"]
    subpage_types = []
    template = "offers/offer_page.html"

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Photo")),
        MultiFieldPanel(
            [
                FieldPanel("price_mode"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_max")]),
                FieldPanel("unit"),
            ],
            heading=_("Prix"),
        ),
        MultiFieldPanel(
            [FieldPanel("availability"), FieldPanel("season"), FieldPanel("stock_quantity")],
            heading=_("Disponibilité"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("conditions"),
            ],
            heading=_("Validité (promotions)"),
        ),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("conditions"),
        index.AutocompleteField("title"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("kind"),
    ]

    # Text is translated; the facts (price, availability, stock, dates, kind,
    # categories, photo) follow the French page.
    translatable_fields = page_translatable_fields(
        translated=["description", "photo_alt", "conditions"],
        synchronised=[
            "kind",
            "photo",
            "price_mode",
            "price",
            "price_max",
            "unit",
            "availability",
            "season_months",
            "stock_quantity",
            "valid_from",
            "valid_until",
            "categories",
        ],
    )

    class Meta:
        verbose_name = _("offre")
        verbose_name_plural = _("offres")
        constraints = [
            # Reservations decrement the stock with an update: never below zero.
            models.CheckConstraint(
                condition=Q(stock_quantity__isnull=True) | Q(stock_quantity__gte=0),
                name="offer_stock_not_negative",
            )
        ]

    def clean(self):
        super().clean()
        errors = {}

        def error(field, message):
            errors.setdefault(field, []).append(message)

        for field in ("title", "seo_title", "search_description", "listing_summary"):
            try:
                validate_plain_text(getattr(self, field))
            except ValidationError as problem:
                errors.setdefault(field, []).extend(problem.messages)
        if self.photo_id and not self.photo_alt.strip():
            error("photo_alt", _("Décrivez la photo pour les personnes qui ne la voient pas."))
        if self.price_mode == PriceMode.ON_REQUEST:
            self.price = self.price_max = None
        elif self.price is None:
            error("price", _("Indiquez le prix, ou choisissez « prix sur demande »."))
        if self.price_mode == PriceMode.RANGE:
            if self.price_max is None:
                error("price_max", _("Indiquez le prix le plus haut de la fourchette."))
            elif self.price is not None and self.price_max < self.price:
                error(
                    "price_max",
                    _("Le prix maximum ne peut pas être inférieur au prix minimum."),
                )
        elif self.price_mode != PriceMode.ON_REQUEST:
            self.price_max = None
        if self.availability == Availability.SEASONAL:
            if not self.season_months:
                error("season", _("Cochez les mois de la saison."))
        else:
            self.season_months = 0
        if self.availability == Availability.LIMITED:
            if self.stock_quantity is None:
                error("stock_quantity", _("Indiquez la quantité en stock."))
            elif self.stock_quantity < 1:
                error(
                    "stock_quantity",
                    _("Indiquez au moins un article en stock (épuisé : retirez l'offre)."),
                )
            elif self.stock_quantity > MAX_STOCK:
                error(
                    "stock_quantity",
                    _("Au-delà de %(max)s articles, choisissez « en stock ».")
                    % {"max": f"{MAX_STOCK:,}".replace(",", "\u202f")},
                )
        else:
            self.stock_quantity = None
        if self.kind == OfferKind.PROMOTION and not self.valid_until:
            error("valid_until", _("Une promotion a une date de fin."))
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            error("valid_until", _("La fin de validité ne peut pas précéder son début."))
        if errors:
            raise ValidationError(errors)

    def update_derived_fields(self):
        """The shop, from the parent page (also when Wagtail copies or translates)."""
        if self.path and len(self.path) > self.steplen:
            parent_path = self.path[: -self.steplen]
            if self.merchant_id is None or not self._merchant_path_is(parent_path):
                self.merchant_id = (
                    Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
                )

    def _merchant_path_is(self, path):
        merchant = self._state.fields_cache.get("merchant")
        if merchant is not None:
            return merchant.path == path
        return Page.objects.filter(pk=self.merchant_id, path=path).exists()

    def save(self, *args, **kwargs):
        self.update_derived_fields()
        super().save(*args, **kwargs)

    @property
    def season(self):
        return months_of(self.season_months)

    @property
    def is_promotion(self):
        return self.kind == OfferKind.PROMOTION

    @property
    def has_price(self):
        return self.price_mode != PriceMode.ON_REQUEST and self.price is not None

    def is_visible_on(self, day):
        """The rule of ``OfferPageQuerySet.visible_on`` for this offer."""
        if self.valid_from and day < self.valid_from:
            return False
        if self.valid_until and day > self.valid_until:
            return False
        if self.availability == Availability.SEASONAL:
            return bool(self.season_months & month_bit(day.month))
        return True

    def is_over_on(self, day):
        """Gone for good on ``day`` (its validity ended), not just out of season."""
        return bool(self.valid_until and day > self.valid_until)

    def next_change_after(self, day):
        """The first day after ``day`` on which this offer appears or disappears."""
        return first_change(
            day, self.valid_from, self.valid_until, self.availability == Availability.SEASONAL
        )

    def cache_dependents(self):
        """The shop's page lists its offers."""
        return [self.merchant] if self.merchant_id else []

    def get_context(self, request, *args, **kwargs):
        from offers.page_context import offer_context  # it reads these models

        context = super().get_context(request, *args, **kwargs)
        context.update(offer_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        from offers.page_context import serve_offer  # it reads these models

        return serve_offer(self, request, super().serve, *args, **kwargs)


def follow_move(sender, instance, parent_page_after, **kwargs):
    """An offer moved below another shop belongs to that shop (``post_page_move``:
    Wagtail moves pages with tree updates, not ``save()``)."""
    OfferPage.objects.filter(pk=instance.pk).update(merchant_id=parent_page_after.pk)


class OfferReservation(models.Model):
    """An offer reserved with a pickup booking (``merchants.collect``): which offer,
    how many, and whether they came out of a limited stock (given back once if the
    booking is cancelled, ``offers.reservations``)."""

    pickup_request = models.OneToOneField(
        "call_collect.PickupRequest", on_delete=models.CASCADE, related_name="offer_reservation"
    )
    offer = models.ForeignKey(
        OfferPage, null=True, on_delete=models.SET_NULL, related_name="reservations"
    )
    # As the resident saw it: the offer may change or go.
    title = models.CharField(_("offre"), max_length=255)
    quantity = models.PositiveSmallIntegerField(_("quantité"))
    from_stock = models.BooleanField(default=False)
    stock_returned = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("réservation d'une offre")
        verbose_name_plural = _("réservations d'offres")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="offer_reservation_quantity")
        ]

    def __str__(self):
        return f"{self.quantity} × {self.title}"
