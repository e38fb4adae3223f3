"""The fixed lists an offer chooses from: kind, price mode, unit, availability, months."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OfferKind(models.TextChoices):
    PRODUCT = "produit", _("Produit")
    PROMOTION = "promotion", _("Promotion")
    SERVICE = "service", _("Service")


class PriceMode(models.TextChoices):
    FIXED = "fixe", _("Prix fixe")
    FROM = "a_partir_de", _("À partir de")
    RANGE = "fourchette", _("Fourchette de prix")
    ON_REQUEST = "sur_demande", _("Prix sur demande")


class Unit(models.TextChoices):
    """What the price is for; the label follows the price ("3,50 € la pièce")."""

    PIECE = "piece", _("la pièce")
    KILO = "kg", _("le kg")
    HUNDRED_GRAMS = "100g", _("les 100 g")
    LITRE = "litre", _("le litre")
    SLICE = "part", _("la part")
    BOTTLE = "bouteille", _("la bouteille")
    DOZEN = "douzaine", _("la douzaine")
    BOX = "boite", _("la boîte")
    SET = "lot", _("le lot")
    HOUR = "heure", _("l'heure")
    SESSION = "seance", _("la séance")
    PERSON = "personne", _("par personne")


class Availability(models.TextChoices):
    IN_STOCK = "en_stock", _("En stock")
    TO_ORDER = "sur_commande", _("Sur commande")
    SEASONAL = "saisonnier", _("Saisonnier")
    LIMITED = "stock_limite", _("Stock limité")


MONTHS = [
    (1, pgettext_lazy("mois", "janvier")),
    (2, pgettext_lazy("mois", "février")),
    (3, pgettext_lazy("mois", "mars")),
    (4, pgettext_lazy("mois", "avril")),
    (5, pgettext_lazy("mois", "mai")),
    (6, pgettext_lazy("mois", "juin")),
    (7, pgettext_lazy("mois", "juillet")),
    (8, pgettext_lazy("mois", "août")),
    (9, pgettext_lazy("mois", "septembre")),
    (10, pgettext_lazy("mois", "octobre")),
    (11, pgettext_lazy("mois", "novembre")),
    (12, pgettext_lazy("mois", "décembre")),
]


def month_bit(month):
    """The bit of ``month`` (1-12) in an offer's ``season_months``."""
    return 1 << (month - 1)


def months_of(mask):
    """The months (1-12) in the bit mask ``mask``."""
    return [month for month, _label in MONTHS if mask & month_bit(month)]


def mask_of(months):
    mask = 0
    for month in months:
        mask |= month_bit(int(month))
    return mask
