"""The slots page shows the merchant what residents will be offered in the coming
days: free seats only, in the opening hours, exceptions applied."""

import datetime
import re

import pytest
from django.urls import reverse

from merchants.collect.models import PickupRequest, SlotException
from tests.collect.conftest import add_bookings

pytestmark = pytest.mark.django_db


def preview(client):
    html = client.get(reverse("merchant_portal:collect_slots")).content.decode()
    section = html.split('class="collect-next-week"', 1)[1].split("</section>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split())


def test_the_preview_follows_bookings_and_exceptions(cheese_client, cheese_shop, clock):
    PickupRequest.objects.filter(merchant=cheese_shop).delete()
    # Monday 3 June 2030, 09:00: the shop's slots are Tu-Fr 10:00-12:00, 2 seats each.
    shown = preview(cheese_client)
    assert "Ce que vos clients verront ces" in shown
    tuesday = shown.split("Mar. 4 juin", 1)[1].split("Mer. 5 juin", 1)[0]
    assert "10:00 (2 places)" in tuesday
    assert "Mer. 5 juin" in shown
    assert "Lun." not in shown  # closed on Mondays

    add_bookings(cheese_shop, 1)
    tuesday = preview(cheese_client).split("Mar. 4 juin", 1)[1].split("Mer.", 1)[0]
    assert "10:00 (1 place)" in tuesday  # French singular

    PickupRequest.objects.filter(merchant=cheese_shop).delete()
    add_bookings(cheese_shop, 2)  # both seats of 10:00
    tuesday = preview(cheese_client).split("Mar. 4 juin", 1)[1].split("Mer.", 1)[0]
    assert "10:00" not in tuesday

    SlotException.objects.create(
        merchant=cheese_shop, date=datetime.date(2030, 6, 5), kind=SlotException.Kind.CLOSED
    )
    assert "Mer. 5 juin" not in preview(cheese_client)
