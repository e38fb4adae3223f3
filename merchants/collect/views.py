"""The resident's side: the forms' targets, the rate-limit page and the signed link.

The forms are shown on the merchant's profile; when one comes back with errors it is
shown again on a page of its own (``callback.html``, ``booking.html``), which also works
without the profile.
"""

import datetime

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from merchants import open_periods
from merchants.collect import booking, emails
from merchants.collect.forms import BookingForm, CallbackForm
from merchants.collect.public import block_context, published_merchant
from merchants.portal import throttle
from merchants.portal.access import private

FORM_NAME = "call_collect"
PHONE_FORM_NAME = "call_collect_phone"
PHONE_SALT = "call_collect.phone"
# A household may ask a few shops in the same hour; a robot may not ask a hundred.
IP_LIMIT = 6
PHONE_LIMIT = 3


def _rate_limited(request):
    return throttle.too_many_requests(request, "call_collect/rate_limited.html")


def _phone_key(phone):
    return throttle.keyed_hash(PHONE_SALT, phone)


def _handle(request, page_id, form_class, template, create):
    """The shared flow of both forms: limits, checks, creation, emails, redirect."""
    page, merchant = published_merchant(page_id)
    if page is None:
        raise Http404(_("Ce commerce ne propose pas l'appel et retrait."))
    form = form_class(request.POST or None)
    if request.method == "POST":
        address_limit = throttle.Limit.per_client(request, FORM_NAME, IP_LIMIT)
        if throttle.is_limited([address_limit]):
            return _rate_limited(request)
        if form.is_valid():
            phone_key = _phone_key(form.cleaned_data["phone"])
            limits = [address_limit, throttle.Limit(PHONE_FORM_NAME, phone_key, PHONE_LIMIT)]
            try:
                pickup_request = throttle.submit_within_limits(
                    limits, lambda: create(form, merchant)
                )
            except throttle.RateLimited:
                return _rate_limited(request)
            if pickup_request is not None:
                emails.notify_new_request(pickup_request)
                link = reverse(
                    "call_collect:detail", kwargs={"token": booking.request_token(pickup_request)}
                )
                return redirect(f"{link}?envoyee=1")
        elif form.suspicious:
            # Robots count against the limit too, so that they cannot retry for ever.
            throttle.record_attempt([address_limit])
        form.renew_timestamp()
    forms = {"callback_form": form} if form_class is CallbackForm else {"booking_form": form}
    context = block_context(page, merchant, **forms)
    return render(request, template, {**context, "page": page})


def callback(request, page_id):
    """ "Être rappelé"."""

    def create(form, merchant):
        return booking.create_callback(merchant, form.details(), get_language())

    return _handle(request, page_id, CallbackForm, "call_collect/callback.html", create)


def book(request, page_id):
    """ "Réserver un créneau de retrait": a full or unbookable slot is an error on the
    slot field, the rest of what the resident typed is kept."""

    def create(form, merchant):
        now = open_periods.current_time()
        try:
            return booking.book(
                merchant, form.cleaned_data["slot"], form.details(), get_language(), now
            )
        except booking.SlotFull:
            form.add_error(
                "slot",
                _(
                    "Ce créneau est complet : quelqu'un vient de réserver la dernière place. "
                    "Choisissez un autre créneau."
                ),
            )
        except booking.SlotUnavailable:
            form.add_error(
                "slot",
                _(
                    "Ce créneau ne peut pas être réservé (passé, hors des horaires "
                    "d'ouverture ou supprimé par le commerçant). Choisissez un autre créneau."
                ),
            )
        return None

    return _handle(request, page_id, BookingForm, "call_collect/booking.html", create)


def _request_or_404(token):
    pickup_request = booking.request_from_token(token)
    if pickup_request is None:
        raise Http404(_("Ce lien n'est pas valide ou la demande a été supprimée."))
    return pickup_request


def detail(request, token):
    """The resident's view of their request, reached from the emailed link."""
    pickup_request = _request_or_404(token)
    now = open_periods.current_time()
    can_cancel = pickup_request.is_open and (
        pickup_request.slot_start is None
        or pickup_request.slot_start > now - datetime.timedelta(hours=1)
    )
    response = render(
        request,
        "call_collect/detail.html",
        {
            "pickup_request": pickup_request,
            "token": token,
            "just_sent": "envoyee" in request.GET,
            "can_cancel": can_cancel,
            "cancelled": "annulee" in request.GET,
        },
    )
    return private(response)


@require_POST
def cancel(request, token):
    pickup_request = _request_or_404(token)
    if pickup_request.is_open:
        booking.cancel(pickup_request)
        emails.notify_cancelled_by_resident(pickup_request)
    link = reverse("call_collect:detail", kwargs={"token": token})
    return redirect(f"{link}?annulee=1")
