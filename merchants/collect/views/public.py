"""The resident's side: the forms' targets, the rate-limit page and the signed link.

The forms are shown on the merchant's profile; when one comes back with errors it is
shown again on a page of its own (``callback.html``, ``booking.html``), which also works
without the profile.
"""

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home import ical
from merchants import open_periods
from merchants.collect import booking, emails
from merchants.collect.forms import BookingForm, CallbackForm
from merchants.collect.hints import callback_hint
from merchants.collect.public import form_context, published_merchant
from merchants.collect.slots import parse_day
from merchants.collect.visit import calendar_filename, pickup_calendar, visit
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


def handle_form(
    request, page_id, form_class, template, create, day=None, form_kwargs_for=None, context=None
):
    """The shared flow of the forms (callback, booking, and the offers' reservation,
    ``offers.reserve``): limits, checks, creation, emails, redirect. ``create(form,
    merchant)`` returns the request, or None after adding an error to the form (then
    nothing it wrote is kept). The form pages are never shared from a cache (their
    forms carry a CSRF token)."""
    page, merchant = published_merchant(page_id)
    if page is None:
        raise Http404(_("Ce commerce ne propose pas l'appel et retrait."))
    client_key = throttle.client_key(request)
    form_kwargs = form_kwargs_for(merchant) if form_kwargs_for else {}
    form = form_class(request.POST or None, client_key=client_key, **form_kwargs)
    if request.method == "POST":
        address_limit = throttle.Limit(FORM_NAME, client_key, IP_LIMIT)
        if throttle.is_limited([address_limit]):
            return _rate_limited(request)
        if form.is_valid():
            phone_key = _phone_key(form.cleaned_data["phone"])
            limits = [address_limit, throttle.Limit(PHONE_FORM_NAME, phone_key, PHONE_LIMIT)]

            def create_and_notify():
                # The emails are queued in the request's transaction: no email for a
                # request that was not saved, no request saved without its emails.
                pickup_request = create(form, merchant)
                if pickup_request is not None:
                    emails.notify_new_request(pickup_request)
                return pickup_request

            try:
                pickup_request = throttle.submit_within_limits(limits, create_and_notify)
            except throttle.RateLimited:
                return _rate_limited(request)
            if pickup_request is not None:
                link = reverse(
                    "call_collect:detail", kwargs={"token": booking.request_token(pickup_request)}
                )
                return redirect(f"{link}?envoyee=1")
        elif form.suspicious:
            # Robots count against the limit too, so that they cannot retry for ever.
            throttle.record_attempt([address_limit])
        form.renew_timestamp()
    forms = (
        {"callback_form": form} if issubclass(form_class, CallbackForm) else {"booking_form": form}
    )
    shown = form_context(page, merchant, day=day, **forms)
    return private(render(request, template, {**shown, **(context or {}), "page": page}))


def callback(request, page_id):
    """ "Être rappelé"."""

    def create(form, merchant):
        return booking.create_callback(
            merchant, form.details(), get_language(), open_periods.current_time()
        )

    return handle_form(
        request,
        page_id,
        CallbackForm,
        "call_collect/callback.html",
        create,
        form_kwargs_for=lambda merchant: {"topic_hint": callback_hint(merchant)},
    )


def book_slot(form, merchant, details=None):
    """Book the form's slot (``details``: the request's fields, the form's by default);
    a full or unbookable slot is an error on the slot field, and None."""
    now = open_periods.current_time()
    try:
        return booking.book(
            merchant, form.cleaned_data["slot"], details or form.details(), get_language(), now
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


def book(request, page_id):
    """ "Réserver un créneau de retrait": a full or unbookable slot is an error on the
    slot field, the rest of what the resident typed is kept."""
    return handle_form(
        request,
        page_id,
        BookingForm,
        "call_collect/booking.html",
        book_slot,
        day=parse_day(request.GET.get("jour")),
    )


def _request_or_404(token, now):
    """The request the link names; 404 when forged or purged, ``LinkExpired`` when the
    link is past its lifetime."""
    pickup_request = booking.request_from_token(token, now)
    if pickup_request is None:
        raise Http404(_("Ce lien n'est pas valide ou la demande a été supprimée."))
    return pickup_request


def _link_expired(request):
    response = render(
        request,
        "call_collect/link_expired.html",
        {"days": settings.CALL_COLLECT_LINK_DAYS},
        status=410,
    )
    return private(response)


def _detail_page(request, pickup_request, token, now, status=200, **context):
    refusal = pickup_request.cancellation_refused(now)
    context = {
        "pickup_request": pickup_request,
        "visit": visit(pickup_request),
        "token": token,
        "can_cancel": refusal is None,
        # Why not, when it matters: a cancelled request says so already.
        "cancel_refusal": None
        if pickup_request.status == pickup_request.Status.CANCELLED
        else refusal,
        **context,
    }
    return private(render(request, "call_collect/detail.html", context, status=status))


def detail(request, token):
    """The resident's view of their request, reached from the emailed link."""
    now = open_periods.current_time()
    try:
        pickup_request = _request_or_404(token, now)
    except booking.LinkExpired:
        return _link_expired(request)
    return _detail_page(
        request,
        pickup_request,
        token,
        now,
        just_sent="envoyee" in request.GET,
        cancelled="annulee" in request.GET,
    )


@require_POST
def cancel(request, token):
    """Cancel from the link, by the same rule as the page's button; a refusal changes
    nothing, emails no one and says why (409)."""
    now = open_periods.current_time()
    try:
        pickup_request = _request_or_404(token, now)
    except booking.LinkExpired:
        return _link_expired(request)
    try:
        with transaction.atomic():
            pickup_request, cancelled_now = booking.cancel_by_resident(pickup_request, now)
            if cancelled_now:
                emails.notify_cancelled_by_resident(pickup_request)
    except booking.CancellationRefused as refusal:
        pickup_request.refresh_from_db()
        return _detail_page(
            request, pickup_request, token, now, status=409, refused=refusal.message
        )
    link = reverse("call_collect:detail", kwargs={"token": token})
    return redirect(f"{link}?annulee=1")


def calendar(request, token):
    """The booking's ``.ics`` from the resident's link (private: the link is theirs)."""
    now = open_periods.current_time()
    try:
        pickup_request = _request_or_404(token, now)
    except booking.LinkExpired:
        return _link_expired(request)
    if not pickup_request.is_booking:
        raise Http404(_("Une demande de rappel n'a pas d'heure de retrait."))
    link = request.build_absolute_uri(reverse("call_collect:detail", kwargs={"token": token}))
    calendar_file = pickup_calendar(pickup_request, link)
    return private(ical.response(calendar_file, calendar_filename(pickup_request), "attachment"))
