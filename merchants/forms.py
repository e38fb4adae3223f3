"""The merchant profile's forms: the admin's, and the services question shared with the
merchant portal's profile form."""

from django import forms
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from home.forms import SitePageForm
from merchants.choices import SERVICE_FIELDS, Service


class ServicesFormMixin(forms.Form):
    """The five service flags as one list of checkboxes.

    Services are stored as one boolean per service (so that the directory can filter on
    them with an index); editors and merchants see and tick them as a single question.
    A model form using this mixin (on ``MerchantPage``) reads and writes the flags.
    """

    services = forms.MultipleChoiceField(
        label=_("Services proposés"),
        choices=Service.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "services" in self.fields:
            self.fields["services"].initial = [
                service
                for service, field in SERVICE_FIELDS.items()
                if getattr(self.instance, field)
            ]

    def clean(self):
        cleaned_data = super().clean()
        if "services" in self.fields:
            chosen = set(cleaned_data.get("services") or [])
            for service, field in SERVICE_FIELDS.items():
                setattr(self.instance, field, service in chosen)
        return cleaned_data


class MerchantPageForm(ServicesFormMixin, SitePageForm):
    """The admin's form: services as one question, categories of the page's language
    (``SitePageForm``), parents before their children."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "categories" in self.fields:
            # Already in the page's language (SitePageForm): parents before children.
            self.fields["categories"].queryset = (
                self.fields["categories"]
                .queryset.select_related("parent")
                .order_by(
                    Coalesce("parent__name", "name"), F("parent").asc(nulls_first=True), "name"
                )
            )
