"""Demo pickup slots and a few requests (``load_demo``).

Three call & collect shops of the demo directory publish slots within their opening
hours; the bakery (which has a demo portal account) has one callback request and one
booking waiting, so that the portal list is not empty. The communications team may see
the report. Idempotent: a shop that already has slot templates is left alone.
"""

import datetime

from django.utils import timezone

from merchants.collect.models import PickupRequest, SlotTemplate
from merchants.models import MerchantPage

# external id: [(ISO weekdays, start, end, minutes, capacity)]
DEMO_SLOTS = {
    "demo-001": [("23456", "10:00", "12:00", 30, 2), ("23456", "16:00", "18:30", 30, 2)],
    "demo-002": [("2345", "10:00", "12:00", 30, 2), ("6", "09:00", "12:30", 30, 3)],
    "demo-006": [("23456", "14:00", "18:00", 60, 3)],
}
DEMO_REQUESTS = [
    {
        "kind": PickupRequest.Kind.CALLBACK,
        "name": "Camille Rousset",
        "phone": "+33465710042",
        "email": "camille.rousset@exemple.example",
        "time_window": PickupRequest.TimeWindow.MORNING,
        "topic": "Un gâteau pour douze personnes samedi : que me conseillez-vous ?",
        "language": "fr",
    },
    {
        "kind": PickupRequest.Kind.CALLBACK,
        "name": "Morgan Ellis",
        "phone": "+33465710043",
        "email": "morgan.ellis@exemple.example",
        "time_window": PickupRequest.TimeWindow.AFTERNOON,
        "topic": "Do you bake gluten-free bread? I would like to order two loaves.",
        "language": "en",
    },
]


def _time(text):
    return datetime.time.fromisoformat(text)


def load(stdout):
    created = 0
    merchants = MerchantPage.objects.filter(external_id__in=DEMO_SLOTS, locale__language_code="fr")
    for merchant in merchants:
        if SlotTemplate.objects.filter(merchant=merchant).exists():
            continue
        for weekdays, start, end, minutes, capacity in DEMO_SLOTS[merchant.external_id]:
            SlotTemplate.objects.create(
                merchant=merchant,
                weekdays=weekdays,
                start_time=_time(start),
                end_time=_time(end),
                interval_minutes=minutes,
                capacity=capacity,
            )
            created += 1
    bakery = next((m for m in merchants if m.external_id == "demo-001"), None)
    if bakery is not None and not PickupRequest.objects.filter(merchant=bakery).exists():
        for details in DEMO_REQUESTS:
            PickupRequest.objects.create(
                merchant=bakery, created_at=timezone.now() - datetime.timedelta(hours=2), **details
            )
    stdout.write(f"Call & collect: {created} slot templates created.")
