"""The profile's other walls: the long presentation, "my information is up to date"."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from merchants.opening_hours import PARIS
from tests.portal.conftest import fresh, profile_data

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)


def test_confirming_the_information_renews_the_checked_date_on_the_public_page(
    client, client_a, merchant_a
):
    with time_machine.travel(NOW, tick=False):
        response = client_a.post(reverse("merchant_portal:confirm_up_to_date"))

    assert response.status_code == 302
    page = fresh(merchant_a)
    assert page.last_verified == datetime.date(2026, 12, 1)
    assert page.live_revision.as_object().last_verified == datetime.date(2026, 12, 1)
    assert "1 décembre 2026" in client.get(page.get_url()).content.decode()


def test_the_long_presentation_is_edited_with_a_few_marks_and_sanitised(client_a, merchant_a):
    text = (
        "Notre histoire.\n\n**Fromages fermiers** :\n\n- picodon\n- tomme\n\n"
        "[Nos producteurs](https://exemple.example/producteurs) "
        "<script>alert(1)</script>"
    )
    response = client_a.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant_a, presentation=text, action="save"),
    )

    assert response.status_code == 302
    body = fresh(merchant_a).get_latest_revision_as_object().body
    assert "<b>Fromages fermiers</b>" in body
    assert "<li>picodon</li>" in body
    assert 'href="https://exemple.example/producteurs"' in body
    assert "<script" not in body
