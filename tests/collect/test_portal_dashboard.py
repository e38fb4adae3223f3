"""What the merchant sees first: new requests counted on the dashboard, the inbox in
pickup order (today's first), the day's list."""

import datetime

import pytest
from django.urls import reverse

from merchants.collect.models import PickupRequest
from tests.collect.conftest import NOW, paris

pytestmark = pytest.mark.django_db

Kind = PickupRequest.Kind
Status = PickupRequest.Status


def add(merchant, name, kind=Kind.BOOKING, slot_start=None, status=Status.NEW):
    return PickupRequest.objects.create(
        merchant=merchant,
        kind=kind,
        name=name,
        phone="+33465712030",
        slot_start=slot_start,
        seat=1 if slot_start else None,
        status=status,
    )


def squeezed(response):
    return " ".join(response.content.decode().split())


def test_dashboard_counts_new_callback_requests_and_the_days_pickups(
    clock, cheese_client, cheese_shop
):
    PickupRequest.objects.filter(merchant=cheese_shop).delete()
    for number in range(5):
        add(cheese_shop, f"Rappel {number}", kind=Kind.CALLBACK)
    add(cheese_shop, "Déjà rappelé", kind=Kind.CALLBACK, status=Status.DONE)
    add(cheese_shop, "Ce matin", slot_start=paris(2030, 6, 3, 11, 0), status=Status.CONFIRMED)
    add(cheese_shop, "Demain", slot_start=paris(2030, 6, 4, 10, 0))

    dashboard = squeezed(cheese_client.get(reverse("merchant_portal:dashboard")))

    assert '<span class="collect-figure__number">5</span> nouvelles demandes de rappel' in (
        dashboard
    )
    assert '<span class="collect-figure__number">1</span> réservation à confirmer' in dashboard
    assert '<span class="collect-figure__number">1</span> retrait aujourd\'hui' in dashboard
    assert '<span class="collect-figure__number">1</span> retrait demain' in dashboard


def test_inbox_lists_pickups_by_time_with_today_first(clock, cheese_client, cheese_shop):
    PickupRequest.objects.filter(merchant=cheese_shop).delete()
    # Received in this order: the inbox must not follow it.
    add(cheese_shop, "Semaine prochaine", slot_start=paris(2030, 6, 11, 10, 0))
    add(cheese_shop, "Demain matin", slot_start=paris(2030, 6, 4, 10, 0))
    add(cheese_shop, "Rappel", kind=Kind.CALLBACK)
    add(cheese_shop, "Hier", slot_start=NOW - datetime.timedelta(days=1))
    add(cheese_shop, "Cet après-midi", slot_start=paris(2030, 6, 3, 16, 0))
    add(cheese_shop, "Ce matin", slot_start=paris(2030, 6, 3, 10, 0))

    content = squeezed(
        cheese_client.get(reverse("merchant_portal:collect_requests") + "?etat=all")
    )

    order = [
        "Retraits d&#x27;aujourd&#x27;hui",
        "— Ce matin",
        "— Cet après-midi",
        "Retraits à venir",
        "— Demain matin",
        "— Semaine prochaine",
        "Demandes de rappel",
        "— Rappel",
        "Retraits passés",
        "— Hier",
    ]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)


def test_day_list_prints_and_exports_the_days_pickups(clock, cheese_client, cheese_shop):
    PickupRequest.objects.filter(merchant=cheese_shop).delete()
    add(cheese_shop, "Ce matin", slot_start=paris(2030, 6, 3, 10, 0))
    add(cheese_shop, "Annulé", slot_start=paris(2030, 6, 3, 11, 0), status=Status.CANCELLED)
    add(cheese_shop, "Demain", slot_start=paris(2030, 6, 4, 10, 0))
    url = reverse("merchant_portal:collect_day")

    page = squeezed(cheese_client.get(url))
    assert "Ce matin" in page and "Annulé" not in page and "Demain" not in page

    export = cheese_client.get(url, {"date": "2030-06-04", "format": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    body = export.content.decode("utf-8-sig")
    assert "Demain" in body and "Ce matin" not in body

    refused = cheese_client.get(url, {"date": "pas-une-date"})
    assert refused.status_code == 200


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("pas-une-date", "Indiquez une date, par exemple 20/12/2025."),
        ("2030-02-30", "Indiquez une date, par exemple 20/12/2025."),
        ("2040-06-03", "Choisissez un jour entre il y a un an et dans un an."),
        ("1999-12-31", "Choisissez un jour entre il y a un an et dans un an."),
    ],
)
def test_a_bad_day_is_explained_and_today_is_listed(
    clock, cheese_client, cheese_shop, date, message
):
    PickupRequest.objects.filter(merchant=cheese_shop).delete()
    add(cheese_shop, "Ce matin", slot_start=paris(2030, 6, 3, 10, 0))
    url = reverse("merchant_portal:collect_day")

    for params in ({"date": date}, {"date": date, "format": "csv"}):
        response = cheese_client.get(url, params)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")  # never a spreadsheet
        page = squeezed(response)
        assert message in page
        assert "Ce matin" in page
