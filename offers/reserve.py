"""The resident's "Réserver pour retrait" on an offer (``/retrait/offre/<id>/``,
``/en/pickup/offer/<id>/``): the call & collect booking form with a quantity, through
the same flow as the shop's own booking form (limits, anti-robot fields, emails,
signed link; ``merchants.collect.views.public.handle_form``). No online payment: the
resident pays at pickup."""

from django import forms
from django.conf import settings
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from merchants import open_periods
from merchants.collect.forms import BookingForm
from merchants.collect.models import SlotTemplate
from merchants.collect.public import offers_call_collect
from merchants.collect.slots import parse_day
from merchants.collect.views.public import book_slot, handle_form
from merchants.opening_hours import paris_today
from merchants.portal.access import private
from offers import reservations
from offers.choices import Availability
from offers.display import availability_text, price_text
from offers.models import OfferPage


class ReservationForm(BookingForm):
    """The booking form with how many items, up to ``most``."""

    field_order = ["quantity", *BookingForm.field_order]

    def __init__(self, *args, most, limited, **kwargs):
        super().__init__(*args, **kwargs)
        if limited:
            too_many = _("Il n'en reste que %(limit_value)s : réservez-en moins.")
        else:
            too_many = _(
                "%(limit_value)s au plus par réservation ; pour plus, appelez le commerce."
            )
        self.fields["quantity"] = forms.IntegerField(
            label=_("Quantité"),
            min_value=1,
            max_value=most,
            initial=1,
            error_messages={"max_value": too_many},
            help_text=_("%(count)s au plus.") % {"count": most},
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        )
        self.order_fields(self.field_order)


def most_reservable(offer):
    """The largest quantity one booking may take."""
    if offer.availability == Availability.LIMITED:
        return max(0, min(offer.stock_quantity or 0, reservations.MAX_QUANTITY))
    return reservations.MAX_QUANTITY


def reservable(offer):
    """The offer's shop publishes pickup slots and the offer can be reserved now (a
    day with no free slot left is said on the reservation page)."""
    merchant = offer.merchant
    return bool(
        merchant is not None
        and offers_call_collect(merchant)
        and offer.is_visible_on(paris_today(open_periods.current_time()))
        and most_reservable(offer) > 0
        # Slots belong to the French page.
        and SlotTemplate.objects.filter(
            merchant__translation_key=merchant.translation_key
        ).exists()
    )


def _unavailable(request, offer):
    today = paris_today(open_periods.current_time())
    over = offer.is_over_on(today)
    response = TemplateResponse(
        request,
        "offers/offer_unavailable.html",
        {
            "page": offer,
            "self": offer,
            "merchant": offer.merchant,
            "over": over,
            "sold_out": offer.is_visible_on(today),
            "back_on": offer.valid_from if offer.valid_from and offer.valid_from > today else None,
            "season": availability_text(offer) if not over else "",
        },
        status=410 if over else 409 if offer.is_visible_on(today) else 404,
    )
    return private(response)


def reserve(request, offer_id):
    offer = (
        OfferPage.objects.live()
        .public()
        .filter(pk=offer_id, merchant__live=True)
        .select_related("locale", "merchant")
        .first()
    )
    if offer is None or not offers_call_collect(offer.merchant):
        raise Http404(_("Cette offre ne peut pas être réservée pour retrait."))
    source = reservations.source_offer(offer)
    if source is None or not reservable(source):
        return _unavailable(request, offer)

    def create(form, merchant):
        quantity = form.cleaned_data["quantity"]
        details = form.details()
        with translation.override(settings.LANGUAGE_CODE):  # the merchant reads it
            details["topic"] = reservations.topic(
                source, quantity, price_text(source), details["topic"]
            )
        try:
            return reservations.reserve(
                source, quantity, lambda: book_slot(form, merchant, details)
            )
        except reservations.OutOfStock as shortage:
            if shortage.left:
                message = _("Il n'en reste que %(limit_value)s : réservez-en moins.") % {
                    "limit_value": shortage.left
                }
            else:
                message = _("Épuisé : quelqu'un vient de réserver les derniers.")
            form.add_error("quantity", message)
        return None

    return handle_form(
        request,
        offer.merchant_id,
        ReservationForm,
        "offers/reserve.html",
        create,
        day=parse_day(request.GET.get("jour")),
        form_kwargs_for=lambda merchant: {
            "most": most_reservable(source),
            "limited": source.availability == Availability.LIMITED,
        },
        context={
            "offer": offer,
            "price_text": price_text(offer),
            "availability_text": availability_text(offer),
            "booking_action": reverse("offer_reservation:reserve", args=[offer.pk]),
        },
    )
