"""A member of the communications team reviews a merchant's change in the editor."""

from playwright.sync_api import expect
from wagtail.models import WorkflowState

from merchants.models import MerchantPage
from merchants.portal.profile import send_for_review
from tests.factories.portal import MerchantAccountFactory, TeamMemberFactory
from tests.portal.conftest import PASSWORD, demo_merchant

NEW_DESCRIPTION = "<p>Nouvelle vitrine, mêmes horaires.</p>"


def test_approve_a_merchant_change_from_the_main_button(page, screenshot):
    merchant = demo_merchant(12)
    account = MerchantAccountFactory(merchant=merchant, user__username="m@commerces.example")

    def change(version):
        version.description = NEW_DESCRIPTION
        return version

    send_for_review(merchant, account.user, change)
    reviewer = TeamMemberFactory()

    page.goto("/admin/login/")
    page.fill("#id_username", reviewer.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")

    page.goto(f"/admin/pages/{merchant.pk}/edit/")
    main = page.locator("footer .w-dropdown-button > button")
    expect(main.first).to_have_text("Approuver et publier")
    expect(main.nth(1)).to_have_text("Demander des modifications")
    screenshot(page, "admin-review-main-buttons")
    main.first.click()
    page.wait_for_url("**/admin/pages/**")
    expect(page.locator(".messages")).to_contain_text("a été mise à jour")

    live = MerchantPage.objects.get(pk=merchant.pk)
    assert live.description == NEW_DESCRIPTION
    assert not live.has_unpublished_changes
    assert not WorkflowState.objects.active().for_instance(live).exists()
