""" "Référencer mon commerce": an unlisted shop asks to appear in the directory.

The form creates a draft ``MerchantPage`` in the French directory (never published by
the form), keeps the contact details apart in a ``ListingRequest`` and tells the team.
No account exists until the team publishes the page: then the contact person is
invited (``merchants.portal.signals.invite_listed_merchant``).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from home.collation import collate_choices
from merchants.models import Category, Commune, MerchantIndexPage, MerchantPage
from merchants.phone import normalize_phone
from merchants.portal.models import ListingRequest
from merchants.portal.robots import RobotCheckForm

SHOP_FIELDS = [
    "title",
    "commune",
    "street_address",
    "postcode",
    "phone",
    "email",
    "website",
    "description",
]
FORM_NAME = "listing_request"
LISTING_HELP_TEXTS = {
    "title": _("Tel qu'il figure sur votre devanture, par exemple « Boulangerie du Quai »."),
    "commune": "",
    "street_address": _("Numéro et rue, par exemple « 14 quai Marc Seguin »."),
    "postcode": _("Cinq chiffres, par exemple 07300."),
    "phone": _("Le numéro que vos clients appellent, par exemple 04 75 12 34 56 (facultatif)."),
    "email": _("L'adresse que vos clients peuvent utiliser (facultatif)."),
    "website": _("Votre site ou votre page en ligne, par exemple https://… (facultatif)."),
    "description": _(
        "Deux ou trois phrases sur ce que l'on trouve chez vous : elles paraîtront sur "
        "votre fiche (500 caractères au plus)."
    ),
}


class ListingRequestForm(RobotCheckForm):
    """The shop's public details, who to contact, and the anti-robot fields."""

    category = forms.ModelChoiceField(
        label=_("Activité"),
        queryset=Category.objects.none(),
        empty_label=_("Choisissez l'activité la plus proche"),
    )
    contact_name = forms.CharField(
        label=_("Votre nom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Pour vous répondre et, une fois la fiche publiée, vous inviter à la gérer."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Votre téléphone (facultatif)"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    message = forms.CharField(
        label=_("Message pour l'équipe (facultatif)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que l'agglomération publie les informations du commerce après "
            "vérification et garde mes coordonnées pour me contacter à ce sujet."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shop_fields = forms.fields_for_model(MerchantPage, fields=SHOP_FIELDS)
        shop_fields["title"].label = _("Nom du commerce")
        shop_fields["title"].max_length = 255
        # Help written for a shopkeeper; the model's are the admin's (the page title's
        # is Wagtail's own "the page title as you'd like it to be seen by the public").
        for name, help_text in LISTING_HELP_TEXTS.items():
            shop_fields[name].help_text = help_text
        shop_fields["commune"].queryset = Commune.objects.all()
        collate_choices(shop_fields["commune"])
        shop_fields["commune"].empty_label = _("Choisissez la commune")
        shop_fields["description"].required = True
        shop_fields["description"].widget = forms.Textarea(attrs={"rows": 4, "maxlength": 500})
        shop_fields["phone"].widget.attrs.update({"inputmode": "tel"})
        self.fields = {**shop_fields, **self.fields}
        self.fields["category"].queryset = (
            Category.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .select_related("parent")
            .order_by("parent__name", "name")
        )
        self.order_fields([*SHOP_FIELDS[:1], "category", *SHOP_FIELDS[1:]])

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])

    def clean_contact_phone(self):
        return normalize_phone(self.cleaned_data["contact_phone"])

    def clean(self):
        cleaned_data = super().clean()  # the anti-robot checks first
        self._check_with_model(cleaned_data)
        return cleaned_data

    def _check_with_model(self, cleaned_data):
        """Run the profile's own field validators (postcode, phone...), which a plain
        form built from the model does not, so that the draft page can be saved."""
        page = MerchantPage(
            **{name: cleaned_data[name] for name in SHOP_FIELDS if name in cleaned_data}
        )
        checked = set(SHOP_FIELDS) & set(cleaned_data)
        exclude = [field.name for field in MerchantPage._meta.fields if field.name not in checked]
        try:
            page.clean_fields(exclude=exclude)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field, messages)


def _unique_slug(index, title):
    base = slugify(title)[:60] or "commerce"
    taken = set(
        MerchantPage.objects.child_of(index)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def create_listing_request(cleaned_data, language):
    """Create the draft profile and the request; return the request."""
    index = MerchantIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if index is None:
        raise MerchantIndexPage.DoesNotExist("The French directory does not exist.")
    # The note is for the team: in the site's language, whatever the requester's.
    with translation.override(settings.LANGUAGE_CODE):
        notes = _(
            "Demande de référencement du %(date)s par %(name)s (%(email)s). Message : %(message)s"
        ) % {
            "date": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
            "name": cleaned_data["contact_name"],
            "email": cleaned_data["contact_email"],
            "message": cleaned_data["message"] or "—",
        }
    page = MerchantPage(
        **{name: cleaned_data[name] for name in SHOP_FIELDS},
        slug=_unique_slug(index, cleaned_data["title"]),
        live=False,
        editor_notes=str(notes),
    )
    page.categories = [cleaned_data["category"]]
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    return ListingRequest.objects.create(
        page=page,
        shop_name=cleaned_data["title"],
        contact_name=cleaned_data["contact_name"],
        contact_email=cleaned_data["contact_email"].strip().lower(),
        contact_phone=cleaned_data["contact_phone"],
        message=cleaned_data["message"],
        language=language,
    )
