import datetime
import re
import time

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from merchants.collect.booking import request_from_token
from merchants.collect.models import PickupRequest
from merchants.models import MerchantPage
from merchants.opening_hours import PARIS
from merchants.portal import throttle
from merchants.portal.models import MerchantAccount

# A Monday in June; the cheese shop (demo-002) opens Tu-Fr 09:00-12:30,15:00-19:00 and
# Sa 08:30-13:00,15:00-18:00 and publishes Tu-Fr 10:00-12:00 (2 seats) and Sa
# 09:00-12:30 (3 seats) in the demo.
NOW = datetime.datetime(2030, 6, 3, 9, 0, tzinfo=PARIS)
TUESDAY_10 = datetime.datetime(2030, 6, 4, 10, 0, tzinfo=PARIS)


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def slot_value(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%MZ")


def issued(seconds_ago=60):
    """A form timestamp as if the form had been shown ``seconds_ago`` (a new one each
    call: a value is accepted once per client)."""
    with time_machine.travel(time.time() - seconds_ago, tick=False):
        return throttle.issue_timestamp()


def linked_request(text):
    """The pickup request the resident's link in ``text`` (an email body or a redirect)
    opens, in the active language. A signed token carries the second it was made, so
    tests follow the link instead of comparing it with a token made again."""
    detail = reverse("call_collect:detail", args=["TOKEN"])
    match = re.search(re.escape(detail).replace("TOKEN", r"([\w:-]+)"), text)
    return match and request_from_token(match.group(1), NOW)


def demo_merchant(number):
    return MerchantPage.objects.get(external_id=f"demo-{number:03d}", locale__language_code="fr")


@pytest.fixture(autouse=True)
def french_by_default():
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def clock(monkeypatch):
    def set_now(moment):
        monkeypatch.setattr("merchants.open_periods.current_time", lambda: moment)
        return moment

    set_now(NOW)
    return set_now


@pytest.fixture
def cheese_shop(db):
    """demo-002, with its demo slots and its demo account (emails in English)."""
    return demo_merchant(2)


@pytest.fixture
def bakery(db):
    """demo-001, with its demo slots and its demo account (emails in French)."""
    return demo_merchant(1)


@pytest.fixture
def cheese_shop_en(cheese_shop):
    """The cheese shop's English page (translated in the demo)."""
    from wagtail.models import Locale

    return cheese_shop.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def cheese_client(client, cheese_shop):
    account = MerchantAccount.objects.get(merchant=cheese_shop)
    client.force_login(account.user)
    return client


def booking_data(start=TUESDAY_10, **changes):
    data = {
        "booking-slot": slot_value(start),
        "booking-name": "Lou Garnier",
        "booking-phone": "04 65 71 20 30",
        "booking-email": "lou.garnier@exemple.example",
        "booking-topic": "Deux picodons bien secs, s'il vous plaît.",
        "booking-website_confirmation": "",
        "booking-issued": issued(),
    }
    data.update(changes)
    return data


def callback_data(**changes):
    data = {
        "callback-name": "Sacha Morel",
        "callback-phone": "04 65 71 20 31",
        "callback-time_window": "morning",
        "callback-topic": "Un plateau pour huit personnes.",
        "callback-email": "sacha.morel@exemple.example",
        "callback-website_confirmation": "",
        "callback-issued": issued(),
    }
    data.update(changes)
    return data


def book_url(page):
    return reverse("call_collect:book", args=[page.pk])


def callback_url(page):
    return reverse("call_collect:callback", args=[page.pk])


def add_bookings(merchant, count, start=TUESDAY_10):
    """``count`` bookings on slots from ``start`` on, one seat each (bulk, no checks)."""
    PickupRequest.objects.bulk_create(
        [
            PickupRequest(
                merchant=merchant,
                kind=PickupRequest.Kind.BOOKING,
                name=f"Client {n}",
                phone="+33465712030",
                slot_start=start + datetime.timedelta(days=7 * (n // 2)),
                seat=n % 2 + 1,
            )
            for n in range(count)
        ]
    )
