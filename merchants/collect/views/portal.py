"""The merchant's side, in the portal: requests and bookings, pickup slots.

As everywhere in the portal, the shop is the one of ``request.user``'s account
(``merchant_required``); a request or slot named in the URL is looked up among that
shop's own, so another shop's id is a 404.
"""

import csv
import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from home.params import positive_int
from home.spreadsheets import spreadsheet_text
from merchants import open_periods
from merchants.collect import booking, emails, inbox
from merchants.collect.forms import AnswerForm, DayListForm, SlotExceptionForm, SlotTemplateForm
from merchants.collect.models import PickupRequest, SlotException, SlotTemplate
from merchants.collect.slots import upcoming_slots
from merchants.opening_hours import PARIS
from merchants.portal.access import merchant_required

Status = PickupRequest.Status
PER_PAGE = 30
PREVIEW_DAYS = 7
CSV_COLUMNS = [
    ("time", gettext_lazy("Heure")),
    ("name", gettext_lazy("Nom")),
    ("phone", gettext_lazy("Téléphone")),
    ("email", gettext_lazy("Courriel")),
    ("note", gettext_lazy("Note du client")),
    ("status", gettext_lazy("État")),
]
# Which answers each state allows.
TRANSITIONS = {
    "confirm": {Status.NEW},
    "cancel": {Status.NEW, Status.CONFIRMED},
    "done": {Status.NEW, Status.CONFIRMED},
}


@merchant_required
def requests_list(request, account, page):
    """One tab per state ("new" by default), in pickup order: today's first
    (``inbox.in_pickup_order``)."""
    status = request.GET.get("etat", Status.NEW)
    if status not in Status.values and status != "all":
        status = Status.NEW
    mine = PickupRequest.objects.filter(merchant=page)
    counts = dict(mine.values_list("status").annotate(total=Count("pk")).order_by())
    shown = mine if status == "all" else mine.filter(status=status)
    now = open_periods.current_time()
    paginator = Paginator(inbox.in_pickup_order(shown, now), PER_PAGE)
    listing = paginator.get_page(positive_int(request.GET.get("page")) or 1)
    for item in listing:
        item.inbox_title = inbox.GROUP_TITLES[item.inbox_group]
    tabs = [(value, label, counts.get(value, 0)) for value, label in Status.choices]
    return render(
        request,
        "call_collect/portal/requests.html",
        {
            "account": account,
            "merchant": page,
            "status": status,
            "tabs": tabs,
            "total": sum(counts.values()),
            "listing": listing,
            "answer_form": AnswerForm(),
        },
    )


@merchant_required
@require_POST
@transaction.atomic
def answer(request, account, page, pk):
    # Locked: two tabs (or two people of the shop) answering at once take turns, and
    # the second sees the first one's answer.
    pickup_request = get_object_or_404(
        PickupRequest.objects.select_for_update(), pk=pk, merchant=page
    )
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Action inconnue : rien n'a été changé."))
        return redirect("merchant_portal:collect_requests")
    action, message = form.cleaned_data["action"], form.cleaned_data["message"]
    if pickup_request.status not in TRANSITIONS[action]:
        messages.error(
            request,
            _("Cette demande est déjà « %(status)s » : rien n'a été changé.")
            % {"status": pickup_request.get_status_display()},
        )
    elif action == "confirm":
        booking.confirm(pickup_request, message)
        emails.notify_confirmed(pickup_request)
        messages.success(request, _("Demande confirmée ; le client est prévenu par courriel."))
    elif action == "cancel":
        booking.cancel(pickup_request, message)
        emails.notify_cancelled_by_merchant(pickup_request)
        messages.success(request, _("Demande annulée ; le client est prévenu par courriel."))
    else:
        booking.mark_done(pickup_request)
        messages.success(request, _("Demande marquée comme terminée."))
    return redirect(f"{reverse('merchant_portal:collect_requests')}?etat={pickup_request.status}")


@merchant_required
def slots(request, account, page):
    """Recurring slot templates and dated exceptions, added and deleted here."""
    template_form, exception_form = SlotTemplateForm(prefix="tpl"), SlotExceptionForm(prefix="exc")
    if request.method == "POST":
        if request.POST.get("form") == "template":
            template_form = SlotTemplateForm(request.POST, prefix="tpl")
            form = template_form
        else:
            exception_form = SlotExceptionForm(request.POST, prefix="exc")
            form = exception_form
        form.instance.merchant = page
        if form.is_valid():
            form.save()
            messages.success(request, _("Créneaux enregistrés : ils sont en ligne."))
            return redirect("merchant_portal:collect_slots")
    now = open_periods.current_time()
    today = now.astimezone(PARIS).date()
    return render(
        request,
        "call_collect/portal/slots.html",
        {
            "account": account,
            "merchant": page,
            "templates": SlotTemplate.objects.filter(merchant=page),
            "exceptions": SlotException.objects.filter(merchant=page, date__gte=today),
            "template_form": template_form,
            "exception_form": exception_form,
            # What residents are offered over the next seven days, as they see it.
            "next_week": upcoming_slots(page, now, days=PREVIEW_DAYS),
            "preview_days": PREVIEW_DAYS,
        },
    )


@merchant_required
def edit_template(request, account, page, pk):
    """Change regular slots (days, hours, step, seats). Bookings already made stay as
    they are; the new rules apply to the slots still to book."""
    template = get_object_or_404(SlotTemplate, pk=pk, merchant=page)
    form = SlotTemplateForm(request.POST or None, instance=template, prefix="tpl")
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Créneaux modifiés : ils sont en ligne."))
        return redirect("merchant_portal:collect_slots")
    return render(
        request,
        "call_collect/portal/slot_template_edit.html",
        {"account": account, "merchant": page, "template_form": form, "template": template},
    )


@merchant_required
@require_POST
def delete_template(request, account, page, pk):
    get_object_or_404(SlotTemplate, pk=pk, merchant=page).delete()
    messages.success(request, _("Créneaux supprimés. Les réservations déjà faites restent."))
    return redirect("merchant_portal:collect_slots")


@merchant_required
@require_POST
def delete_exception(request, account, page, pk):
    get_object_or_404(SlotException, pk=pk, merchant=page).delete()
    messages.success(request, _("Exception supprimée."))
    return redirect("merchant_portal:collect_slots")


@merchant_required
def day_list(request, account, page):
    """The pickups of one day (``?date=``, today by default), to print or to export as
    a spreadsheet (``?format=csv``)."""
    today = open_periods.current_time().astimezone(PARIS).date()
    form = DayListForm(request.GET or None, today=today)
    day = form.cleaned_data["date"] if form.is_bound and form.is_valid() else today
    pickups = inbox.day_list(page, day)
    if request.GET.get("format") == "csv" and (not form.is_bound or form.is_valid()):
        return _day_list_csv(page, day, pickups)
    one_day = datetime.timedelta(days=1)
    return render(
        request,
        "call_collect/portal/day_list.html",
        {
            "account": account,
            "merchant": page,
            "form": form,
            "day": day,
            "today": today,
            "pickups": pickups,
            "previous_day": day - one_day if day - one_day >= form.first_day else None,
            "next_day": day + one_day if day + one_day <= form.last_day else None,
        },
    )


def _day_list_csv(page, day, pickups):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="retraits-{day.isoformat()}.csv"'
    # A byte order mark, so that Excel reads the accents as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(label) for _key, label in CSV_COLUMNS])
    for item in pickups:
        writer.writerow(
            [
                spreadsheet_text(value)
                for value in [
                    formats.time_format(item.slot_start.astimezone(PARIS), "H:i"),
                    item.name,
                    item.phone_display,
                    item.email,
                    item.topic,
                    item.get_status_display(),
                ]
            ]
        )
    return response
