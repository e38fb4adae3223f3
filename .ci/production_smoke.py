"""The browser half of .ci/production-smoke.sh: what the team, a merchant and a resident
do first on a fresh production install. Fails on any error page or missing content."""

import os
import re
import subprocess
import sys

from playwright.sync_api import expect, sync_playwright

BASE_URL = os.environ["SMOKE_BASE_URL"]
SITE = os.environ["SMOKE_SITE"]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
MERCHANT_EMAIL = "boulangerie@commerces.example"  # a demo account (merchants.portal.demo)
MERCHANT_PASSWORD = "Smoke-Levain-2026"


def manage(*args):
    """Run ``manage.py`` of the installed copy, with its production environment."""
    return subprocess.run(  # noqa: S603
        [f"{SITE}/.venv/bin/python", "manage.py", *args],
        cwd=SITE,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def shell(code):
    """The last line ``code`` printed (logging may print before it)."""
    return manage("shell", "-c", code).splitlines()[-1]


def check(page, path, *texts, status=200):
    response = page.goto(path)
    assert response.status == status, f"{path}: {response.status}"
    html = page.content()
    for text in texts:
        assert text in html, f"{path}: {text!r} not found"
    print(f"ok  {response.status} {path}")


def main():
    standard_page = shell(
        "from home.models import StandardPage;"
        "p = StandardPage.objects.filter(locale__language_code='fr', live=True).first();"
        "print(p.pk, p.url_path)"
    )
    page_id, url_path = standard_page.split()
    public_path = "/" + url_path.split("/", 2)[2]
    shell(
        "from django.contrib.auth import get_user_model;"
        f"u = get_user_model().objects.get(username={MERCHANT_EMAIL!r});"
        f"u.set_password({MERCHANT_PASSWORD!r}); u.save()"
    )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        resident = browser.new_page(base_url=BASE_URL)
        check(resident, "/", 'lang="fr"')
        check(resident, "/en/", 'lang="en"')
        check(resident, "/commerces/boulangerie-du-quai/", "Boulangerie du Quai")
        check(resident, "/recherche/?q=boulangerie", "Boulangerie du Quai")
        check(resident, "/en/search/?q=bakery", "Boulangerie du Quai")
        stylesheet = resident.locator("link[rel=stylesheet]").first.get_attribute("href")
        check(resident, stylesheet)

        # The team publishes a page in the admin.
        team = browser.new_page(base_url=BASE_URL)
        team.goto("/admin/login/")
        team.fill("input[name=username]", "smoke-admin")
        team.fill("input[name=password]", "smoke-admin-password")
        team.locator("button[type=submit]").click()
        team.wait_for_url(re.compile(r"/admin/$"))
        team.goto(f"/admin/pages/{page_id}/edit/")
        team.fill("#id_title", "Page publiée par le test de production")
        team.locator("[data-w-dropdown-target=toggle]").last.click()
        team.locator("button[name=action-publish]").click()
        expect(team.locator(".messages")).to_contain_text("publiée")
        check(resident, public_path, "Page publiée par le test de production")

        # The team approves the change the demo merchant submitted (load_demo).
        merchant_id = shell(
            "from merchants.models import MerchantPage;"
            "print(MerchantPage.objects.get(external_id='demo-001',"
            " locale__language_code='fr').pk)"
        )
        team.goto(f"/admin/pages/{merchant_id}/edit/")
        team.locator("[data-w-dropdown-target=toggle]").last.click()
        # "Approuver" (Wagtail's group approval task; the other approval asks for a comment).
        team.locator(
            "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        ).click()
        expect(team.locator(".messages")).to_contain_text("Boulangerie du Quai")
        check(resident, "/commerces/boulangerie-du-quai/", "fougasse aux olives")

        # A merchant saves new opening hours in the portal: live at once.
        merchant = browser.new_page(base_url=BASE_URL)
        merchant.goto("/espace-commercant/connexion/")
        merchant.get_by_label("Adresse e-mail").fill(MERCHANT_EMAIL)
        merchant.get_by_label("Mot de passe").fill(MERCHANT_PASSWORD)
        merchant.get_by_role("button", name="Se connecter").click()
        merchant.wait_for_url("**/espace-commercant/")
        merchant.goto("/espace-commercant/horaires/")
        # The hours editor's text mode (the table by day is tested in tests/browser).
        merchant.get_by_text("Mode texte (format OpenStreetMap)").click()
        merchant.fill("textarea[name=opening_hours]", "Mo-Sa 06:45-19:45; PH off")
        merchant.get_by_role("button", name="Publier ce texte").click()
        merchant.wait_for_url("**/espace-commercant/**")
        check(resident, "/commerces/boulangerie-du-quai/", "19:45")
        check(resident, "/en/shops/boulangerie-du-quai/", "19:45")
        browser.close()
    print("The README's production install publishes, serves and searches.")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"FAILED: {error}", file=sys.stderr)
        sys.exit(1)
