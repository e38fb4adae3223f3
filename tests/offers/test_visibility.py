"""Expired promotions and seasonal items out of season never show, with no one
unpublishing them: the rule is computed from the Europe/Paris date of each request."""

import datetime
import re

import pytest
import time_machine
from django.test import override_settings

from offers.models import OfferPage
from tests.factories.offers import OfferPageFactory
from tests.offers.conftest import paris

pytestmark = pytest.mark.django_db

LISTING = "/offres/"


@pytest.fixture
def promotion(merchant):
    return OfferPageFactory(
        parent=merchant,
        title="Tomme en promotion",
        kind="promotion",
        valid_from=datetime.date(2026, 3, 20),
        valid_until=datetime.date(2026, 3, 28),  # the night of 28 to 29 March: summer time
    )


@pytest.fixture
def galette(merchant):
    return OfferPageFactory(
        parent=merchant,
        title="Galette des rois d'essai",
        availability="saisonnier",
        season_months=1,  # January
    )


def listed(client, url=LISTING):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def s_maxage(response):
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (paris(2026, 3, 19, 23, 59), False),
        (paris(2026, 3, 20, 0, 0), True),
        (paris(2026, 3, 28, 23, 59), True),
        (paris(2026, 3, 29, 0, 0), False),
    ],
)
def test_a_promotion_shows_from_its_first_to_its_last_day_in_paris(
    client, merchant, promotion, moment, shown
):
    with time_machine.travel(moment, tick=False):
        assert ("Tomme en promotion" in listed(client)) is shown
        assert ("Tomme en promotion" in listed(client, merchant.url)) is shown
        assert promotion in OfferPage.objects.visible_on(moment.date()) or not shown


def test_the_rule_uses_the_paris_date_not_utc(client, promotion):
    # 23:30 UTC on 28 March is already 00:30 (summer time) on the 29th in Paris.
    with time_machine.travel(datetime.datetime(2026, 3, 28, 23, 30, tzinfo=datetime.UTC)):
        assert "Tomme en promotion" not in listed(client)


def test_an_offer_over_answers_gone_with_a_link_to_the_shop(client, merchant, promotion):
    with time_machine.travel(paris(2026, 3, 28, 23, 59), tick=False):
        response = client.get(promotion.url)
        assert response.status_code == 200
        assert "Tomme en promotion" in response.content.decode()
    with time_machine.travel(paris(2026, 3, 29, 0, 0), tick=False):
        response = client.get(promotion.url)
    assert response.status_code == 410
    text = response.content.decode()
    assert "Cette offre est terminée" in text
    assert "28 mars 2026" in text
    assert f'href="{merchant.url}"' in text
    assert "noindex" in text
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_an_offer_not_started_is_not_found_yet_and_says_when(client, promotion):
    with time_machine.travel(paris(2026, 3, 19, 12, 0), tick=False):
        response = client.get(promotion.url)
    assert response.status_code == 404
    assert "elle commence le 20 mars 2026" in response.content.decode()


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (paris(2026, 12, 31, 23, 59), False),
        (paris(2027, 1, 1, 0, 0), True),
        (paris(2027, 1, 31, 23, 59), True),
        (paris(2027, 2, 1, 0, 0), False),
    ],
)
def test_a_seasonal_item_shows_in_its_months_only(client, galette, moment, shown):
    with time_machine.travel(moment, tick=False):
        assert ("Galette des rois d&#x27;essai" in listed(client)) is shown
        response = client.get(galette.url)
        assert response.status_code == (200 if shown else 404)
        if not shown:
            assert "pas de saison" in response.content.decode()


@override_settings(PAGE_CACHE_SECONDS=7 * 24 * 3600)
def test_shared_copies_last_until_the_next_midnight_a_change_happens(client, merchant, promotion):
    # Saturday 28 March 2026 at noon (UTC+1): the promotion's last day. It disappears
    # at midnight, 12 hours later, and the change to summer time comes after.
    with time_machine.travel(paris(2026, 3, 28, 12, 0), tick=False):
        assert s_maxage(client.get(LISTING)) == 12 * 3600
        assert s_maxage(client.get(promotion.url)) == 12 * 3600
        assert s_maxage(client.get(merchant.url)) <= 12 * 3600
    # On the 19th at noon it starts the next midnight.
    with time_machine.travel(paris(2026, 3, 19, 12, 0), tick=False):
        assert s_maxage(client.get(LISTING)) == 12 * 3600


@override_settings(PAGE_CACHE_SECONDS=7 * 24 * 3600)
def test_the_bound_counts_real_hours_across_a_change_of_time(client, merchant):
    OfferPageFactory(
        parent=merchant,
        kind="promotion",
        title="Fin en octobre",
        valid_from=datetime.date(2026, 10, 1),
        valid_until=datetime.date(2026, 10, 25),  # winter time on the 25th at 03:00
    )
    with time_machine.travel(paris(2026, 10, 24, 12, 0), tick=False):
        # Noon on the 24th to midnight on the 26th: 36 hours, plus the hour given back.
        assert s_maxage(client.get(LISTING)) == 37 * 3600
