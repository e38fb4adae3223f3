"""The merchant portal's forms: sign-in, profile, hours and photos.

The profile and hours forms are bound to the newest version of the merchant's own page
(see ``merchants.portal.profile``) and list the fields they accept: anything else a
browser sends (``slug``, ``live``, ``owner``, a page id...) is never read.
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import HiddenInput
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm

from home.collation import collate_choices
from home.images import clean_image_file
from merchants.forms import ServicesFormMixin
from merchants.models import Commune, MerchantPage
from merchants.phone import display_phone
from merchants.portal import presentation
from merchants.portal.photos import MIN_LOGO_SIDE, MIN_PHOTO_SIDE, check_photo, usable_images

PROFILE_FIELDS = [
    "title",
    "description",
    "street_address",
    "postcode",
    "commune",
    "phone",
    "email",
    "website",
    "wheelchair",
    "accepts_cards",
    "accepts_cheques",
    "accepts_meal_vouchers",
    "accepts_local_voucher",
    "logo",
]
ISO_DATE = "%Y-%m-%d"


class PortalAuthenticationForm(AuthenticationForm):
    """Sign-in with the email address the invitation was sent to."""

    username = forms.EmailField(
        label=_("Adresse e-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie ; les "
            "majuscules comptent dans le mot de passe."
        ),
        "inactive": _("Ce compte a été désactivé. Contactez l'équipe communication."),
        "not_merchant": _(
            "Ce compte n'a pas accès à l'espace commerçant. L'équipe de l'agglomération se "
            "connecte à l'administration du site."
        ),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        account = getattr(user, "merchant_account", None)
        if account is None or not account.is_active:
            raise ValidationError(self.error_messages["not_merchant"], code="not_merchant")


class PageFieldErrorsMixin:
    """Shows the page's own validation errors about fields this form does not contain.

    ``MerchantPage.clean()`` checks the whole page (closure dates, duplicate import
    identifiers...). Django would crash when such an error names a field missing from
    the form; here it becomes an error at the top of the form instead.
    """

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            shown, elsewhere = {}, []
            for field, messages in errors.error_dict.items():
                if field in self.fields or field == NON_FIELD_ERRORS:
                    shown[field] = messages
                else:
                    elsewhere.extend(messages)
            if elsewhere:
                shown.setdefault(NON_FIELD_ERRORS, []).extend(elsewhere)
            errors = ValidationError(shown)
        super()._update_errors(errors)


class ProfileForm(PageFieldErrorsMixin, ServicesFormMixin, ClusterForm):
    """Everything a merchant may change that waits for the team's approval.

    Not here: the address in the URL (slug), publication state, owner, categories (they
    drive the directory's filters and are curated by the team), coordinates (placed by
    the team), hours (``merchants.portal.hours_editor``) and the team's internal notes.
    The detailed presentation is edited as text with a few marks
    (``merchants.portal.presentation``); left unchanged, the stored rich text is kept as
    it is, with any formatting the team gave it.
    """

    presentation = forms.CharField(
        label=_("Présentation détaillée (facultatif)"),
        required=False,
        max_length=presentation.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Votre histoire, vos spécialités, vos producteurs. Laissez une ligne vide entre "
            "deux paragraphes ; **mots en gras** ; une liste : une ligne par élément, "
            "commençant par « - » ; un lien : [texte du lien](https://adresse)."
        ),
    )

    class Meta:
        model = MerchantPage
        fields = PROFILE_FIELDS
        formsets = {
            "gallery_images": {
                "fields": ["image", "alt_text", "caption"],
                "widgets": {"image": HiddenInput},
                "extra": 0,
            },
            "social_links": {"fields": ["network", "url"], "extra": 2},
            "platform_links": {"fields": ["label", "url"], "extra": 1},
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "logo": forms.RadioSelect,
        }

    field_order = ["title", "description", "presentation"]

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        images = usable_images(page, self.instance)
        self.stored_presentation = presentation.to_text(self.instance.body)
        self.initial["presentation"] = self.stored_presentation
        if presentation.uses_more_than_the_portal(self.instance.body):
            self.fields["presentation"].help_text = _(
                "%(help)s L'équipe a mis en forme ce texte (titres, italique...) : si vous le "
                "modifiez ici, seule la mise en forme ci-dessus est gardée."
            ) % {"help": self.fields["presentation"].help_text}
        self.fields["title"].label = _("Nom du commerce")
        self.fields["title"].help_text = ""
        if not self.is_bound:
            # Stored as "+33465711234", shown the way people write it.
            self.initial["phone"] = display_phone(self.instance.phone)
        self.fields["commune"].queryset = Commune.objects.all()
        collate_choices(self.fields["commune"])
        self.fields["logo"].queryset = images
        self.fields["logo"].empty_label = _("Pas de logo")
        self.fields["logo"].help_text = _(
            "Choisissez parmi vos photos ; ajoutez-en depuis la page « Photos »."
        )
        gallery_forms = self.formsets["gallery_images"].forms
        positions = [(number, str(number)) for number in range(1, len(gallery_forms) + 1)]
        for form in gallery_forms:
            # A photo row can only point at the merchant's own pictures: any other id
            # (another shop's photo, crafted by hand) is refused as an invalid choice.
            form.fields["image"].queryset = images
            form.fields["image"].error_messages["invalid_choice"] = _(
                "Cette photo n'appartient pas à votre commerce."
            )
            # The order of the photos on the profile: a position to choose, no dragging.
            # A crafted position (99, -1) is refused like any value outside the list.
            form.fields["ORDER"] = forms.TypedChoiceField(
                label=_("Position sur la fiche"),
                initial=form.fields["ORDER"].initial,
                choices=positions,
                coerce=int,
                required=False,
                empty_value=None,
            )

    def clean_presentation(self):
        text = (self.cleaned_data["presentation"] or "").strip()
        if text == self.stored_presentation.strip():
            return None  # unchanged: the stored rich text stays as it is
        return presentation.to_rich_text(text)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("presentation") is not None:
            self.instance.body = cleaned_data["presentation"]
        return cleaned_data

    def gallery_rows(self):
        """(form, image) pairs so that the template can show each photo's thumbnail."""
        images = {image.pk: image for image in self.fields["logo"].queryset}
        rows = []
        for form in self.formsets["gallery_images"].forms:
            image_id = form["image"].value()
            try:
                image = images.get(int(image_id))
            except (TypeError, ValueError):
                image = None
            rows.append((form, image))
        return rows


CLOSURE_FIELDS = ["closed_from", "closed_until", "closure_message"]


class ClosureForm(PageFieldErrorsMixin, forms.ModelForm):
    """The temporary closure, published as soon as it is saved with the hours (the
    hours themselves are ``merchants.portal.hours_editor``'s forms)."""

    class Meta:
        model = MerchantPage
        fields = CLOSURE_FIELDS
        widgets = {
            "closed_from": forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
            "closed_until": forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("closed_from", "closed_until"):
            # Browsers without a date picker let people type the French way.
            self.fields[name].input_formats = [ISO_DATE, "%d/%m/%Y", "%d/%m/%y"]
        self.fields["closed_from"].label = _("Premier jour de fermeture")
        self.fields["closed_until"].label = _("Dernier jour de fermeture")

    def values(self):
        return {name: self.cleaned_data[name] for name in CLOSURE_FIELDS}


class PhotoUploadForm(forms.Form):
    """One new photo for the profile, with the text that describes it."""

    photo = forms.FileField(
        label=_("Photo"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_text = forms.CharField(
        label=_("Description de la photo"),
        max_length=255,
        help_text=_(
            "Ce que montre la photo, pour les personnes qui ne la voient pas. Par exemple : "
            "« La vitrine de la boutique, place du marché »."
        ),
    )
    caption = forms.CharField(label=_("Légende (facultatif)"), max_length=255, required=False)
    use_as_logo = forms.BooleanField(label=_("Utiliser comme logo"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Said before the upload: what a photo needs to be accepted.
        self.fields["photo"].help_text = _(
            "JPEG, PNG ou WebP, d'au moins %(photo)s pixels sur le petit côté "
            "(%(logo)s pour un logo), 5 Mo et 40 mégapixels au plus. Les photos d'un "
            "téléphone conviennent."
        ) % {"photo": MIN_PHOTO_SIDE, "logo": MIN_LOGO_SIDE}

    def clean_photo(self):
        """The photo as it will be stored: checked, then without its metadata (GPS
        position, device, author) and turned upright."""
        photo = self.cleaned_data["photo"]
        # A logo is drawn smaller than a photo: it may be smaller too.
        as_logo = self.data.get(self.add_prefix("use_as_logo")) in ("on", "true", "1")
        check_photo(photo, min_side=MIN_LOGO_SIDE if as_logo else MIN_PHOTO_SIDE)
        return clean_image_file(photo)
