"""The workshop registration's addresses (not pages): the form's target, the person's
signed link and its cancellation; and the portal's "Proposer un événement"."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from events import emails, proposals, registration
from events.forms import OneClickRegistrationForm, ProposalForm, RegistrationForm
from events.models import EventPage
from events.page_context import registration_context
from merchants.portal import throttle
from merchants.portal.access import merchant_required, private

FORM_NAME = "event_registration"
# Someone registering a team to several workshops, not a robot filling them.
IP_LIMIT = 10


def _event_or_404(page_id):
    page = EventPage.objects.live().public().filter(pk=page_id, kind="atelier").first()
    if page is None:
        raise Http404(_("Cet atelier n'existe pas ou ne prend pas d'inscriptions."))
    return page


def _form_page(request, page, form, status=200, session=None, **extra):
    """The registration form's page: private, never shared from a cache (its forms
    carry a CSRF token, a merchant's account fills the one-click one)."""
    now = timezone.now()
    if isinstance(form, OneClickRegistrationForm):
        # Its errors above a fresh full form (for registering someone else).
        extra["one_click_form"] = form
        form = None
    context = registration_context(page, request, now, form=form, session=session)
    return private(
        render(
            request,
            "events/registration_form.html",
            {**context, **extra, "page": page, "event": page, "place": page.place},
            status=status,
        )
    )


def _one_click_details(account):
    merchant = account.merchant
    return {
        "name": account.user.get_full_name() or merchant.title,
        "business_name": merchant.title,
        "email": account.user.email,
        "phone": merchant.phone,
    }


def _refuse(form, field, message):
    """An error on ``field``, or on the whole form when it has no such field (the
    one-click form has no email field)."""
    form.add_error(field if field in form.fields else None, message)


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, page_id):
    """The registration form (GET: the session chosen on the event's page, ``seance``,
    is checked) and its target; a merchant signed in to the portal registers in one
    click (``un_clic``): their account gives the details."""
    page = _event_or_404(page_id)
    if request.method != "POST":
        return _form_page(request, page, None, session=request.GET.get("seance"))
    now = timezone.now()
    context = registration_context(page, request, now)
    workshop, sessions = context["workshop"], context["sessions"]
    if workshop is None or not sessions:
        return _form_page(
            request, page, None, status=409, refusal=_("Cet atelier n'a plus de séance à venir.")
        )
    starts = [session["start"] for session in sessions]
    client_key = throttle.client_key(request)
    address_limit = throttle.Limit(FORM_NAME, client_key, IP_LIMIT)
    account = context["merchant_account"]
    one_click = account is not None and request.POST.get("un_clic") == "1"
    if one_click:
        form = OneClickRegistrationForm(
            request.POST, sessions=starts, details=_one_click_details(account)
        )
    else:
        form = RegistrationForm(request.POST, sessions=starts, client_key=client_key)
    if throttle.is_limited([address_limit]):
        return throttle.too_many_requests(request, "events/rate_limited.html")
    if not form.is_valid():
        if getattr(form, "suspicious", False):
            throttle.record_attempt([address_limit])
        if isinstance(form, RegistrationForm):
            form.renew_timestamp()
        return _form_page(request, page, form, status=400)

    def create():
        try:
            return registration.register(
                workshop,
                form.cleaned_data["session"],
                form.details(),
                get_language(),
                timezone.now(),
                waiting_list=form.cleaned_data["waiting_list"],
                merchant=account.merchant if account is not None else None,
            )
        except registration.SessionFull:
            _refuse(
                form,
                "waiting_list",
                _(
                    "Cette séance est complète. Cochez la case pour vous inscrire sur la "
                    "liste d'attente : vous aurez la place de la prochaine personne qui "
                    "annule."
                ),
            )
        except registration.SessionUnavailable:
            _refuse(
                form,
                "session",
                _("Cette séance n'est plus ouverte aux inscriptions (passée ou annulée)."),
            )
        except registration.AlreadyRegistered as already:
            _refuse(
                form,
                "email",
                _(
                    "Cette adresse est déjà inscrite à cette séance (%(status)s). Le courriel "
                    "de confirmation contient le lien pour voir ou annuler l'inscription."
                )
                % {"status": already.registration.get_status_display().lower()},
            )
        return None

    try:
        created = throttle.submit_within_limits([address_limit], create)
    except throttle.RateLimited:
        return throttle.too_many_requests(request, "events/rate_limited.html")
    if created is None:
        if isinstance(form, RegistrationForm):
            form.renew_timestamp()
        return _form_page(request, page, form, status=409)
    emails.notify_registered(created)
    token = registration.registration_token(created)
    return redirect(reverse("event_registration:detail", kwargs={"token": token}) + "?envoyee=1")


def _registration_or_404(token, now):
    found = registration.registration_from_token(token, now)
    if found is None:
        raise Http404(_("Ce lien n'est pas valide ou l'inscription a été supprimée."))
    return found


def _link_expired(request):
    return private(
        render(
            request,
            "events/registration_expired.html",
            {"days": settings.EVENT_REGISTRATION_LINK_DAYS},
            status=410,
        )
    )


def _detail(request, found, token, now, status=200, **extra):
    refusal = found.cancellation_refused(now)
    event = emails._event_in_language(found)
    return private(
        render(
            request,
            "events/registration_detail.html",
            {
                "registration": found,
                "event": event,
                "place": event.place,
                "token": token,
                "can_cancel": refusal is None,
                "cancel_refusal": None if found.status == found.Status.CANCELLED else refusal,
                "position": _waiting_position(found),
                **extra,
            },
            status=status,
        )
    )


def _waiting_position(found):
    if found.status != found.Status.WAITING:
        return None
    ahead = (
        type(found)
        .objects.waiting()
        .filter(
            event_id=found.event_id,
            occurrence_start=found.occurrence_start,
            created_at__lte=found.created_at,
        )
        .exclude(pk=found.pk)
        .count()
    )
    return ahead + 1


def detail(request, token):
    now = timezone.now()
    try:
        found = _registration_or_404(token, now)
    except registration.LinkExpired:
        return _link_expired(request)
    return _detail(
        request,
        found,
        token,
        now,
        just_sent="envoyee" in request.GET,
        cancelled="annulee" in request.GET,
    )


@require_POST
def cancel(request, token):
    now = timezone.now()
    try:
        found = _registration_or_404(token, now)
    except registration.LinkExpired:
        return _link_expired(request)
    try:
        found, cancelled_now, promoted = registration.cancel(found, now)
    except registration.CancellationRefused as refusal:
        found.refresh_from_db()
        return _detail(request, found, token, now, status=409, refused=refusal.message)
    if cancelled_now:
        emails.notify_cancelled(found, promoted)
    return redirect(reverse("event_registration:detail", kwargs={"token": token}) + "?annulee=1")


@merchant_required
def propose(request, account, merchant):
    """ "Proposer un événement": the merchant's proposals and the form of a new one."""
    form = ProposalForm(request.POST or None, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            proposals.propose(merchant, form.cleaned_data, request.user)
        except proposals.AgendaMissing:
            messages.error(
                request,
                _("L'agenda n'est pas encore ouvert aux propositions : écrivez à l'équipe."),
            )
        except proposals.ReviewUnavailable:
            messages.warning(
                request,
                _(
                    "Votre proposition est enregistrée, mais la validation n'a pas pu être "
                    "demandée. Écrivez à l'équipe communication."
                ),
            )
            return redirect("merchant_events:propose")
        else:
            messages.success(
                request,
                _(
                    "Votre événement est envoyé à l'équipe communication. Il paraîtra dans "
                    "l'agenda et sur votre fiche dès qu'elle l'aura validé."
                ),
            )
            return redirect("merchant_events:propose")
    return render(
        request,
        "events/portal/propose.html",
        {
            "account": account,
            "merchant": merchant,
            "form": form,
            "proposals": proposals.proposals_of(merchant),
        },
        status=400 if form.is_bound else 200,
    )
