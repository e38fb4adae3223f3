"""A merchant's profile in the directory."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage, page_translatable_fields
from merchants.choices import SERVICE_FIELDS, Service, Wheelchair
from merchants.forms import MerchantPageForm
from merchants.opening_hours import EXAMPLE, Closure, status_at, validate_opening_hours
from merchants.phone import display_phone, normalize_phone, validate_phone
from merchants.territory import validate_coordinates

from .snippets import comparable_name

DESCRIPTION_MAX_LENGTH = 500


class MerchantPage(BasePage):
    """A shop, craftsperson or restaurant of the territory: where, when, how to buy."""

    external_id = models.CharField(
        _("identifiant externe"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "Identifiant du commerce dans le fichier d'import ; une nouvelle importation "
            "met à jour la fiche qui porte le même identifiant."
        ),
    )
    categories = ParentalManyToManyField(
        "merchants.Category", verbose_name=_("catégories"), related_name="merchants"
    )
    commune = models.ForeignKey(
        "merchants.Commune",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="merchants",
    )
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(
        _("code postal"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Le code postal compte cinq chiffres."))],
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    phone = models.CharField(
        _("téléphone"),
        max_length=30,
        blank=True,
        validators=[validate_phone],
        help_text=_("Enregistré au format international ; affiché « 04 65 71 12 34 »."),
    )
    email = models.EmailField(_("courriel"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    description = models.TextField(
        _("description courte"),
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text=_("Deux ou trois phrases : ce que l'on trouve dans ce commerce."),
    )
    body = RichTextField(_("présentation détaillée"), blank=True, features=RICH_TEXT_FEATURES)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    offers_click_collect = models.BooleanField(Service.CLICK_COLLECT.label, default=False)
    offers_call_collect = models.BooleanField(Service.CALL_COLLECT.label, default=False)
    offers_delivery = models.BooleanField(Service.DELIVERY.label, default=False)
    offers_pickup_appointment = models.BooleanField(
        Service.PICKUP_APPOINTMENT.label, default=False
    )
    offers_takeaway = models.BooleanField(Service.TAKEAWAY.label, default=False)
    opening_hours = models.CharField(
        _("horaires d'ouverture"),
        max_length=500,
        blank=True,
        validators=[validate_opening_hours],
        help_text=_(
            "Syntaxe OpenStreetMap, par exemple « %(example)s ». « PH off » : fermé les "
            "jours fériés."
        )
        % {"example": EXAMPLE},
    )
    closed_from = models.DateField(_("fermeture temporaire : du"), null=True, blank=True)
    closed_until = models.DateField(_("fermeture temporaire : au (inclus)"), null=True, blank=True)
    closure_message = models.CharField(
        _("message de fermeture"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « Congés d'été, réouverture le 25 août »."),
    )
    wheelchair = models.CharField(
        _("accès en fauteuil roulant"),
        max_length=10,
        choices=Wheelchair.choices,
        default=Wheelchair.UNKNOWN,
    )
    accepts_cards = models.BooleanField(_("carte bancaire acceptée"), default=False)
    accepts_cheques = models.BooleanField(_("chèques acceptés"), default=False)
    accepts_meal_vouchers = models.BooleanField(_("titres-restaurant acceptés"), default=False)
    accepts_local_voucher = models.BooleanField(
        _("chèque cadeau du territoire accepté"), default=False
    )
    last_verified = models.DateField(
        _("informations vérifiées le"),
        null=True,
        blank=True,
        help_text=_("Date à laquelle le commerçant a confirmé ces informations."),
    )
    editor_notes = models.TextField(
        _("notes internes"),
        blank=True,
        help_text=_("Jamais publiées ni exportées : suivi des échanges avec le commerçant."),
    )
    # Accent- and case-free title: "Épicerie" sorts with the E's on SQLite and PostgreSQL.
    sort_name = models.CharField(max_length=255, editable=False, db_index=True, default="")

    base_form_class = MerchantPageForm
    parent_page_types = ["merchants.MerchantIndexPage"]
    subpage_types = []
    template = "merchants/merchant_page.html"
    route_select_related = ("locale", "commune")

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("description"),
                FieldPanel("body"),
            ],
            heading=_("Activité"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("commune"),
                FieldPanel("street_address"),
                FieldPanel("postcode"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Adresse"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_hours"),
                FieldRowPanel([FieldPanel("closed_from"), FieldPanel("closed_until")]),
                FieldPanel("closure_message"),
            ],
            heading=_("Horaires"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("wheelchair"),
                FieldPanel("accepts_cards"),
                FieldPanel("accepts_cheques"),
                FieldPanel("accepts_meal_vouchers"),
                FieldPanel("accepts_local_voucher"),
            ],
            heading=_("Services, accessibilité et paiement"),
        ),
        FieldPanel("logo"),
        InlinePanel("gallery_images", label=_("Photos")),
        InlinePanel("social_links", label=_("Réseaux sociaux")),
        InlinePanel("platform_links", label=_("Sur d'autres plateformes")),
        MultiFieldPanel(
            [FieldPanel("last_verified"), FieldPanel("external_id"), FieldPanel("editor_notes")],
            heading=_("Suivi"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.RelatedFields("commune", [index.SearchField("name")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("commune"),
    ]

    # Text is translated; facts (address, hours, coordinates...) stay in sync with the
    # French page. Listed by hand because wagtail-localize would otherwise offer
    # addresses, phone numbers and opening hours for translation.
    translatable_fields = page_translatable_fields(
        translated=["description", "body", "closure_message", "gallery_images", "platform_links"],
        synchronised=[
            "external_id",
            "categories",
            "commune",
            "street_address",
            "postcode",
            "latitude",
            "longitude",
            "phone",
            "email",
            "website",
            "logo",
            *SERVICE_FIELDS.values(),
            "opening_hours",
            "closed_from",
            "closed_until",
            "wheelchair",
            "accepts_cards",
            "accepts_cheques",
            "accepts_meal_vouchers",
            "accepts_local_voucher",
            "last_verified",
            "social_links",
        ],
    )

    class Meta:
        verbose_name = _("fiche commerce")
        verbose_name_plural = _("fiches commerces")

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.phone = normalize_phone(self.phone)
        except ValidationError as error:
            errors["phone"] = error.messages
        try:
            validate_coordinates(self.latitude, self.longitude)
        except ValidationError as error:
            errors.update(error.message_dict)
        if bool(self.closed_from) != bool(self.closed_until):
            field = "closed_until" if self.closed_from else "closed_from"
            errors[field] = [_("Indiquez le premier et le dernier jour de la fermeture.")]
        elif self.closed_from and self.closed_until < self.closed_from:
            errors["closed_until"] = [_("La fermeture ne peut pas finir avant de commencer.")]
        if self.external_id:
            duplicates = MerchantPage.objects.filter(
                external_id=self.external_id, locale_id=self.locale_id
            ).exclude(pk=self.pk)
            if duplicates.exists():
                errors["external_id"] = [_("Une autre fiche porte déjà cet identifiant.")]
        if errors:
            raise ValidationError(errors)

    def update_derived_fields(self):
        """Fields computed from others (also called by ``home.bulk_pages``)."""
        self.sort_name = comparable_name(self.title)[:255]

    def full_clean(self, *args, **kwargs):
        self.update_derived_fields()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.update_derived_fields()
        super().save(*args, **kwargs)

    @property
    def services(self):
        """The services offered, in the order of ``Service``."""
        return [service for service, field in SERVICE_FIELDS.items() if getattr(self, field)]

    @property
    def closures(self):
        if self.closed_from and self.closed_until:
            return (Closure(self.closed_from, self.closed_until),)
        return ()

    def status(self, now):
        """Open or closed at ``now``, and until when (see ``merchants.opening_hours``)."""
        return status_at(self.opening_hours, now, self.closures)

    @property
    def phone_display(self):
        return display_phone(self.phone)

    @property
    def payment_options(self):
        fields = [
            "accepts_cards",
            "accepts_cheques",
            "accepts_meal_vouchers",
            "accepts_local_voucher",
        ]
        return [self._meta.get_field(name).verbose_name for name in fields if getattr(self, name)]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def description_text(self):
        return self.description or self.listing_summary

    def social_card_image(self, context=None):
        """The shop's first photo (already loaded by the profile's context), else its
        logo."""
        if self.social_image is not None:
            return super().social_card_image(context)
        gallery = (context or {}).get("gallery")
        if gallery is None:
            gallery = list(self.gallery_images.select_related("image")[:1])
        if gallery:
            return gallery[0].image, gallery[0].alt_text
        if self.logo is not None:
            return self.logo, _("Logo de %(name)s") % {"name": self.title}
        return super().social_card_image(context)

    def get_context(self, request, *args, directory=None, **kwargs):
        """``directory``: the other language's directory this untranslated page is
        shown in (``merchants.english_view``), or None on the page's own address."""
        # The context module reads these models: imported when a page is served.
        from merchants.page_context import profile_context

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(self, request, shown_in=directory))
        return context

    def also_served_at(self):
        """Full URLs where the other languages' directories show this page while it
        is not translated (purged with it, ``home.caching.page_urls``); listed even
        once translated, so that publishing the translation purges the old copy."""
        # english_view reads this model: imported when a page is purged.
        from merchants.english_view import other_directories

        return [f"{directory.get_full_url()}{self.slug}/" for directory in other_directories(self)]

    def url_in_language(self, language_code, request=None):
        """Where a visitor reads this page in ``language_code`` when it has no
        translation there (the language switcher's link), or None."""
        # english_view reads this model: imported when the switcher asks.
        from merchants.english_view import directories_without_translation, view_url

        directory = directories_without_translation(self).get(language_code)
        return view_url(self, directory, request) if directory is not None else None
