"""The anti-robot part of the forms anonymous visitors send ("Référencer mon commerce",
call & collect): a honeypot field and a signed timestamp that may be used once
(``merchants.portal.throttle``).

``RobotCheckForm`` is the base of those forms. A submission that fails the check is an
error on the form; ``suspicious`` says whether it looked like a robot (it then counts
against the rate limit) rather than a person who left the form open too long. A form
shown again carries a fresh timestamp (``renew_timestamp``), so that a person can send
it again.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from merchants.portal import throttle

TIMESTAMP_MESSAGES = {
    "too_fast": _(
        "Le formulaire a été envoyé trop vite pour avoir été rempli à la main. Vérifiez "
        "vos informations puis envoyez-le à nouveau."
    ),
    "expired": _(
        "Le formulaire est resté ouvert trop longtemps. Vos informations sont conservées : "
        "envoyez-le à nouveau."
    ),
    "invalid": _("Le formulaire n'est pas valide. Envoyez-le à nouveau."),
}
# A value sent back a second time: refused like a forgery, and counted the same way.
TIMESTAMP_MESSAGES["reused"] = TIMESTAMP_MESSAGES["invalid"]


class RobotCheckForm(forms.Form):
    """A honeypot and a single-use signed timestamp."""

    # Hidden from people by the stylesheet and from assistive technologies by
    # aria-hidden: only robots that fill every field write here.
    website_confirmation = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    issued = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, client_key="", **kwargs):
        """``client_key``: ``throttle.client_key(request)``, for whom the timestamp is
        spent when the form comes back."""
        super().__init__(*args, **kwargs)
        for name in ("website_confirmation", "issued"):  # after the form's own fields
            self.fields[name] = self.fields.pop(name)
        self.client_key = client_key
        self.suspicious = False
        if not self.is_bound:
            self.initial["issued"] = throttle.issue_timestamp()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website_confirmation"):
            self.suspicious = True
            raise ValidationError(
                _(
                    "Votre demande n'a pas pu être envoyée. Videz le champ "
                    "« Laissez ce champ vide »."
                ),
                code="honeypot",
            )
        try:
            throttle.check_timestamp(self.data.get(self.add_prefix("issued")), self.client_key)
        except throttle.TimestampError as error:
            self.suspicious = error.reason != "expired"
            raise ValidationError(TIMESTAMP_MESSAGES[error.reason], code=error.reason) from None
        return cleaned_data

    def renew_timestamp(self):
        """A fresh timestamp for the form shown again, so a person can simply resend it."""
        self.data = self.data.copy()
        self.data[self.add_prefix("issued")] = throttle.issue_timestamp()
