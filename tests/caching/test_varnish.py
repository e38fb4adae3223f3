"""Through a real Varnish: anonymous pages are shared, and every change is seen by the
next anonymous request (Wagtail's frontend cache purges what the change concerns)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from home.models import FooterContent, SiteSettings, StandardPage
from merchants.collect.models import SlotTemplate
from merchants.models import Category, MerchantPage
from news.models import NewsIndexPage
from tests.caching.conftest import fetch
from tests.factories.home import StandardPageFactory
from tests.factories.news import NewsPageFactory
from tests.factories.portal import MerchantAccountFactory

pytestmark = pytest.mark.django_db(transaction=True)


def french(external_id):
    return MerchantPage.objects.get(external_id=external_id, locale__language_code="fr")


def warm(url):
    """Fetch twice: the second answer must come from Varnish."""
    first = fetch(url)
    second = fetch(url)
    assert first.status == second.status == 200, url
    assert second.cache == "HIT", (url, second.headers)
    return second


def test_anonymous_pages_are_shared_private_ones_never(site_behind_varnish):
    home = warm(f"{site_behind_varnish}/")
    assert "public" in home.headers["Cache-Control"]
    assert "s-maxage=" in home.headers["Cache-Control"]
    assert "max-age=0" in home.headers["Cache-Control"]
    assert home.headers.get("Set-Cookie") is None
    for path in (
        "/espace-commercant/connexion/",
        "/recherche/?q=pain",
        f"/retrait/{french('demo-002').pk}/creneau/",
    ):
        fetch(f"{site_behind_varnish}{path}")
        again = fetch(f"{site_behind_varnish}{path}")
        assert again.status == 200, path
        assert again.cache == "MISS", path
    # A logged-in visitor (a session cookie) always gets the app's answer.
    logged_in = fetch(f"{site_behind_varnish}/", Cookie="sessionid=abc")
    assert logged_in.cache == "MISS"


def test_a_published_merchant_is_seen_everywhere_it_shows(site_behind_varnish):
    merchant = french("demo-001")
    english = merchant.get_translation(Locale.objects.get(language_code="en"))
    urls = {
        "page": f"{site_behind_varnish}{merchant.url}",
        "english": f"{site_behind_varnish}{english.url}",
        "directory": f"{site_behind_varnish}/commerces/",
        "filtered": f"{site_behind_varnish}/commerces/?categorie=boulangerie-patisserie",
        "english_directory": f"{site_behind_varnish}/en/shops/",
    }
    for url in urls.values():
        warm(url)
    sitemap = warm(f"{site_behind_varnish}/sitemap.xml")
    assert sitemap.status == 200

    page = MerchantPage.objects.get(pk=merchant.pk)
    page.title = "Boulangerie du Quai Neuf"
    page.phone = "+33465710042"
    page.save_revision().publish()

    for name in ("page", "directory", "filtered"):
        assert "Boulangerie du Quai Neuf" in fetch(urls[name]).text, name
    english_page = fetch(urls["english"])
    assert "04 65 71 00 42" in english_page.text  # the fact reached the translation
    assert fetch(f"{site_behind_varnish}/sitemap.xml").cache == "MISS"
    assert fetch(urls["english_directory"]).cache == "MISS"


def test_unpublished_and_deleted_pages_leave_the_caches(site_behind_varnish):
    leaving = french("demo-005")
    deleted = french("demo-006")
    for url in (leaving.url, deleted.url, "/commerces/"):
        warm(f"{site_behind_varnish}{url}")

    MerchantPage.objects.get(pk=leaving.pk).unpublish()
    MerchantPage.objects.get(pk=deleted.pk).delete()

    assert fetch(f"{site_behind_varnish}{leaving.url}").status == 404
    assert fetch(f"{site_behind_varnish}{deleted.url}").status == 404
    directory = fetch(f"{site_behind_varnish}/commerces/").text
    assert leaving.title not in directory
    assert deleted.title not in directory


def test_a_moved_page_answers_at_its_new_address_only(site_behind_varnish):
    parent = StandardPage.objects.filter(locale__language_code="fr", depth=3).first()
    page = StandardPageFactory(parent=parent, title="Permanence des conseillers")
    page.save_revision().publish()
    old_url = f"{site_behind_varnish}{page.url}"
    warm(old_url)
    warm(f"{site_behind_varnish}{parent.url}")
    page.move(Page.objects.get(depth=2, locale__language_code="fr"), pos="last-child")
    page.refresh_from_db()
    # Wagtail's redirects app sends the old address to the new one (not the kept copy).
    moved = fetch(old_url)
    assert moved.status == 301
    assert moved.headers["Location"].endswith(page.url)
    assert fetch(f"{site_behind_varnish}{page.url}").status == 200
    assert page.title not in fetch(f"{site_behind_varnish}{parent.url}").text


def test_a_news_item_reaches_the_listing_its_topic_its_feeds_and_the_home_page(
    site_behind_varnish,
):
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    topic = index.topics()[0]
    paths = [
        index.url,
        f"{index.url}theme/{topic.slug}/",
        f"{index.url}rss/",
        f"{index.url}theme/{topic.slug}/atom/",
        "/",
    ]
    for path in paths:
        warm(f"{site_behind_varnish}{path}")

    article = NewsPageFactory(
        parent=index,
        title="Une halle couverte pour le marché de Tain",
        publication_date=timezone.now(),  # the newest: first in every listing
    )
    article.topics.set([topic])
    article.save_revision().publish()

    for path in paths:
        assert (
            "Une halle couverte pour le marché de Tain"
            in fetch(f"{site_behind_varnish}{path}").text
        ), path


def test_snippets_and_settings_shown_everywhere_purge_every_page(site_behind_varnish):
    merchant = french("demo-001")
    pages = ["/", "/commerces/", merchant.url, "/actualites/"]
    for path in pages:
        warm(f"{site_behind_varnish}{path}")

    category = Category.objects.get(slug="boulangerie-patisserie", locale__language_code="fr")
    category.name = "Boulangerie et pâtisserie artisanales"
    category.save()
    assert (
        "Boulangerie et pâtisserie artisanales"
        in fetch(f"{site_behind_varnish}{merchant.url}").text
    )
    assert (
        "Boulangerie et pâtisserie artisanales" in fetch(f"{site_behind_varnish}/commerces/").text
    )

    for path in pages:
        warm(f"{site_behind_varnish}{path}")
    footer = FooterContent.objects.get(locale__language_code="fr")
    footer.text = "Nouveau : une permanence pour les commerçants chaque mardi."
    footer.save()
    for path in pages:
        assert (
            "une permanence pour les commerçants chaque mardi"
            in fetch(f"{site_behind_varnish}{path}").text
        ), path

    settings_row = SiteSettings.objects.first()
    settings_row.organisation_name = "Agglo Rhône Commerces et Territoire"
    settings_row.save()
    for path in pages:
        assert (
            "Agglo Rhône Commerces et Territoire" in fetch(f"{site_behind_varnish}{path}").text
        ), path


def test_hours_saved_in_the_portal_are_live_through_the_cache(site_behind_varnish):
    merchant = french("demo-010")
    page_url = f"{site_behind_varnish}{merchant.url}"
    warm(page_url)
    account = MerchantAccountFactory(merchant=merchant, user__username="cache@commerces.example")
    portal = Client()
    portal.force_login(account.user)
    response = portal.post(
        reverse("merchant_portal:hours"),
        {
            "opening_hours": "Mo-Sa 06:15-21:45",
            "closed_from": "",
            "closed_until": "",
            "closure_message": "",
        },
    )
    assert response.status_code == 302
    assert "21:45" in fetch(page_url).text
    assert get_user_model().objects.filter(pk=account.user_id).exists()


def test_a_booking_that_fills_a_slot_is_seen_on_the_shop_page(site_behind_varnish):
    merchant = french("demo-002")  # the demo's cheese shop takes bookings
    SlotTemplate.objects.filter(merchant=merchant).update(capacity=1)
    page_url = f"{site_behind_varnish}{merchant.url}"
    before = warm(page_url).text
    day = before.split('name="jour" value="', 1)[1].split('"', 1)[0]
    booking_page = (
        Client()
        .get(reverse("call_collect:book", args=[merchant.pk]), {"jour": day})
        .content.decode()
    )
    slots = booking_page.count('name="booking-slot"')
    assert slots >= 1
    first_slot = booking_page.split('name="booking-slot" value="', 1)[1].split('"', 1)[0]

    from tests.collect.conftest import booking_data

    response = Client().post(
        reverse("call_collect:book", args=[merchant.pk]),
        booking_data(**{"booking-slot": first_slot}),
    )
    assert response.status_code == 302

    after = fetch(page_url)
    assert after.cache == "MISS"  # purged by the booking
    if slots == 1:
        assert f'value="{day}"' not in after.text
    else:
        count_before = before.split(f'value="{day}"', 1)[1].split("(", 1)[1].split(" ", 1)[0]
        count_after = after.text.split(f'value="{day}"', 1)[1].split("(", 1)[1].split(" ", 1)[0]
        assert int(count_after) == int(count_before) - 1


def test_a_shop_page_is_not_shared_beyond_its_next_opening_change(site_behind_varnish):
    merchant = french("demo-001")
    response = fetch(f"{site_behind_varnish}{merchant.url}")
    seconds = int(response.headers["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    status_changes_at = (
        MerchantPage.objects.get(pk=merchant.pk)
        .status(datetime.datetime.now(datetime.UTC))
        .changes_at
    )
    if status_changes_at is not None:
        left = (status_changes_at - datetime.datetime.now(datetime.UTC)).total_seconds()
        assert seconds <= left + 1
