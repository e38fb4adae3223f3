"""A merchant adds an offer from a phone, by keyboard, with a photo; the team approves
it in the admin; a resident finds it with the site's search, opens it and reserves it
for pickup."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image as PILImage
from playwright.sync_api import expect

from offers.models import OfferPage
from tests.browser import test_portal
from tests.browser.test_portal import sign_in
from tests.factories.portal import TeamMemberFactory
from tests.portal.conftest import PASSWORD

TITLE = "Tomme aux orties du printemps"
# The merchant's phone, signed out, with the demo account's password set.
phone = test_portal.phone


def type_into(page, label, text):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def test_an_offer_added_by_keyboard_is_found_by_residents_once_approved(
    phone, browser, live_server, screenshot, tmp_path, monkeypatch
):
    # A person needs a few seconds to fill the booking form; a test does not.
    monkeypatch.setattr("merchants.portal.throttle.MIN_FILL_SECONDS", 0)
    sign_in(phone)
    phone.get_by_role("link", name="Mes offres", exact=True).click()
    phone.get_by_role("link", name="Ajouter une offre").click()
    type_into(phone, "Nom de l'offre", TITLE)
    type_into(phone, "Description courte", "Une tomme fermière aux orties, affinée deux mois.")
    photo = tmp_path / "tomme.jpg"
    buffer = io.BytesIO()
    PILImage.new("RGB", (900, 700), "#6b8f3a").save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    phone.get_by_label("Choisir une photo").set_input_files(str(photo))
    type_into(phone, "Texte alternatif de la photo", "Une tomme entière sur une planche")
    type_into(phone, "Prix (€)", "4,80 €")
    # Limited stock: the radio by keyboard (arrows move within the group).
    phone.get_by_role("radio", name="En stock").focus()
    for _ in range(3):
        phone.keyboard.press("ArrowDown")
    expect(phone.get_by_role("radio", name="Stock limité")).to_be_checked()
    type_into(phone, "Quantité en stock", "6")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    results = Axe().run(phone)
    assert results.violations_count == 0, results.generate_report()
    phone.get_by_role("button", name="Envoyer pour validation").focus()
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/espace-commercant/offres/")
    expect(phone.locator(".portal-messages")).to_contain_text("envoyée à l'équipe")
    row = phone.locator(".portal-offer", has_text=TITLE)
    expect(row).to_contain_text("En attente de validation")
    expect(row).to_contain_text("4,80")
    screenshot(phone, "portal-offers-list-375")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    results = Axe().run(phone)
    assert results.violations_count == 0, results.generate_report()
    offer = OfferPage.objects.get(title=TITLE)
    assert not offer.live and offer.stock_quantity == 6

    # The team approves it from the editor's main button.
    reviewer = TeamMemberFactory()
    admin = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    team = admin.new_page()
    team.goto("/admin/login/")
    team.fill("#id_username", reviewer.username)
    team.fill("#id_password", PASSWORD)
    team.locator("form button[type=submit]").click()
    team.wait_for_url("**/admin/")
    team.goto(f"/admin/pages/{offer.pk}/edit/")
    approve = team.locator("footer .w-dropdown-button > button").first
    expect(approve).to_have_text("Approuver et publier")
    approve.click()
    team.wait_for_url("**/admin/pages/**")
    admin.close()

    # A resident searches the product and opens it.
    resident = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 800}, locale="fr-FR"
    )
    visitor = resident.new_page()
    visitor.goto("/recherche/?q=tomme+orties")
    result = visitor.get_by_role("link", name=TITLE).first
    expect(result).to_be_visible()
    result.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("main")).to_contain_text("4,80")
    screenshot(visitor, "offer-page-after-approval-375")
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 375

    # And reserves two for pickup, paying at the shop.
    visitor.get_by_role("link", name="Réserver pour retrait").click()
    expect(visitor.locator("main")).to_contain_text("vous réglez au commerce")
    quantity = visitor.get_by_label("Quantité")
    quantity.fill("2")
    visitor.locator("input[name='booking-slot']").first.check()
    visitor.get_by_label("Votre nom").fill("Lou Garnier")
    visitor.get_by_label("Votre téléphone").fill("04 65 71 20 30")
    visitor.get_by_label("Votre adresse e-mail").fill("lou.garnier@exemple.example")
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 375
    results = Axe().run(visitor)
    assert results.violations_count == 0, results.generate_report()
    screenshot(visitor, "offer-reservation-form-375")
    visitor.get_by_role("button", name="Réserver ce créneau").click()
    visitor.wait_for_url("**/retrait/demande/**")
    expect(visitor.locator("main")).to_contain_text("Réservation enregistrée")
    expect(visitor.locator("main")).to_contain_text(f"2 × {TITLE}")
    resident.close()
    assert OfferPage.objects.get(pk=offer.pk).stock_quantity == 4


@pytest.mark.parametrize(
    "path", ["/espace-commercant/offres/", "/espace-commercant/offres/nouvelle/"]
)
def test_offer_pages_of_the_portal_have_no_axe_violations(phone, screenshot, path):
    sign_in(phone)
    for width in (375, 1280):
        phone.set_viewport_size({"width": width, "height": 900})
        assert phone.goto(path).ok
        results = Axe().run(phone)
        assert results.violations_count == 0, results.generate_report()
        assert phone.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(phone, "portal-" + path.strip("/").replace("/", "-") + "-1280")
