"""What the merchant portal's "Mes offres" does to a shop's offers.

Offers are pages below the shop's page (``offers.models``), edited the way the portal
edits the profile (``merchants.portal.profile``): always through Wagtail revisions.

- Price, availability and stock (``LIVE_FIELDS``) go live at once on a published offer,
  like opening hours, without touching the text waiting for review
  (``home.translation.publishing.publish_fields``; translations follow, these are
  synchronised facts).
- Everything else (a new offer, its text, photo, dates and categories) joins the
  offer's pending change, sent for review in the merchants' workflow with one click
  for every offer the merchant changed ("Envoyer pour validation").
- Withdrawing takes an offer off the site at once, its translations too, and cancels
  its review: a sold-out item must not come back when the team approves it.
- The shop's page lists its offers in the page tree's order: moving one up or down
  moves its translations the same way.

Only the French offers are edited here (the portal works on the French page); the
team translates them with wagtail-localize.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState

from home.slugs import ascii_slug
from home.translation.publishing import lock_page, publish_fields
from merchants import open_periods
from merchants.opening_hours import paris_today
from merchants.portal.profile import (
    ProfileStatus,
    latest_version,
    request_review,
    save_changes,
    status_from,
)
from offers.choices import Availability
from offers.display import availability_text, price_text
from offers.models import OfferPage

# Live at once on a published offer (see the module docstring).
LIVE_FIELDS = (
    "price_mode",
    "price",
    "price_max",
    "unit",
    "availability",
    "season_months",
    "stock_quantity",
)
# Copied by "Dupliquer", with the categories; the title gets "(copie)".
COPIED_FIELDS = (
    "kind",
    "description",
    "photo_id",
    "photo_alt",
    *LIVE_FIELDS,
    "valid_from",
    "valid_until",
    "conditions",
)
UP, DOWN = "up", "down"


def offers_of(merchant):
    """The shop's own offers (its page's children in its language), in its order."""
    return (
        OfferPage.objects.child_of(merchant).filter(locale_id=merchant.locale_id).order_by("path")
    )


@dataclass
class OfferRow:
    """One offer in the portal's list: its newest version and where it stands."""

    offer: OfferPage
    version: OfferPage
    status: ProfileStatus
    today: datetime.date

    @property
    def withdrawn(self):
        return not self.offer.live and self.offer.first_published_at is not None

    @property
    def price(self):
        return price_text(self.version)

    @property
    def availability(self):
        return availability_text(self.version)

    @property
    def state_label(self):
        live, state = self.offer.live, self.status.state
        if self.withdrawn:
            return _("Retirée du site")
        if state == ProfileStatus.PENDING:
            if live:
                return _("En ligne ; modifications en attente de validation")
            return _("En attente de validation")
        if state == ProfileStatus.CHANGES_REQUESTED:
            return _("L'équipe vous demande des modifications")
        if state == ProfileStatus.NOT_SUBMITTED:
            if live:
                return _("En ligne ; modifications pas encore envoyées")
            return _("Pas encore envoyée pour validation")
        return _("En ligne") if live else _("Pas en ligne")

    @property
    def hidden_today(self):
        """Why a live offer is not shown today (its dates, its season), or ""."""
        offer, today = self.offer, self.today
        if not offer.live or offer.is_visible_on(today):
            return ""
        if offer.is_over_on(today):
            return _("Plus affichée : sa validité est terminée.")
        if offer.valid_from and offer.valid_from > today:
            return _("Affichée à partir du %(date)s.") % {
                "date": date_format(offer.valid_from, "j F Y")
            }
        return _("Pas affichée ce mois-ci : hors saison.")


def rows_of(merchant):
    """``OfferRow`` of each offer; three queries however many offers there are."""
    offers = list(offers_of(merchant).select_related("latest_revision", "photo"))
    page_type = ContentType.objects.get_for_model(Page)
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(base_content_type=page_type, object_id__in=[str(offer.pk) for offer in offers])
        .select_related("current_task_state")
    }
    today = paris_today(open_periods.current_time())
    rows = []
    for offer in offers:
        revision = offer.latest_revision
        pending = offer.has_unpublished_changes and revision is not None
        version = revision.as_object() if pending else offer
        rows.append(OfferRow(offer, version, status_from(offer, states.get(offer.pk)), today))
    return rows


def _apply(values, categories, version):
    for name, value in values.items():
        setattr(version, name, value)
    version.categories = list(categories)
    return version


def create_offer(merchant, values, categories, user, *, send):
    """A new offer below ``merchant``'s page, not live: its first revision, sent for
    review if ``send``. ``values`` are model fields (``OfferForm.values``). Returns the
    offer and whether a review was asked for."""
    with transaction.atomic():
        merchant = lock_page(merchant)
        offer = _apply(
            values, categories, OfferPage(live=False, owner=user, locale=merchant.locale)
        )
        offer.slug = find_available_slug(merchant, ascii_slug(offer.title)[:200] or "offre")
        merchant.add_child(instance=offer)
        offer.save_revision(user=user, log_action=True)
        reviewed = request_review(lock_page(offer), user) if send else False
    return offer, reviewed


def save_offer(offer, values, categories, user, *, live_changed, reviewed_changed, send):
    """The merchant's changes to ``offer``: price, availability and stock live at once
    if it is published, the rest into its pending change; then a review if ``send``.
    Returns whether a review was asked for."""
    with transaction.atomic():
        offer = lock_page(offer)
        if offer.live and live_changed:
            live = {name: values[name] for name in LIVE_FIELDS if name in values}
            publish_fields(offer, lambda version: _set_changed(version, live), user=user)
            offer = lock_page(offer)
        if reviewed_changed or not offer.live:
            save_changes(offer, lambda version: _apply(values, categories, version), user)
        if send:
            return request_review(lock_page(offer), user)
    return False


def _set_changed(version, values):
    changed = False
    for name, value in values.items():
        if getattr(version, name) != value:
            setattr(version, name, value)
            changed = True
    return changed


def send_all(merchant, user):
    """ "Envoyer pour validation" on the list: every offer whose changes are saved but
    not under review. Returns how many were sent (None if no workflow applies)."""
    sent = 0
    with transaction.atomic():
        for row in rows_of(merchant):
            if row.status.can_send and not row.withdrawn:
                if not request_review(lock_page(row.offer), user):
                    return None
                sent += 1
    return sent


def duplicate_offer(offer, user):
    """A new offer, not live, with the newest version's content: the merchant edits
    it (a second flavour, next month's promotion) and sends it for review."""
    source = latest_version(offer)
    values = {name: getattr(source, name) for name in COPIED_FIELDS}
    values["title"] = _("%(title)s (copie)") % {"title": source.title}
    values["title"] = values["title"][:255]
    merchant = offer.get_parent()
    copy, _reviewed = create_offer(merchant, values, source.categories.all(), user, send=False)
    return copy


def withdraw_offer(offer, user):
    """Off the site now, with its translations; its review (if any) is cancelled and
    its changes are kept. Returns whether it was live."""
    with transaction.atomic():
        offer = lock_page(offer)
        state = WorkflowState.objects.active().for_instance(offer).first()
        if state is not None:
            state.cancel(user=user)
        was_live = offer.live
        for page in [offer, *offer.get_translations().live().specific()]:
            if page.live:
                UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    return was_live


def move_offer(offer, direction, user):
    """Swap ``offer`` with its neighbour in the shop's order (and their translations
    below the translated shop pages). Returns False at either end."""
    with transaction.atomic():
        merchant = lock_page(offer.get_parent())
        siblings = list(offers_of(merchant))
        index = next(i for i, sibling in enumerate(siblings) if sibling.pk == offer.pk)
        target = index - 1 if direction == UP else index + 1
        if not 0 <= target < len(siblings):
            return False
        position = "left" if direction == UP else "right"
        neighbour = siblings[target]
        _move(siblings[index], neighbour, position, user)
        neighbours = {page.locale_id: page for page in neighbour.get_translations()}
        for translation in offer.get_translations():
            other = neighbours.get(translation.locale_id)
            if (
                other is not None
                and other.path[: -other.steplen] == translation.path[: -translation.steplen]
            ):
                _move(translation, other, position, user)
    return True


def _move(page, target, position, user):
    # Fresh rows: treebeard moves by path, and each move renumbers siblings.
    page = Page.objects.get(pk=page.pk)
    target = Page.objects.get(pk=target.pk)
    MovePageAction(page, target, pos=position, user=user).execute(skip_permission_checks=True)


# A limited stock at or below this is "running low" on the dashboard.
LOW_STOCK = 3


def dashboard_panel(request, merchant, now):
    """The portal dashboard's "Mes offres" panel (``merchants.portal.dashboard``): how
    many are online, waiting for review or not sent, and which are running low."""
    rows = rows_of(merchant)
    online = [row for row in rows if row.offer.live]
    low = [
        row
        for row in online
        if row.offer.availability == Availability.LIMITED
        and (row.offer.stock_quantity or 0) <= LOW_STOCK
    ]
    return "offers/portal/dashboard_panel.html", {
        "online": len(online),
        "pending": sum(1 for row in rows if row.status.state == ProfileStatus.PENDING),
        "to_send": sum(1 for row in rows if row.status.can_send and not row.withdrawn),
        "low": low,
    }
