"""Reference data of the directory, edited as snippets: categories and communes."""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from home.forms import LocaleSnippetForm
from merchants.choices import SCHEMA_TYPES


def comparable_name(name):
    """``name`` without case, accents, hyphens or apostrophes: "Tain-l'Hermitage" and
    "TAIN L HERMITAGE" both give "tain l hermitage".

    Categories and communes typed in an import file are matched this way.
    """
    decomposed = unicodedata.normalize("NFKD", name or "")
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    for separator in "-'’":
        without_accents = without_accents.replace(separator, " ")
    return " ".join(without_accents.casefold().split())


class Category(TranslatableMixin, index.Indexed, models.Model):
    """What a merchant sells or does, on two levels: "Alimentation" > "Boulangerie".

    Translated with wagtail-localize (name and slug); the parent and the schema.org type
    stay the same in every language.
    """

    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(
        _("identifiant dans l'adresse"),
        max_length=80,
        blank=True,
        help_text=_("Utilisé dans l'adresse des filtres ; rempli à partir du nom si vide."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("catégorie parente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text=_("Laissez vide pour une catégorie principale (par exemple « Alimentation »)."),
    )
    schema_type = models.CharField(
        _("type schema.org"),
        max_length=40,
        choices=SCHEMA_TYPES,
        blank=True,
        help_text=_(
            "Type de commerce annoncé aux moteurs de recherche ; à défaut, celui de la "
            "catégorie parente, puis « LocalBusiness »."
        ),
    )

    # The parent is chosen among the categories of the same language.
    base_form_class = LocaleSnippetForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldPanel("schema_type"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("catégorie")
        verbose_name_plural = _("catégories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="merchants_category_unique_slug_per_locale"
            )
        ]

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        if ";" in self.name:
            # Import and export files separate categories with semicolons.
            raise ValidationError({"name": _("Le nom ne peut pas contenir de point-virgule.")})
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("Une catégorie ne peut pas être sa parente.")})
            if self.parent.parent_id:
                message = _(
                    "Les catégories n'ont que deux niveaux : choisissez une catégorie principale."
                )
                raise ValidationError({"parent": message})
            if self.pk and self.children.exists():
                raise ValidationError(
                    {
                        "parent": _(
                            "Cette catégorie a des sous-catégories : elle doit rester principale."
                        )
                    }
                )
        same_name = [
            other.pk
            for other in Category.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
            if comparable_name(other.name) == comparable_name(self.name)
        ]
        if same_name:
            raise ValidationError({"name": _("Une catégorie porte déjà ce nom.")})

    @property
    def effective_schema_type(self):
        if self.schema_type:
            return self.schema_type
        if self.parent_id and self.parent.schema_type:
            return self.parent.schema_type
        return "LocalBusiness"


class Department(models.TextChoices):
    DROME = "26", _("Drôme")
    ARDECHE = "07", _("Ardèche")


# The region each département is in (a proper noun), for postal addresses: schema.org's
# addressRegion is the first-level division of the country, in France the région.
REGIONS = {Department.DROME: "Auvergne-Rhône-Alpes", Department.ARDECHE: "Auvergne-Rhône-Alpes"}


class Commune(index.Indexed, models.Model):
    """One of the agglomeration's communes. Names are proper nouns: not translated."""

    name = models.CharField(_("nom"), max_length=100)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=100, unique=True)
    insee_code = models.CharField(
        _("code INSEE"),
        max_length=5,
        unique=True,
        validators=[RegexValidator(r"^\d{5}$", _("Le code INSEE compte cinq chiffres."))],
        help_text=_("Code officiel géographique de la commune, par exemple 26347."),
    )
    postcodes = models.CharField(
        _("codes postaux"),
        max_length=60,
        validators=[
            RegexValidator(
                r"^\d{5}(, ?\d{5})*$",
                _("Un ou plusieurs codes postaux à cinq chiffres, séparés par des virgules."),
            )
        ],
        help_text=_("Séparés par des virgules s'il y en a plusieurs."),
    )
    department = models.CharField(_("département"), max_length=2, choices=Department.choices)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("insee_code"),
        FieldPanel("postcodes"),
        FieldPanel("department"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("insee_code"),
        index.SearchField("postcodes"),
    ]

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.insee_code and self.department and not self.insee_code.startswith(self.department):
            raise ValidationError(
                {"insee_code": _("Le code INSEE doit commencer par le numéro du département.")}
            )

    @property
    def postcode_list(self):
        return [code.strip() for code in self.postcodes.split(",") if code.strip()]
