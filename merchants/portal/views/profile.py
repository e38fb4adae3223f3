"""Dashboard, profile form, preview and resubmission.

Each view gets the merchant's account and page from ``merchant_required``; the profile
form is bound to the newest version of that page (pending changes, else the live page).
"""

from django.contrib import messages
from django.http import HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from merchants import open_periods
from merchants.models import Category
from merchants.opening_hours import PARIS
from merchants.portal import dashboard as dashboard_panels
from merchants.portal.access import merchant_required
from merchants.portal.forms import ProfileForm
from merchants.portal.photos import state_of_photos
from merchants.portal.profile import (
    ProfileStatus,
    ReviewUnavailable,
    latest_version,
    profile_status,
    publish_no_approval_fields,
    save_changes,
    send_for_review,
    withdraw,
)

DRAFT_SESSION_KEY = "merchant_portal_draft"
ACTION_PREVIEW = "preview"


@merchant_required
def dashboard(request, account, page):
    version = latest_version(page)
    now = open_periods.current_time()
    return render(
        request,
        "merchant_portal/dashboard.html",
        {
            "account": account,
            "merchant": page,
            "version": version,
            "status": profile_status(page),
            "statuses": ProfileStatus,
            "panels": dashboard_panels.panels(request, page, now),
            "verification_due": dashboard_panels.verification_due(page, now),
            "public_url": page.get_url(request) if page.live else None,
            "categories": list(
                Category.objects.filter(
                    pk__in=[category.pk for category in version.categories.all()]
                )
                .select_related("parent")
                .order_by("parent__name", "name")
            ),
        },
    )


def _draft(request, page):
    """The form data the merchant last previewed, if it was for this page."""
    draft = request.session.get(DRAFT_SESSION_KEY)
    if draft and draft.get("page") == page.pk:
        return draft["data"]
    return None


def _save_draft(request, page):
    data = {key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"}
    request.session[DRAFT_SESSION_KEY] = {"page": page.pk, "data": data}


def _draft_querydict(data):
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


class _InvalidChanges(Exception):
    """The form became invalid against the newest version (changed meanwhile)."""

    def __init__(self, form):
        super().__init__("invalid profile form")
        self.form = form


ACTION_SAVE = "save"
ACTION_SUBMIT = "submit"


def _today():
    return open_periods.current_time().astimezone(PARIS).date()


def _save(request, page, data, *, send):
    """Save ``data`` (the profile form's fields) into the pending change, and send it
    for review if ``send``; returns the invalid form to show again, or None once done."""

    def build(version):
        form = ProfileForm(data, instance=version, page=page)
        if not form.is_valid():
            raise _InvalidChanges(form)
        version = form.save(commit=False)
        # The merchant has just gone over their information.
        version.last_verified = _today()
        return version

    was_pending = profile_status(page).state == ProfileStatus.PENDING
    try:
        if send:
            send_for_review(page, request.user, build)
        else:
            save_changes(page, build, request.user)
    except _InvalidChanges as error:
        return error.form
    except ReviewUnavailable:
        messages.warning(
            request,
            _(
                "Vos modifications sont enregistrées, mais la validation n'a pas pu être "
                "demandée. L'équipe communication a été prévenue par le journal du site ; "
                "vous pouvez aussi lui écrire."
            ),
        )
    else:
        _say_where_changes_are(request, page, sent=send and not was_pending)
    request.session.pop(DRAFT_SESSION_KEY, None)
    return None


def _say_where_changes_are(request, page, *, sent):
    state = profile_status(page).state
    if sent:
        messages.success(
            request,
            _(
                "Vos modifications sont envoyées à l'équipe communication. Elles seront en "
                "ligne dès qu'elle les aura validées ; vous recevrez un courriel."
            ),
        )
    elif state == ProfileStatus.PENDING:
        messages.success(
            request,
            _(
                "Modifications enregistrées : elles rejoignent votre demande en cours de "
                "validation."
            ),
        )
    else:
        messages.success(
            request,
            _(
                "Modifications enregistrées, pas encore envoyées. Envoyez-les pour "
                "validation quand vous avez fini."
            ),
        )


@merchant_required
def edit_profile(request, account, page):
    resumed = False
    if request.method == "POST":
        version = latest_version(page)
        form = ProfileForm(request.POST, instance=version, page=page)
        action = request.POST.get("action", ACTION_SUBMIT)
        if form.is_valid():
            if action == ACTION_PREVIEW:
                _save_draft(request, page)
                return redirect("merchant_portal:preview", permanent=False)
            status = profile_status(page)
            if not form.has_changed() and (action == ACTION_SAVE or not status.can_send):
                messages.info(request, _("Rien n'a changé : il n'y a rien à enregistrer."))
                return redirect("merchant_portal:profile")
            invalid = _save(request, page, request.POST, send=action != ACTION_SAVE)
            if invalid is None:
                if action == ACTION_SAVE:
                    return redirect("merchant_portal:profile")
                return redirect("merchant_portal:dashboard")
            form = invalid
    else:
        draft = _draft(request, page)
        version = latest_version(page)
        if draft is not None:
            form = ProfileForm(_draft_querydict(draft), instance=version, page=page)
            resumed = True
        else:
            form = ProfileForm(instance=version, page=page)
    status = profile_status(page)
    return render(
        request,
        "merchant_portal/profile_form.html",
        {
            "account": account,
            "merchant": page,
            "form": form,
            "resumed": resumed,
            "status": status,
            "statuses": ProfileStatus,
            "photo_states": state_of_photos(page, status, version),
        },
    )


@merchant_required
def discard_draft(request, account, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    request.session.pop(DRAFT_SESSION_KEY, None)
    messages.info(request, _("Les modifications prévisualisées ont été abandonnées."))
    return redirect("merchant_portal:profile")


@merchant_required
def preview(request, account, page):
    """The profile as visitors would see it: the previewed form data if any, else the
    changes waiting for review (like Wagtail's preview, nothing is saved)."""
    draft = _draft(request, page)
    if request.method == "POST":
        if draft is None:
            return redirect("merchant_portal:profile")
        invalid = _save(request, page, _draft_querydict(draft), send=True)
        return redirect("merchant_portal:profile" if invalid else "merchant_portal:dashboard")
    version = latest_version(page)
    if draft is not None:
        form = ProfileForm(_draft_querydict(draft), instance=version, page=page)
        if not form.is_valid():
            return redirect("merchant_portal:profile")
        version = form.save(commit=False)
    request.is_preview = True
    context = version.get_context(request)
    context.update({"portal_draft": draft is not None, "account": account})
    return TemplateResponse(request, "merchant_portal/preview.html", context)


@merchant_required
@require_POST
def send(request, account, page):
    """ "Envoyer pour validation" from the dashboard: the saved changes, as they are."""
    if profile_status(page).can_send:
        try:
            send_for_review(page, request.user)
        except ReviewUnavailable:
            messages.warning(request, _("La validation n'a pas pu être demandée."))
        else:
            _say_where_changes_are(request, page, sent=True)
    else:
        messages.info(request, _("Vous n'avez pas de modifications à envoyer."))
    return redirect("merchant_portal:dashboard")


@merchant_required
@require_POST
def withdraw_review(request, account, page):
    """Take back a submission: the team no longer reviews it, the changes are kept."""
    if withdraw(page, request.user):
        messages.success(
            request,
            _(
                "Votre demande de validation est retirée. Vos modifications sont gardées : "
                "vous pouvez les compléter puis les envoyer à nouveau."
            ),
        )
    else:
        messages.info(request, _("Aucune demande de validation en cours."))
    return redirect("merchant_portal:dashboard")


@merchant_required
@require_POST
def confirm_up_to_date(request, account, page):
    """ "Mes informations sont à jour": the "checked on" date is renewed, live at once."""
    publish_no_approval_fields(page, {"last_verified": _today()}, request.user)
    messages.success(
        request,
        _("Merci ! Votre fiche indique que vos informations ont été vérifiées aujourd'hui."),
    )
    return redirect("merchant_portal:dashboard")
