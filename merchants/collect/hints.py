"""The example under "À quel sujet ?" of the callback form, fitting the shop.

One short example per main category family of the directory (a cheese shop is not
asked about wine, a hairdresser not about a gift), and a general one for a shop in no
family listed here or in none at all. Families are named by the French slug of the
main category, the source of every translation.
"""

from django.utils.translation import gettext_lazy as _

GENERAL_HINT = _("Par exemple : ce que vous cherchez, pour quand, et votre budget.")

HINTS_BY_FAMILY = {
    "alimentation": _("Par exemple : de quoi recevoir six personnes samedi midi."),
    "restauration": _("Par exemple : deux repas à emporter vers 19 h 30, dont un végétarien."),
    "boutiques": _("Par exemple : un cadeau pour une amie qui aime jardiner, autour de 25 €."),
    "services": _("Par exemple : savoir si une réparation est possible, et pour quand."),
}


def family_slugs(merchant):
    """The French slugs of the main categories of ``merchant`` (a French page), in the
    order its categories are listed."""
    slugs = []
    for category in merchant.categories.select_related("parent").order_by("pk"):
        family = category.parent or category
        if family.slug not in slugs:
            slugs.append(family.slug)
    return slugs


def callback_hint(merchant):
    """The example for ``merchant``: its first family that has one, else the general."""
    for slug in family_slugs(merchant):
        if slug in HINTS_BY_FAMILY:
            return HINTS_BY_FAMILY[slug]
    return GENERAL_HINT
