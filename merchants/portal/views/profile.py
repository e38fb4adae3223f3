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

from merchants.models import Category
from merchants.portal.access import merchant_required
from merchants.portal.forms import ProfileForm
from merchants.portal.profile import (
    ProfileStatus,
    ReviewUnavailable,
    latest_version,
    profile_status,
    resubmit_latest,
    submit_for_review,
)

DRAFT_SESSION_KEY = "merchant_portal_draft"
ACTION_PREVIEW = "preview"


@merchant_required
def dashboard(request, account, page):
    version = latest_version(page)
    return render(
        request,
        "merchant_portal/dashboard.html",
        {
            "account": account,
            "merchant": page,
            "version": version,
            "status": profile_status(page),
            "statuses": ProfileStatus,
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


def _submit(request, page, data):
    """Submit ``data`` (the profile form's fields) for review; returns the invalid form
    to show again, or None once submitted."""

    def build(version):
        form = ProfileForm(data, instance=version, page=page)
        if not form.is_valid():
            raise _InvalidChanges(form)
        return form.save(commit=False)

    try:
        submit_for_review(page, build, request.user)
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
        messages.success(
            request,
            _(
                "Vos modifications sont envoyées à l'équipe communication. Elles seront en "
                "ligne dès qu'elle les aura validées ; vous recevrez un courriel."
            ),
        )
    request.session.pop(DRAFT_SESSION_KEY, None)
    return None


@merchant_required
def edit_profile(request, account, page):
    resumed = False
    if request.method == "POST":
        version = latest_version(page)
        form = ProfileForm(request.POST, instance=version, page=page)
        if form.is_valid():
            if request.POST.get("action") == ACTION_PREVIEW:
                _save_draft(request, page)
                return redirect("merchant_portal:preview", permanent=False)
            invalid = _submit(request, page, request.POST)
            if invalid is None:
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
    return render(
        request,
        "merchant_portal/profile_form.html",
        {
            "account": account,
            "merchant": page,
            "form": form,
            "resumed": resumed,
            "status": profile_status(page),
            "statuses": ProfileStatus,
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
        invalid = _submit(request, page, _draft_querydict(draft))
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
def resubmit(request, account, page):
    """Send again the changes whose review the team cancelled."""
    if profile_status(page).can_resubmit:
        try:
            resubmit_latest(page, request.user)
        except ReviewUnavailable:
            messages.warning(request, _("La validation n'a pas pu être demandée."))
        else:
            messages.success(request, _("Vos modifications sont envoyées pour validation."))
    return redirect("merchant_portal:dashboard")
