"""The portal's "Mes offres" (``/espace-commercant/offres/``, namespace
``merchant_offers``): list, create, edit, duplicate, withdraw, re-order and send for
review (``offers.portal``).

An offer is looked up among the signed-in merchant's own offers only: another shop's
offer id, like a made-up one, is a 404.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from merchants.portal.access import merchant_required
from merchants.portal.photos import store_photo
from merchants.portal.profile import ProfileStatus, latest_version, profile_status
from offers import portal
from offers.models import OfferPage
from offers.portal_forms import OfferForm

ACTION_SAVE = "save"
ACTION_SUBMIT = "submit"


def _own_offer(merchant, pk):
    return get_object_or_404(portal.offers_of(merchant), pk=pk)


@merchant_required
def offer_list(request, account, merchant):
    rows = portal.rows_of(merchant)
    return render(
        request,
        "offers/portal/offer_list.html",
        {
            "account": account,
            "merchant": merchant,
            "rows": rows,
            "statuses": ProfileStatus,
            "to_send": sum(1 for row in rows if row.status.can_send and not row.withdrawn),
        },
    )


def _values_with_photo(form, merchant, user):
    values = form.values()
    photo = form.cleaned_data.get("new_photo")
    if photo:
        values["photo_id"] = store_photo(merchant, photo, values["photo_alt"], user).pk
    return values


def _say_saved(request, *, sent, reviewed, live_only=False):
    if sent and reviewed:
        messages.success(
            request,
            _(
                "Offre envoyée à l'équipe communication : elle sera en ligne dès qu'elle "
                "l'aura validée."
            ),
        )
    elif sent:
        messages.warning(
            request,
            _(
                "Offre enregistrée, mais la validation n'a pas pu être demandée. Écrivez à "
                "l'équipe communication."
            ),
        )
    elif live_only:
        messages.success(request, _("Prix et disponibilité mis à jour : c'est en ligne."))
    else:
        messages.success(
            request,
            _(
                "Offre enregistrée, pas encore envoyée. Envoyez-la pour validation quand "
                "vous avez fini."
            ),
        )


@merchant_required
def offer_create(request, account, merchant):
    form = OfferForm(
        request.POST or None,
        request.FILES or None,
        instance=OfferPage(locale=merchant.locale),
        merchant=merchant,
    )
    if request.method == "POST" and form.is_valid():
        send = request.POST.get("action", ACTION_SUBMIT) != ACTION_SAVE
        _offer, reviewed = portal.create_offer(
            merchant,
            _values_with_photo(form, merchant, request.user),
            form.cleaned_data["categories"],
            request.user,
            send=send,
        )
        _say_saved(request, sent=send, reviewed=reviewed)
        return redirect("merchant_offers:list")
    return _form_page(request, account, merchant, form, None)


@merchant_required
def offer_edit(request, account, merchant, pk):
    offer = _own_offer(merchant, pk)
    form = OfferForm(
        request.POST or None,
        request.FILES or None,
        instance=latest_version(offer),
        merchant=merchant,
    )
    if request.method == "POST" and form.is_valid():
        send = request.POST.get("action", ACTION_SUBMIT) != ACTION_SAVE
        status = profile_status(offer)
        if not form.has_changed() and not (send and status.can_send):
            messages.info(request, _("Rien n'a changé : il n'y a rien à enregistrer."))
            return redirect("merchant_offers:edit", pk=offer.pk)
        reviewed = portal.save_offer(
            offer,
            _values_with_photo(form, merchant, request.user),
            form.cleaned_data["categories"],
            request.user,
            live_changed=form.live_changed,
            reviewed_changed=form.reviewed_changed,
            send=send and (form.reviewed_changed or status.can_send or not offer.live),
        )
        live_only = offer.live and not form.reviewed_changed and not status.can_send
        _say_saved(request, sent=send and not live_only, reviewed=reviewed, live_only=live_only)
        return redirect("merchant_offers:list")
    return _form_page(request, account, merchant, form, offer)


def _form_page(request, account, merchant, form, offer):
    return render(
        request,
        "offers/portal/offer_form.html",
        {
            "account": account,
            "merchant": merchant,
            "form": form,
            "offer": offer,
            "status": profile_status(offer) if offer else None,
            "statuses": ProfileStatus,
            "photo": form.instance.photo if form.instance.photo_id else None,
        },
    )


@merchant_required
@require_POST
def offer_duplicate(request, account, merchant, pk):
    copy = portal.duplicate_offer(_own_offer(merchant, pk), request.user)
    messages.success(
        request,
        _("Copie créée, pas encore en ligne : modifiez-la puis envoyez-la pour validation."),
    )
    return redirect("merchant_offers:edit", pk=copy.pk)


@merchant_required
@require_POST
def offer_withdraw(request, account, merchant, pk):
    if portal.withdraw_offer(_own_offer(merchant, pk), request.user):
        messages.success(request, _("L'offre est retirée du site."))
    else:
        messages.info(
            request, _("Cette offre n'était pas en ligne ; sa demande de validation est annulée.")
        )
    return redirect("merchant_offers:list")


@merchant_required
@require_POST
def offer_move(request, account, merchant, pk):
    offer = _own_offer(merchant, pk)
    direction = request.POST.get("direction")
    if direction in (portal.UP, portal.DOWN):
        portal.move_offer(offer, direction, request.user)
    return redirect(reverse("merchant_offers:list") + f"#offer-{offer.pk}")


@merchant_required
@require_POST
def offers_send(request, account, merchant):
    sent = portal.send_all(merchant, request.user)
    if sent is None:
        messages.warning(request, _("La validation n'a pas pu être demandée."))
    elif sent:
        messages.success(
            request,
            ngettext(
                "%(count)s offre envoyée à l'équipe communication.",
                "%(count)s offres envoyées à l'équipe communication.",
                sent,
            )
            % {"count": sent},
        )
    else:
        messages.info(request, _("Vous n'avez pas de modifications à envoyer."))
    return redirect("merchant_offers:list")
