"""The portal's offer form ("Mes offres"): the fields a merchant may set, checked by
the offer's own rules (``OfferPage.clean``), with prices typed the French way and the
photo checked like the profile's photos (``merchants.portal.photos``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.collation import collate_choices
from home.images import clean_image_file
from merchants.models import Category
from merchants.portal.forms import ISO_DATE, PageFieldErrorsMixin
from merchants.portal.photos import MIN_PHOTO_SIDE, check_photo
from offers.forms import OfferFactsFields
from offers.models import MAX_STOCK, OfferPage

FIELDS = [
    "title",
    "kind",
    "description",
    "photo_alt",
    "price_mode",
    "price",
    "price_max",
    "unit",
    "availability",
    "stock_quantity",
    "valid_from",
    "valid_until",
    "conditions",
    "categories",
]
# The form's fields whose change is live at once on a published offer
# (``offers.portal.LIVE_FIELDS``); any other change waits for review.
LIVE_FORM_FIELDS = {
    "price_mode",
    "price",
    "price_max",
    "unit",
    "availability",
    "season",
    "stock_quantity",
}
DATE_FORMATS = [ISO_DATE, "%d/%m/%Y", "%d/%m/%y"]


class OfferForm(PageFieldErrorsMixin, OfferFactsFields, forms.ModelForm):
    new_photo = forms.FileField(
        label=_("Choisir une photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label=_("Retirer la photo"), required=False)

    class Meta:
        model = OfferPage
        fields = FIELDS
        widgets = {
            "kind": forms.RadioSelect,
            "price_mode": forms.RadioSelect,
            "availability": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "conditions": forms.Textarea(attrs={"rows": 2}),
            "valid_from": forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
            "valid_until": forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
            "categories": forms.CheckboxSelectMultiple,
        }

    field_order = ["title", "kind", "description", "new_photo", "remove_photo", "photo_alt"]

    def __init__(self, *args, merchant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Nom de l'offre")
        self.fields["title"].help_text = _("Par exemple « Galette des rois frangipane ».")
        self.fields["new_photo"].help_text = _(
            "Facultatif. JPEG, PNG ou WebP, d'au moins %(side)s pixels sur le petit côté, "
            "5 Mo au plus."
        ) % {"side": MIN_PHOTO_SIDE}
        if not self.instance.photo_id:
            del self.fields["remove_photo"]
        else:
            self.fields["new_photo"].label = _("Remplacer la photo par une autre")
        self.fields["stock_quantity"].widget.attrs.update({"min": 1, "max": MAX_STOCK})
        for name in ("valid_from", "valid_until"):
            # Browsers without a date picker let people type the French way.
            self.fields[name].input_formats = DATE_FORMATS
        categories = self.fields["categories"]
        categories.queryset = Category.objects.filter(locale_id=merchant.locale_id)
        categories.help_text = _("Facultatif : sans case cochée, celles de votre commerce.")
        collate_choices(categories)

    def clean_new_photo(self):
        """The photo as it will be stored: checked, then without its metadata."""
        photo = self.cleaned_data.get("new_photo")
        if not photo:
            return None
        check_photo(photo)
        return clean_image_file(photo)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("remove_photo") and not cleaned_data.get("new_photo"):
            self.instance.photo = None
        if cleaned_data.get("new_photo") and not (cleaned_data.get("photo_alt") or "").strip():
            self.add_error(
                "photo_alt", _("Décrivez la photo pour les personnes qui ne la voient pas.")
            )
        return cleaned_data

    def values(self):
        """The offer's model fields as the form leaves them (after ``is_valid``),
        except the categories (``cleaned_data["categories"]``)."""
        offer = self.instance
        names = [name for name in FIELDS if name != "categories"]
        values = {name: getattr(offer, name) for name in names}
        values.update(season_months=offer.season_months, photo_id=offer.photo_id)
        return values

    @property
    def live_changed(self):
        return bool(LIVE_FORM_FIELDS & set(self.changed_data))

    @property
    def reviewed_changed(self):
        return bool(set(self.changed_data) - LIVE_FORM_FIELDS)
