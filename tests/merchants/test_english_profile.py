"""The English page of a shop: what the English visitor is told when part of it has
not been translated yet."""

import datetime

import pytest

from home.caching import page_urls
from merchants.models import MerchantPage
from tests.merchants.conftest import paris

pytestmark = pytest.mark.django_db


def test_english_page_shows_the_closure_message_not_translated_yet(client, en, clock):
    clock(paris(2030, 6, 3, 10, 0))
    french = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    english = french.get_translation(en)
    closure = {"closed_from": datetime.date(2030, 6, 1), "closed_until": datetime.date(2030, 6, 9)}
    # The dates are synchronised to the translation; the message waits for a translator.
    MerchantPage.objects.filter(pk=french.pk).update(
        closure_message="Fermé pour inventaire, retraits possibles sur rendez-vous.", **closure
    )
    MerchantPage.objects.filter(pk=english.pk).update(closure_message="", **closure)
    response = client.get(english.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Temporarily closed from 1 June 2030 to 9 June 2030 inclusive." in html
    assert '<p lang="fr">Fermé pour inventaire, retraits possibles sur rendez-vous.</p>' in html

    # Once translated, the English message alone.
    MerchantPage.objects.filter(pk=english.pk).update(closure_message="Closed for stocktaking.")
    html = client.get(english.url).content.decode()
    assert "Closed for stocktaking." in html
    assert "Fermé pour inventaire" not in html


def untranslated_shop(number=11):
    """demo-011 (a butcher's): French only in the demo."""
    return MerchantPage.objects.get(external_id=f"demo-{number:03d}", locale__language_code="fr")


def test_english_directory_keeps_untranslated_shops_on_english_pages(client, en):
    shop = untranslated_shop()
    assert not MerchantPage.objects.filter(translation_key=shop.translation_key, locale=en)
    html = client.get("/en/shops/").content.decode()
    assert f'href="/en/shops/{shop.slug}/"' in html
    assert f'href="{shop.url}"' not in html  # not sent to /commerces/...
    card = html[html.index(f'href="/en/shops/{shop.slug}/"') :].split("</article>")[0]
    assert "Description available in French only." in card


def test_untranslated_shop_reads_in_english_with_its_french_words_marked(client, clock):
    clock(paris(2030, 6, 4, 10, 0))  # a Tuesday, open
    shop = untranslated_shop()
    response = client.get(f"/en/shops/{shop.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Description available in French only." in html
    assert f'<p class="lead" lang="fr">{shop.description}</p>'.replace("'", "&#x27;") in html
    # The facts in English: categories, hours, services, address, the booking block.
    assert '<p class="merchant-profile__categories">Butcher</p>' in html
    assert "Opening hours" in html and "Tuesday" in html
    assert shop.street_address.replace("'", "&#x27;") in html
    assert 'href="/en/pickup/' in html and "Ask for a call back" in html
    # Breadcrumb in the English directory; the French page stays the canonical one.
    assert '<li><a href="/en/shops/">Shops</a></li>' in html
    assert f'<link rel="canonical" href="{shop.get_full_url()}">' in html
    # The switcher leads back to the French page; the French page's leads here.
    assert f'<a href="{shop.url}" hreflang="fr" lang="fr">Français</a>' in html
    french = client.get(shop.url).content.decode()
    assert f'<a href="/en/shops/{shop.slug}/" hreflang="en" lang="en">English</a>' in french


def test_unknown_or_translated_slug_in_the_english_directory_is_not_found(client, en):
    assert client.get("/en/shops/no-such-shop/").status_code == 404
    # The cheese shop is translated: its French slug is not served a second time.
    cheese = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    english = cheese.get_translation(en)
    if english.slug != cheese.slug:
        assert client.get(f"/en/shops/{cheese.slug}/").status_code == 404
    assert client.get(english.url).status_code == 200


def test_the_english_view_is_purged_with_the_french_page(en):
    shop = untranslated_shop()
    urls = page_urls(shop)
    assert shop.get_full_url() in urls
    assert shop.get_full_url().replace("/commerces/", "/en/shops/") in urls


def test_callback_page_of_an_untranslated_shop_leads_back_to_its_english_view(client):
    shop = untranslated_shop()
    html = client.get(f"/en/pickup/{shop.pk}/callback/").content.decode()
    assert f'<a href="/en/shops/{shop.slug}/">' in html
