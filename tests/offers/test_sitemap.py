"""The sitemap lists the offers residents can see today, not those that ended or are
out of season (live pages that answer 410 or 404), and is shared until that changes."""

import datetime
import re

import pytest
from django.utils import timezone

from merchants.opening_hours import PARIS, midnight
from offers.models import OfferPage

pytestmark = pytest.mark.django_db


def test_the_sitemap_leaves_out_offers_that_ended_and_lasts_until_midnight(client):
    ended = OfferPage.objects.get(slug="saint-felicien-le-troisieme-offert", live=True)
    current = OfferPage.objects.live().filter(kind="produit", availability="en_stock").first()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert current.full_url in xml
    assert ended.full_url not in xml
    assert f"/{ended.slug}/" not in xml
    # Shared no later than the next Paris midnight, when a promotion starts or ends.
    lifetime = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    now = timezone.now()
    tomorrow = now.astimezone(PARIS).date() + datetime.timedelta(days=1)
    assert lifetime <= (midnight(tomorrow) - now).total_seconds() + 1
