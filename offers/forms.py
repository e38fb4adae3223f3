"""The admin's offer form: prices typed the French way, the season as month boxes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from offers import prices
from offers.choices import MONTHS, mask_of, months_of


class EuroPriceField(forms.DecimalField):
    """A price in euros, read by ``offers.prices.parse_price``: "3,50", "3,50 €",
    "3.50" and "3 500,00" are all accepted. A text input, since a number input
    refuses the comma and the euro sign."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 8)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        # No step/min/max attributes: they belong to number inputs.
        return {"inputmode": "decimal", "autocomplete": "off"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return prices.parse_price(value)

    def validate(self, value):
        super().validate(value)
        prices.validate_price(value)

    def prepare_value(self, value):
        if value is None or isinstance(value, str):
            return value
        return f"{value:.2f}".replace(".", ",")


class OfferFactsFields(forms.Form):
    """The price and season fields of the admin's and the portal's offer forms:
    prices typed the French way, the season as month boxes (the model stores a
    mask)."""

    price = EuroPriceField(
        label=_("Prix (€)"),
        help_text=_("Par exemple « 3,50 » ou « 3,50 € ». Fourchette : le prix le plus bas."),
    )
    price_max = EuroPriceField(
        label=_("Prix maximum (€)"), help_text=_("Fourchette de prix seulement.")
    )
    season = forms.TypedMultipleChoiceField(
        label=_("Mois de la saison"),
        choices=MONTHS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Produits saisonniers : les mois où l'offre est proposée."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("season", months_of(self.instance.season_months or 0))

    def clean(self):
        cleaned_data = super().clean()
        # Read by OfferPage.clean (the model's rules), which runs after this.
        self.instance.season_months = mask_of(cleaned_data.get("season") or [])
        return cleaned_data


class OfferPageForm(OfferFactsFields, WagtailAdminPageForm):
    pass
