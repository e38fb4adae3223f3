"""The English page of a shop: what the English visitor is told when part of it has
not been translated yet."""

import datetime

import pytest

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
