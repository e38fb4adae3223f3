"""A shop's page shows its free pickup slots: it is purged from the page caches
(``home.caching``) when a booking takes or gives back a seat, and when the merchant
changes the slots. Only the shop's own page, in every language: the directory and the
home page do not show slots."""

from django.db.models.signals import post_delete, post_save

from home import caching
from merchants.collect.models import PickupRequest, SlotException, SlotTemplate


def _slots_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    if sender is PickupRequest and instance.kind != PickupRequest.Kind.BOOKING:
        return  # a callback request changes nothing on the page
    caching.purge_page_only([instance.merchant])


def connect():
    for model in (PickupRequest, SlotTemplate, SlotException):
        post_save.connect(_slots_changed, sender=model, dispatch_uid=f"slots-cache:{model}")
        post_delete.connect(_slots_changed, sender=model, dispatch_uid=f"slots-cache-d:{model}")
