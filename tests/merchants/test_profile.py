"""A merchant's profile page: status, hours, contact, structured data, queries."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from merchants.models import MerchantPage
from tests.factories.merchants import MerchantPageFactory

from .conftest import paris

pytestmark = pytest.mark.django_db


def structured_data(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_profile_shows_status_hours_and_contact(client, clock):
    clock(paris(2026, 6, 9, 13, 30))  # Tuesday, lunch break
    html = client.get("/commerces/boulangerie-du-quai/").content.decode()
    assert '<h1 class="merchant-profile__title">Boulangerie du Quai</h1>' in html
    assert '<span class="merchant-status__label">Fermé</span> — ouvre à 15:30' in html
    # Weekly table, today highlighted, holiday rule spelled out.
    assert '<tr class="hours-table__today" aria-current="date">' in html
    assert (
        '<th scope="row">Mardi <span class="hours-table__flag">(aujourd’hui)</span></th>' in html
    )
    assert "<td>06:30–13:00, 15:30–19:30</td>" in html
    assert "Fermé les jours fériés (prochain : 14 juillet)." in html
    # Phone: international number in the link, French way on screen.
    assert '<a href="tel:+33465710001">04 65 71 00 01</a>' in html
    assert 'alt="Illustration : la vallée au lever du jour, vue depuis le quai."' in html
    assert "Commander sur la boutique en ligne des commerçants" in html
    assert "Accessible en fauteuil roulant" in html
    assert "data-merchant-map" in html and 'data-latitude="45.' in html


def test_profile_structured_data(client, clock):
    clock(paris(2026, 6, 9, 10, 0))
    data = structured_data(client.get("/commerces/boulangerie-du-quai/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Bakery"  # from its category
    assert data["name"] == "Boulangerie du Quai"
    assert data["telephone"] == "+33465710001"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "14 quai Marc Seguin",
        "postalCode": "07300",
        "addressLocality": "Tournon-sur-Rhône",
        # The région: Ardèche (07) and Drôme (26) are both in it.
        "addressRegion": "Auvergne-Rhône-Alpes",
        "addressCountry": "FR",
    }
    assert data["geo"]["@type"] == "GeoCoordinates"
    assert 45.0 < data["geo"]["latitude"] < 45.1
    assert data["url"].endswith("/commerces/boulangerie-du-quai/")
    days = {item["dayOfWeek"].rsplit("/", 1)[1] for item in data["openingHoursSpecification"]}
    assert days == {"Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    assert "https://instagram.example/boulangerie-du-quai" in data["sameAs"]


def test_structured_data_cannot_break_out_of_its_script(client, directory):
    MerchantPageFactory(
        parent=directory, title="Chez </script><script>alert(1)</script>", slug="xss"
    )
    html = client.get("/commerces/xss/").content.decode()
    assert "<script>alert(1)" not in html
    assert structured_data(html)["name"] == "Chez </script><script>alert(1)</script>"


def test_temporary_closure_is_announced(client, directory, clock):
    clock(paris(2026, 6, 9, 10, 0))
    MerchantPageFactory(
        parent=directory,
        title="Atelier en congés",
        slug="atelier-en-conges",
        closed_from=datetime.date(2026, 6, 1),
        closed_until=datetime.date(2026, 6, 21),
        closure_message="Congés de printemps.",
    )
    html = client.get("/commerces/atelier-en-conges/").content.decode()
    assert "Fermeture temporaire du 1 juin 2026 au 21 juin 2026 inclus." in html
    assert "Congés de printemps." in html
    label = '<span class="merchant-status__label">Fermé temporairement</span>'
    assert f"{label} — ouvre le 22 juin à 09:00" in html
    data = structured_data(html)
    assert data["openingHoursSpecification"][-1]["validThrough"] == "2026-06-21"


def test_profile_without_hours_or_position(client, directory):
    MerchantPageFactory(
        parent=directory,
        title="Sans horaires",
        slug="sans-horaires",
        opening_hours="",
        latitude=None,
        longitude=None,
    )
    html = client.get("/commerces/sans-horaires/").content.decode()
    assert "Horaires non communiqués" in html
    assert "appelez avant de vous déplacer" in html
    assert "data-merchant-map" not in html
    assert "leaflet.js" not in html


def test_profile_queries_are_bounded(client):
    # The richest demo profile: logo, photos, social and platform links, categories.
    url = MerchantPage.objects.get(title="Boulangerie du Quai", locale__language_code="fr").url
    client.get(url)  # renditions are created on the first visit
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    rich = len(captured)
    url = MerchantPage.objects.get(
        title="Quincaillerie Vernet", locale__language_code="fr"
    ).url  # no photo, no link
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    # Routing 5 (site, home, directory, the shop with its commune and locale), the
    # frame 1 (home.frame: menu, footer, settings, search box), language links 1; the
    # shop's own relations 5 (categories, photos, renditions, social and platform
    # links); its coming events 2; three the call & collect block's (slot templates,
    # exceptions, taken seats: tests/collect); three the shop's offers (view
    # restrictions, offers, photos: tests/offers).
    assert rich <= 21
    assert len(captured) <= rich
