"""A merchant's journey on a phone (375 px): sign in, edit, upload a photo, submit;
and no axe-core violation on any portal page."""

import datetime
import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core import mail
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from merchants.models import MerchantPage
from tests.factories.portal import TeamMemberFactory

EMAIL = "fromagerie@commerces.example"  # a demo account (merchants.portal.demo)
PASSWORD = "Tomme-des-Boutieres-26"

PORTAL_PAGES = {
    "portal-dashboard": "/espace-commercant/",
    "portal-profile": "/espace-commercant/fiche/",
    "portal-hours": "/espace-commercant/horaires/",
    "portal-photos": "/espace-commercant/photos/",
    "portal-preview": "/espace-commercant/apercu/",
    "portal-password-change": "/espace-commercant/changer-de-mot-de-passe/",
    "portal-collect-requests": "/espace-commercant/appeler-et-retirer/",
    "portal-collect-slots": "/espace-commercant/appeler-et-retirer/creneaux/",
    "portal-collect-day": "/espace-commercant/appeler-et-retirer/jour/?date=pas-une-date",
}
PUBLIC_PAGES = {
    "portal-login": "/espace-commercant/connexion/",
    "portal-password-reset": "/espace-commercant/mot-de-passe-oublie/",
    "listing-request": "/referencer-mon-commerce/",
    "listing-request-en": "/en/list-my-shop/",
}


@pytest.fixture
def phone(browser, live_server, demo_site):
    user = get_user_model().objects.get(username=EMAIL)
    user.set_password(PASSWORD)
    user.save()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def sign_in(page):
    page.goto("/espace-commercant/connexion/")
    page.get_by_label("Adresse e-mail").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/espace-commercant/")


def test_merchant_journey_on_a_phone(phone, screenshot, tmp_path):
    sign_in(phone)
    screenshot(phone, "portal-dashboard-375")
    # Nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375

    phone.get_by_role("link", name="Ma fiche").first.click()
    phone.get_by_label("Description courte").fill(
        "Picodons et tommes affinés sur place ; plateaux de fête sur commande."
    )
    phone.get_by_role("button", name="Envoyer pour validation").click()
    phone.wait_for_url("**/espace-commercant/")
    assert "Modifications en attente de validation" in phone.content()

    photo = tmp_path / "vitrine.jpg"
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), "#9c3d10").save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    phone.goto("/espace-commercant/photos/")
    phone.get_by_label("Photo", exact=True).set_input_files(str(photo))
    phone.get_by_label("Description de la photo").fill("La vitrine et ses fromages")
    phone.get_by_role("button", name="Ajouter la photo").click()
    phone.wait_for_url("**/espace-commercant/photos/")
    # The profile is under review: the photo joins that review, it does not restart it.
    assert "Photo ajoutée à vos modifications en cours de validation" in phone.content()
    assert "En attente de validation" in phone.content()
    screenshot(phone, "portal-photos-375")

    merchant = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    pending = merchant.get_latest_revision_as_object()
    assert pending.description.startswith("Picodons et tommes")
    assert "La vitrine et ses fromages" in [item.alt_text for item in pending.gallery_images.all()]
    assert WorkflowState.objects.active().for_instance(merchant).exists()
    assert WorkflowState.objects.for_instance(merchant).count() == 1


@pytest.mark.parametrize("name", PORTAL_PAGES)
def test_portal_pages_have_no_axe_violations(phone, screenshot, name):
    sign_in(phone)
    response = phone.goto(PORTAL_PAGES[name])
    assert response.ok
    results = Axe().run(phone)
    screenshot(phone, f"{name}-375")
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_portal_pages_have_no_axe_violations(phone, screenshot, name):
    response = phone.goto(PUBLIC_PAGES[name])
    assert response.ok
    results = Axe().run(phone)
    screenshot(phone, f"{name}-375")
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(params=[375, 1280], ids=["phone", "desktop"])
def screen(request, browser, live_server, demo_site):
    """The demo merchant's browser, on a phone and on a desktop."""
    user = get_user_model().objects.get(username=EMAIL)
    user.set_password(PASSWORD)
    user.save()
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": request.param, "height": 900},
        locale="fr-FR",  # a French browser: 24-hour time inputs
    )
    page = context.new_page()
    page.width = request.param
    yield page
    context.close()


def test_merchant_sets_split_hours_and_a_closed_day_with_the_keyboard(screen, screenshot):
    phone = screen
    sign_in(phone)
    phone.goto("/espace-commercant/horaires/")
    tuesday = phone.get_by_label("Ouvert le mardi")
    if not tuesday.is_checked():
        tuesday.focus()
        phone.keyboard.press("Space")
    for label, value in [
        ("De (mardi, plage 1)", "06:30"),
        ("à (mardi, plage 1)", "13:00"),
        ("De (mardi, plage 2)", "15:30"),
        ("à (mardi, plage 2)", "19:30"),
    ]:
        phone.get_by_label(label, exact=True).fill(value)
    phone.get_by_role("button", name="Copier sur les jours suivants").nth(1).focus()
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    sunday = phone.get_by_label("Ouvert le dimanche")
    assert sunday.is_checked()  # copied from Tuesday
    preview = phone.locator(".hours-preview")
    tuesday_row = preview.get_by_role("row").filter(has_text=re.compile("mardi", re.IGNORECASE))
    assert "06:30" in tuesday_row.inner_text() and "19:30" in tuesday_row.inner_text()
    sunday.focus()
    phone.keyboard.press("Space")
    sunday_row = preview.get_by_role("row").filter(has_text=re.compile("dimanche", re.IGNORECASE))
    expect(sunday_row).to_contain_text("Fermé")  # the preview follows the form as it changes
    phone.get_by_label("Fermé les jours fériés").focus()
    phone.keyboard.press("Space")
    closed_day = datetime.date.today() + datetime.timedelta(days=20)
    phone.get_by_label("Date", exact=True).first.fill(closed_day.isoformat())
    screenshot(phone, f"portal-hours-{phone.width}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= phone.width
    phone.get_by_role("button", name="Publier ces horaires").last.focus()
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert "Vos horaires sont en ligne." in phone.content()

    merchant = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    assert merchant.opening_hours.startswith("Tu-Sa 06:30-13:00,15:30-19:30; PH off")
    assert closed_day.strftime("%b %d") in merchant.opening_hours
    phone.goto(merchant.get_url())
    public = phone.content()
    assert "06:30" in public and "19:30" in public


def test_the_logo_is_chosen_among_thumbnails_with_the_keyboard(phone, screenshot):
    sign_in(phone)
    phone.goto("/espace-commercant/fiche/")
    choices = phone.locator(".portal-logo-choice")
    assert choices.count() >= 2  # "Pas de logo" and the shop's photos
    for index in range(choices.count()):
        box = choices.nth(index).bounding_box()
        radio = choices.nth(index).locator("input[type=radio]").bounding_box()
        # Each choice is a tappable card wide enough for its name, its radio inside it.
        assert box["width"] >= 140 and box["height"] >= 44
        assert box["x"] <= radio["x"] <= box["x"] + box["width"]
        assert box["y"] <= radio["y"] <= box["y"] + box["height"]

    phone.locator(".portal-logo-choice input:checked").focus()
    before = phone.evaluate("document.activeElement.value")
    phone.keyboard.press("ArrowRight")  # the next picture (radios move with the arrows)
    chosen_value = phone.evaluate("document.activeElement.value")
    chosen_name = phone.evaluate("document.activeElement.closest('label').innerText").strip()
    assert chosen_value != before
    assert phone.locator(".portal-logo-choice input:checked").get_attribute("value") == (
        chosen_value
    )
    screenshot(phone, "portal-logo-picker-375")
    phone.locator("button[name=action][value=submit]").focus()
    with phone.expect_navigation():
        phone.keyboard.press("Enter")

    merchant = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    pending = merchant.get_latest_revision_as_object()
    assert str(pending.logo_id or "") == chosen_value, chosen_name


def test_hours_with_a_range_ending_before_it_starts_are_explained_accessibly(phone, screenshot):
    sign_in(phone)
    phone.goto("/espace-commercant/horaires/")
    tuesday = phone.get_by_label("Ouvert le mardi")
    if not tuesday.is_checked():
        tuesday.check()
    phone.get_by_label("De (mardi, plage 1)", exact=True).fill("12:00")
    phone.get_by_label("à (mardi, plage 1)", exact=True).fill("10:00")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Publier ces horaires").last.click()
    assert "Vos horaires sont en ligne." not in phone.content()
    assert phone.locator(".portal-field__error, .hours-day__errors").count() >= 1
    results = Axe().run(phone)
    screenshot(phone, "portal-hours-error-375")
    assert results.violations_count == 0, results.generate_report()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_two_photos_then_one_submission_on_a_desktop(browser, live_server, demo_site, tmp_path):
    """At 1280 px: two photos added, then one "Envoyer pour validation": one review,
    one email per reviewer."""
    user = get_user_model().objects.get(username=EMAIL)
    user.set_password(PASSWORD)
    user.save()
    reviewers = [TeamMemberFactory(first_name=name) for name in ("Camille", "Sacha")]
    merchant = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
    WorkflowState.objects.for_instance(merchant).delete()  # start without a review
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    desktop = context.new_page()
    sign_in(desktop)
    for number, colour in enumerate(("#9c3d10", "#0b4f6c"), start=1):
        photo = tmp_path / f"rayon-{number}.jpg"
        buffer = io.BytesIO()
        PILImage.new("RGB", (900, 700), colour).save(buffer, format="JPEG")
        photo.write_bytes(buffer.getvalue())
        desktop.goto("/espace-commercant/photos/")
        desktop.get_by_label("Photo", exact=True).set_input_files(str(photo))
        desktop.get_by_label("Description de la photo").fill(f"Le rayon numéro {number}")
        desktop.get_by_role("button", name="Ajouter la photo").click()
        desktop.wait_for_url("**/espace-commercant/photos/")
    assert not WorkflowState.objects.for_instance(merchant).exists()
    assert desktop.content().count("En attente : pas encore envoyée pour validation") >= 2
    mail.outbox.clear()

    desktop.get_by_role("button", name="Envoyer pour validation").first.click()
    desktop.wait_for_load_state()

    assert WorkflowState.objects.for_instance(merchant).count() == 1
    recipients = [address for message in mail.outbox for address in message.to]
    assert sorted(recipients) == sorted(reviewer.email for reviewer in reviewers)
    assert desktop.evaluate("document.documentElement.scrollWidth") <= 1280
    context.close()
