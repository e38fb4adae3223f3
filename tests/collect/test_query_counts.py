"""The profile with the booking form costs the same queries with 2 or 50 bookings."""

import datetime

import pytest

from tests.collect.conftest import TUESDAY_10, add_bookings
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db

# The profile's own (see tests/merchants/test_profile.py: routing, the frame every page
# shares, the shop's relations, its coming events, its offers), with the block's three:
# slot templates, exceptions and taken seats. The cheese shop has an English page,
# found at once by the switcher.
PROFILE_QUERIES = 22


def test_profile_with_booking_form_has_a_fixed_query_count(client, clock, cheese_shop):
    add_bookings(cheese_shop, 2, TUESDAY_10)
    response = assert_constant_queries(
        lambda: client.get(cheese_shop.url),
        lambda: add_bookings(cheese_shop, 48, TUESDAY_10 + datetime.timedelta(days=7)),
        at_most=PROFILE_QUERIES,
    )
    assert response.status_code == 200
    assert "Réserver un créneau de retrait" in response.content.decode()
