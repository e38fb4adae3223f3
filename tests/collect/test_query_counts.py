"""The profile with the booking form costs the same queries with 2 or 50 bookings."""

import pytest

from tests.collect.conftest import TUESDAY_10, add_bookings

pytestmark = pytest.mark.django_db

# The profile's own (see tests/merchants/test_profile.py), plus three for the block:
# slot templates, exceptions and taken seats.
PROFILE_QUERIES = 27  # the cheese shop has an English page, found at once by the switcher


@pytest.mark.parametrize("count", [2, 50])
def test_profile_with_booking_form_has_a_fixed_query_count(
    client, clock, cheese_shop, django_assert_num_queries, count
):
    add_bookings(cheese_shop, count, TUESDAY_10)
    client.get(cheese_shop.url)  # warm caches (site, settings, renditions)
    with django_assert_num_queries(PROFILE_QUERIES):
        response = client.get(cheese_shop.url)
    assert response.status_code == 200
    assert "Réserver un créneau de retrait" in response.content.decode()
