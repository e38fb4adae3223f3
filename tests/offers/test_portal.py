"""Offers in the merchant portal ("Mes offres"): a merchant adds, edits, duplicates,
withdraws and re-orders their offers; price and stock are live at once, the rest after
the team's review; another shop's offers are out of reach."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from offers.models import OfferPage
from tests.factories.offers import bulk_offers
from tests.factories.portal import MerchantAccountFactory, TeamMemberFactory
from tests.portal.conftest import demo_merchant, review
from tests.portal.test_photos import picture
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db

LIST = reverse("merchant_offers:list")
CREATE = reverse("merchant_offers:create")


@pytest.fixture
def butcher():
    """Boucherie des Collines: three demo offers."""
    return demo_merchant(11)


@pytest.fixture
def salon():
    """Salon Mèche et Ciseaux: has an English page."""
    return demo_merchant(10)


@pytest.fixture
def butcher_client(client, butcher):
    account = MerchantAccountFactory(
        merchant=butcher, user__username="boucherie@commerces.example"
    )
    client.force_login(account.user)
    return client


@pytest.fixture
def team_client(db):
    from django.test import Client  # a second browser, beside the merchant's

    team = Client()
    team.force_login(TeamMemberFactory())
    return team


def offers_of(merchant):
    return list(
        OfferPage.objects.child_of(merchant).filter(locale=merchant.locale).order_by("path")
    )


def fresh(offer):
    return OfferPage.objects.get(pk=offer.pk)


def new_offer(**changes):
    data = {
        "title": "Terrine de campagne",
        "kind": "produit",
        "description": "Terrine maison au poivre vert, en pot de 250 g.",
        "photo_alt": "",
        "price_mode": "fixe",
        "price": "6,50 €",
        "unit": "piece",
        "availability": "en_stock",
        "action": "submit",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def edit_data(client, offer, **changes):
    """The edit form as the portal shows it, with ``changes``."""
    html = client.get(reverse("merchant_offers:edit", args=[offer.pk])).content.decode()
    data = {}
    for name, value in re.findall(r'<input type="text" name="(\w+)"[^>]*?value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<input type="number" name="(\w+)"[^>]*?value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<input type="date" name="(\w+)"[^>]*?value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(
        r'type="(?:radio|checkbox)" name="(\w+)" value="([^"]*)"[^>]*checked', html
    ):
        data.setdefault(name, []).append(value)
    for name, value in re.findall(r'<textarea name="(\w+)"[^>]*>\s*([^<]*)</textarea>', html):
        data[name] = value.strip()
    for name, value in re.findall(
        r'<select name="(\w+)"[^>]*>.*?<option value="([^"]*)" selected', html, re.S
    ):
        data[name] = value
    data = {
        key: value[0] if isinstance(value, list) and key not in ("season", "categories") else value
        for key, value in data.items()
    }
    data.update(action="submit")
    data.update(changes)
    return data


def test_the_portal_menu_and_the_list_show_the_shops_offers_in_its_order(butcher_client, butcher):
    dashboard = butcher_client.get(reverse("merchant_portal:dashboard")).content.decode()
    assert f'href="{LIST}"' in dashboard and "Mes offres" in dashboard
    html = butcher_client.get(LIST).content.decode()
    titles = [offer.title for offer in offers_of(butcher)]
    positions = [html.index(title.replace("'", "&#x27;")) for title in titles]
    assert positions == sorted(positions)
    assert html.count("En ligne") >= len(titles)


def test_a_new_offer_with_a_photo_waits_for_review_then_shows_on_the_shop(
    butcher_client, butcher, team_client, client
):
    data = new_offer(
        new_photo=SimpleUploadedFile("terrine.jpg", picture("JPEG", size=(900, 700))),
        photo_alt="Un pot de terrine sur une planche",
        categories=[],
    )
    response = butcher_client.post(CREATE, data)
    assert response.status_code == 302
    offer = OfferPage.objects.get(title="Terrine de campagne")
    assert offer.get_parent().pk == butcher.pk and offer.merchant_id == butcher.pk
    assert not offer.live
    assert offer.slug == "terrine-de-campagne"
    state = WorkflowState.objects.active().for_instance(offer).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Terrine de campagne" not in client.get(butcher.url).content.decode()
    assert "En attente de validation" in butcher_client.get(LIST).content.decode()

    review(team_client, offer, "approve")

    offer = fresh(offer)
    assert offer.live and offer.price == Decimal("6.50") and offer.photo_id
    assert offer.photo.collection.name.startswith(butcher.title)
    page = client.get(butcher.url).content.decode()
    assert "Terrine de campagne" in page and "6,50\u00a0€" in page


def test_price_and_stock_of_a_live_offer_are_live_at_once_without_a_review(
    butcher_client, butcher, client
):
    offer = offers_of(butcher)[0]
    data = edit_data(
        butcher_client, offer, price="7.20", availability="stock_limite", stock_quantity="5"
    )
    response = butcher_client.post(reverse("merchant_offers:edit", args=[offer.pk]), data)
    assert response.status_code == 302
    offer = fresh(offer)
    assert offer.live and offer.price == Decimal("7.20") and offer.stock_quantity == 5
    assert not offer.has_unpublished_changes
    assert not WorkflowState.objects.active().for_instance(offer).exists()
    page = client.get(offer.url).content.decode()
    assert "7,20\u00a0€" in page and "5 disponibles" in page
    message = butcher_client.get(LIST).content.decode()
    assert "c&#x27;est en ligne" in message or "c'est en ligne" in message


def test_new_text_waits_for_review_while_the_new_price_is_live(
    butcher_client, butcher, team_client, client
):
    offer = offers_of(butcher)[0]
    old_title = offer.title
    data = edit_data(butcher_client, offer, title="Caillettes au four", price="9,90")
    butcher_client.post(reverse("merchant_offers:edit", args=[offer.pk]), data)
    live = fresh(offer)
    assert live.title == old_title and live.price == Decimal("9.90")
    assert live.has_unpublished_changes
    assert WorkflowState.objects.active().for_instance(live).exists()
    assert "Caillettes au four" not in client.get(butcher.url).content.decode()
    listing = butcher_client.get(LIST).content.decode()
    assert "Caillettes au four" in listing
    assert "En ligne ; modifications en attente de validation" in listing

    review(team_client, live, "approve")
    live = fresh(offer)
    assert live.title == "Caillettes au four" and live.price == Decimal("9.90")


def test_save_without_sending_then_send_every_changed_offer_at_once(butcher_client, butcher):
    first, second, _third = offers_of(butcher)
    for offer, title in ((first, "Caillettes du jour"), (second, "Colis de veau")):
        data = edit_data(butcher_client, offer, title=title, action="save")
        butcher_client.post(reverse("merchant_offers:edit", args=[offer.pk]), data)
    assert not WorkflowState.objects.filter(object_id__in=[str(first.pk), str(second.pk)]).exists()
    assert "Envoyer pour validation (2 offres)" in butcher_client.get(LIST).content.decode()

    butcher_client.post(reverse("merchant_offers:send"))

    for offer in (first, second):
        assert WorkflowState.objects.active().for_instance(offer).exists()
    assert "2 offres envoyées" in butcher_client.get(LIST).content.decode()


def test_duplicate_makes_an_offline_copy_to_edit(butcher_client, butcher):
    source = offers_of(butcher)[1]
    response = butcher_client.post(reverse("merchant_offers:duplicate", args=[source.pk]))
    copy = OfferPage.objects.get(title=f"{source.title} (copie)")
    assert response.url == reverse("merchant_offers:edit", args=[copy.pk])
    assert not copy.live and copy.get_parent().pk == butcher.pk
    assert copy.slug != source.slug
    assert (copy.price, copy.price_mode, copy.kind) == (
        source.price,
        source.price_mode,
        source.kind,
    )
    assert not WorkflowState.objects.active().for_instance(copy).exists()
    assert fresh(source).live


def test_withdraw_takes_the_offer_and_its_translation_off_at_once(client, salon, team_client):
    account = MerchantAccountFactory(merchant=salon, user__username="salon@commerces.example")
    client.force_login(account.user)
    offer = offers_of(salon)[0]
    english = offer.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    # A pending change under review is cancelled too: approving it must not bring the
    # offer back.
    client.post(
        reverse("merchant_offers:edit", args=[offer.pk]),
        edit_data(client, offer, title="Coupe et brushing, nouveau"),
    )
    assert WorkflowState.objects.active().for_instance(offer).exists()

    response = client.post(reverse("merchant_offers:withdraw", args=[offer.pk]))

    assert response.status_code == 302
    assert not fresh(offer).live and not fresh(english).live
    assert not WorkflowState.objects.active().for_instance(offer).exists()
    client.logout()
    assert client.get(offer.url).status_code == 404
    assert offer.title not in client.get(salon.url).content.decode()


def test_moving_an_offer_reorders_the_shop_page_and_its_translation(client, salon):
    account = MerchantAccountFactory(merchant=salon, user__username="salon@commerces.example")
    client.force_login(account.user)
    first, second = offers_of(salon)[:2]
    english_locale = Locale.objects.get(language_code="en")
    for offer in (first, second):
        offer.copy_for_translation(english_locale).save_revision().publish()

    client.post(reverse("merchant_offers:move", args=[second.pk]), {"direction": "up"})

    assert [offer.pk for offer in offers_of(salon)[:2]] == [second.pk, first.pk]
    english_shop = salon.get_translation(english_locale)
    english_order = [page.translation_key for page in offers_of(english_shop)]
    assert english_order[:2] == [second.translation_key, first.translation_key]
    client.logout()
    page = client.get(salon.url).content.decode()
    assert page.index(second.title) < page.index(first.title)
    # At the top, "up" changes nothing; an unknown direction neither.
    for direction in ("up", "sideways"):
        client.force_login(account.user)
        client.post(reverse("merchant_offers:move", args=[second.pk]), {"direction": direction})
        assert offers_of(salon)[0].pk == second.pk


@pytest.mark.parametrize("action", ["edit", "duplicate", "withdraw", "move"])
def test_another_shops_offer_or_a_made_up_id_is_a_404(butcher_client, salon, action):
    other = offers_of(salon)[0]
    for pk in (other.pk, 10**30, 0):
        url = reverse(f"merchant_offers:{action}", args=[1]).replace("/1/", f"/{pk}/")
        response = butcher_client.get(url) if action == "edit" else butcher_client.post(url)
        assert response.status_code == 404, pk
    assert fresh(other).live and fresh(other).title == other.title


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"price": "-3"}, "price", "négatif"),
        ({"price": "trois euros"}, "price", ""),
        ({"price": "1000000"}, "price", ""),
        ({"availability": "stock_limite", "stock_quantity": "0"}, "stock_quantity", ""),
        ({"availability": "stock_limite", "stock_quantity": str(10**9)}, "stock_quantity", ""),
        (
            {"kind": "promotion", "valid_from": "2026-12-20", "valid_until": "2026-12-10"},
            "valid_until",
            "précéder",
        ),
        ({"description": "<script>alert(1)</script>"}, "description", "balises"),
        ({"new_photo": "tiny"}, "new_photo", "floue"),
        ({"new_photo": "photo", "photo_alt": ""}, "photo_alt", "Décrivez"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_created(
    butcher_client, butcher, changes, field, message
):
    changes = dict(changes)
    if changes.get("new_photo") == "tiny":
        changes["new_photo"] = SimpleUploadedFile("p.jpg", picture("JPEG", size=(120, 90)))
        changes["photo_alt"] = "Une photo"
    elif changes.get("new_photo") == "photo":
        changes["new_photo"] = SimpleUploadedFile("p.jpg", picture("JPEG", size=(900, 700)))
    before = OfferPage.objects.count()
    response = butcher_client.post(CREATE, new_offer(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert OfferPage.objects.count() == before


def test_prices_typed_the_french_or_the_english_way_are_both_accepted(butcher_client):
    for typed in ("3,50 €", "3.50"):
        response = butcher_client.post(CREATE, new_offer(title=f"Pâté {typed}", price=typed))
        assert response.status_code == 302
        assert OfferPage.objects.get(title=f"Pâté {typed}").price == Decimal("3.50")


def test_the_list_costs_the_same_queries_for_one_and_twenty_offers(butcher_client, butcher):
    assert_constant_queries(
        lambda: butcher_client.get(LIST), grow=lambda: bulk_offers(butcher, 17), at_most=25
    )


def test_the_english_portal_lists_the_offers_in_english(butcher_client, butcher):
    response = butcher_client.get("/en/merchant-area/offers/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "My offers" in html and "Add an offer" in html
    assert 'href="/en/merchant-area/offers/new/"' in html
    edit = f"/en/merchant-area/offers/{offers_of(butcher)[0].pk}/"
    assert butcher_client.get(edit).status_code == 200


def test_the_dashboard_counts_the_offers_and_names_those_running_low(butcher_client, butcher):
    offer = offers_of(butcher)[0]
    OfferPage.objects.filter(pk=offer.pk).update(availability="stock_limite", stock_quantity=2)
    edit = offers_of(butcher)[1]
    butcher_client.post(
        reverse("merchant_offers:edit", args=[edit.pk]),
        edit_data(butcher_client, edit, title="Colis de veau", action="save"),
    )
    html = butcher_client.get(reverse("merchant_portal:dashboard")).content.decode()
    panel = html[html.index('id="offers-panel-title"') :]
    assert re.search(r'collect-figure__number">3</span>\s*offres en ligne', panel)
    assert re.search(r'collect-figure__number">1</span>\s*à envoyer', panel)
    assert "Stock bientôt épuisé" in panel and offer.title.replace("'", "&#x27;") in panel
