"""Reserving an offer for pickup: a call & collect booking (``merchants.collect``)
that carries the offer and a quantity, taken from a limited stock.

The stock never goes below zero, however many residents reserve the last items at
once: the decrement is one ``UPDATE … WHERE stock_quantity >= quantity`` (PostgreSQL
makes the second of two simultaneous updates wait for the first and read its result;
SQLite has one writer at a time), and the table's check constraint
(``offer_stock_not_negative``) would refuse a negative value anyway. The decrement and
the booking are one transaction: a slot that just filled up gives the items back.

The stock is a synchronised fact: the French offer's row is the one decremented, its
translations' rows and any pending revision follow (approving those changes later
must not bring the old stock back). Cancelling the booking gives the items back, once.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils.translation import gettext as _

from home.caching import purge_pages
from merchants.collect.models import PickupRequest
from offers.choices import Availability
from offers.models import OfferPage, OfferReservation

# More than this in one booking is a typing mistake (or a wholesale order: call).
MAX_QUANTITY = 20


class OutOfStock(Exception):
    """Fewer items left than asked for (``left``: how many)."""

    def __init__(self, left):
        super().__init__(left)
        self.left = left


def source_offer(offer):
    """The French offer that holds the stock (``offer`` itself in French)."""
    if offer.locale.language_code == settings.LANGUAGE_CODE:
        return offer
    return (
        OfferPage.objects.filter(
            translation_key=offer.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .select_related("locale")
        .first()
    )


class _NotBooked(Exception):
    pass


def reserve(offer, quantity, book):
    """Take ``quantity`` of ``offer`` (the French one) and ``book()`` the pickup in one
    transaction; returns the booking, or None when ``book()`` returns None (then
    nothing is taken). Raises ``OutOfStock``."""
    try:
        with transaction.atomic():
            from_stock = offer.availability == Availability.LIMITED
            if from_stock:
                _take(offer, quantity)
            pickup_request = book()
            if pickup_request is None:
                raise _NotBooked  # rolls the stock back
            OfferReservation.objects.create(
                pickup_request=pickup_request,
                offer=offer,
                title=offer.title,
                quantity=quantity,
                from_stock=from_stock,
            )
    except _NotBooked:
        return None
    return pickup_request


def topic(offer, quantity, price, note):
    """What the merchant reads in the request's "objet": the inbox and their emails
    show it as it is."""
    line = _("Réservation : %(quantity)s × %(title)s (%(price)s)") % {
        "quantity": quantity,
        "title": offer.title,
        "price": price,
    }
    return f"{line}\n{note}" if note else line


def _take(offer, quantity):
    taken = OfferPage.objects.filter(pk=offer.pk, stock_quantity__gte=quantity).update(
        stock_quantity=F("stock_quantity") - quantity
    )
    if not taken:
        left = OfferPage.objects.filter(pk=offer.pk).values_list("stock_quantity", flat=True)
        raise OutOfStock(left.first() or 0)
    _follow(offer)


def _follow(offer):
    """The translations' rows and the pending revisions get the French row's stock."""
    stock = OfferPage.objects.filter(pk=offer.pk).values_list("stock_quantity", flat=True)[0]
    versions = OfferPage.objects.filter(translation_key=offer.translation_key)
    versions.exclude(pk=offer.pk).update(stock_quantity=stock)
    for version in versions.select_related("latest_revision"):
        revision = version.latest_revision
        if revision is not None and revision.pk != version.live_revision_id:
            revision.content["stock_quantity"] = stock
            revision.save(update_fields=["content"])
    purge_pages(list(versions.specific()))


def give_back(pickup_request):
    """A cancelled booking's items return to the stock, once (a second cancellation,
    or a save of the cancelled request, finds them given back already)."""
    reservation = OfferReservation.objects.filter(
        pickup_request=pickup_request, from_stock=True, stock_returned=False
    ).first()
    if reservation is None or reservation.offer_id is None:
        return
    with transaction.atomic():
        claimed = OfferReservation.objects.filter(pk=reservation.pk, stock_returned=False).update(
            stock_returned=True
        )
        if claimed:
            OfferPage.objects.filter(pk=reservation.offer_id).update(
                stock_quantity=F("stock_quantity") + reservation.quantity
            )
            _follow(OfferPage.objects.get(pk=reservation.offer_id))


def _request_saved(sender, instance, **kwargs):
    if instance.status == PickupRequest.Status.CANCELLED and instance.is_booking:
        give_back(instance)


def connect():
    post_save.connect(_request_saved, sender=PickupRequest, dispatch_uid="offers_give_back")
