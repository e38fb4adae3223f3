"""Merchants only ever reach their own page, and only through revisions they submit.

Each test checks the refusal AND that nothing changed.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, WorkflowState

from merchants.models import MerchantGalleryImage, MerchantPage
from merchants.portal.photos import merchant_collection
from tests.factories.portal import UserFactory
from tests.portal.conftest import fresh, profile_data

pytestmark = pytest.mark.django_db

PORTAL_URLS = [
    "merchant_portal:dashboard",
    "merchant_portal:profile",
    "merchant_portal:preview",
    "merchant_portal:hours",
    "merchant_portal:photos",
    "merchant_portal:password_change",
]


def snapshot(page):
    page = fresh(page)
    return (
        page.title,
        page.slug,
        page.live,
        page.owner_id,
        page.description,
        page.url_path,
        page.latest_revision_id,
        page.live_revision_id,
        Revision.objects.for_instance(page).count(),
        WorkflowState.objects.for_instance(page).count(),
        [(item.pk, item.image_id) for item in page.gallery_images.all()],
    )


@pytest.fixture
def image_of_b(merchant_b):
    """A photo in merchant B's collection."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.portal.test_photos import picture

    return get_image_model().objects.create(
        title="Photo privée de B",
        file=SimpleUploadedFile("b.jpg", picture("JPEG")),
        collection=merchant_collection(merchant_b),
    )


@pytest.mark.parametrize("url_name", PORTAL_URLS)
def test_anonymous_visitors_get_the_login_page_and_no_data(client, merchant_a, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("merchant_portal:login"))
    followed = client.get(response.url)
    assert merchant_a.title not in followed.content.decode()
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_anonymous_posts_change_nothing(client, merchant_a):
    before = snapshot(merchant_a)
    client.post(reverse("merchant_portal:profile"), profile_data(merchant_a, description="Pirate"))
    client.post(reverse("merchant_portal:hours"), {"opening_hours": "24/7"})
    client.post(reverse("merchant_portal:send"))
    client.post(reverse("merchant_portal:withdraw"))
    client.post(reverse("merchant_portal:confirm_up_to_date"))
    assert snapshot(merchant_a) == before


def test_ids_in_the_url_or_the_form_never_choose_the_page(client_a, merchant_a, merchant_b):
    before_b = snapshot(merchant_b)
    owner_a, slug_a = merchant_a.owner_id, merchant_a.slug
    someone = UserFactory()
    crafted = profile_data(
        merchant_a,
        {
            "description": "Changement de A",
            "id": str(merchant_b.pk),
            "pk": str(merchant_b.pk),
            "page": str(merchant_b.pk),
            "page_id": str(merchant_b.pk),
            "merchant": str(merchant_b.pk),
            "live": "false",
            "slug": "nouvelle-adresse",
            "owner": str(someone.pk),
            "locked": "on",
            "path": merchant_b.path,
            "latest_revision": str(merchant_b.latest_revision_id or ""),
            "external_id": "pirate",
            "editor_notes": "Note piratée",
            "categories": "1",
        },
    )

    response = client_a.post(
        reverse("merchant_portal:profile") + f"?page={merchant_b.pk}", crafted
    )
    # Also through the dashboard, with B's id in the query string.
    dashboard = client_a.get(
        reverse("merchant_portal:dashboard") + f"?page={merchant_b.pk}&id={merchant_b.pk}"
    )

    assert response.status_code == 302
    assert snapshot(merchant_b) == before_b
    assert merchant_b.title not in dashboard.content.decode()
    page_a = fresh(merchant_a)
    pending = page_a.get_latest_revision_as_object()
    assert pending.description == "Changement de A"
    assert (pending.slug, pending.owner_id, pending.external_id) == (
        slug_a,
        owner_a,
        merchant_a.external_id,
    )
    assert pending.editor_notes == merchant_a.editor_notes
    assert [c.pk for c in pending.categories.all()] == [c.pk for c in merchant_a.categories.all()]
    assert page_a.live and page_a.slug == slug_a and page_a.owner_id == owner_a
    assert not page_a.locked


def test_another_shops_photo_cannot_be_put_on_the_profile(client_a, merchant_a, image_of_b):
    before = snapshot(merchant_a)
    gallery_prefix = "gallery_images"
    data = profile_data(merchant_a, logo=str(image_of_b.pk))
    total = int(data[f"{gallery_prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{gallery_prefix}-TOTAL_FORMS": str(total + 1),
            f"{gallery_prefix}-{total}-image": str(image_of_b.pk),
            f"{gallery_prefix}-{total}-alt_text": "Volée",
        }
    )

    response = client_a.post(reverse("merchant_portal:profile"), data)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Cette photo n&#x27;appartient pas à votre commerce." in content
    assert snapshot(merchant_a) == before


def test_a_gallery_row_of_another_shop_cannot_be_taken_over(client_a, merchant_a, team_client):
    from tests.portal.conftest import review
    from tests.portal.test_photos import picture, upload

    row_of_b = MerchantGalleryImage.objects.exclude(page=merchant_a).first()
    before = (row_of_b.pk, row_of_b.page_id, row_of_b.image_id, row_of_b.alt_text)
    upload(client_a, picture("JPEG"), "vitrine.jpg")  # a gallery row without id yet
    data = profile_data(merchant_a)
    last = int(data["gallery_images-TOTAL_FORMS"]) - 1
    data[f"gallery_images-{last}-id"] = str(row_of_b.pk)  # crafted: B's row id

    response = client_a.post(reverse("merchant_portal:profile"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    review(team_client, merchant_a, "approve")

    row_of_b.refresh_from_db()
    assert (row_of_b.pk, row_of_b.page_id, row_of_b.image_id, row_of_b.alt_text) == before
    assert fresh(merchant_a).gallery_images.filter(alt_text="La vitrine, place du marché").exists()


def test_photos_and_previews_only_show_the_merchants_own(
    client_a, merchant_a, merchant_b, image_of_b
):
    for url_name in (
        "merchant_portal:photos",
        "merchant_portal:profile",
        "merchant_portal:preview",
    ):
        content = client_a.get(reverse(url_name)).content.decode()
        assert "Photo privée de B" not in content
        assert merchant_b.title not in content
    # A preview stored for another page (session tampering) is ignored.
    session = client_a.session
    session["merchant_portal_draft"] = {"page": merchant_b.pk, "data": {"description": ["x"]}}
    session.save()
    assert (
        merchant_b.title not in client_a.get(reverse("merchant_portal:preview")).content.decode()
    )


def test_merchants_cannot_reach_the_admin(client_a, merchant_a, merchant_b):
    before_a, before_b = snapshot(merchant_a), snapshot(merchant_b)
    pages = Page.objects.count()
    index = merchant_a.get_parent()

    for url in [
        "/admin/",
        reverse("wagtailadmin_pages:edit", args=[merchant_a.pk]),
        reverse("wagtailadmin_explore", args=[index.pk]),
        reverse("merchant_accounts:index"),
        reverse("listing_requests:index"),
    ]:
        response = client_a.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url.startswith("/admin/login/")
        assert merchant_b.title not in response.content.decode()

    attempts = [
        (
            reverse("wagtailadmin_pages:edit", args=[merchant_a.pk]),
            {"title": "X", "slug": "x", "action-publish": "1"},
        ),
        (reverse("wagtailadmin_pages:delete", args=[merchant_b.pk]), {}),
        (reverse("wagtailadmin_pages:unpublish", args=[merchant_b.pk]), {}),
        (
            reverse(
                "wagtailadmin_pages:move_confirm", args=[merchant_a.pk, index.get_parent().pk]
            ),
            {},
        ),
        (
            reverse("wagtailadmin_pages:add", args=["merchants", "merchantpage", index.pk]),
            {"title": "Nouveau", "slug": "nouveau", "action-publish": "1"},
        ),
    ]
    for url, data in attempts:
        response = client_a.post(url, data)
        assert response.status_code in (302, 403), url
    assert Page.objects.count() == pages
    assert snapshot(merchant_a) == before_a
    assert snapshot(merchant_b) == before_b


def test_people_without_a_merchant_account_are_refused(client, team_member, merchant_a):
    client.force_login(team_member)
    for url_name in PORTAL_URLS:
        response = client.get(reverse(url_name))
        assert response.status_code == 403, url_name
        assert merchant_a.title not in response.content.decode()


def test_a_revoked_merchant_cannot_sign_in(account_a):
    from merchants.portal.accounts import revoke

    revoke(account_a)
    response = Client().post(
        reverse("merchant_portal:login"),
        {"username": account_a.user.email, "password": "mot-de-passe-solide-42"},
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in Client().session


def test_merchant_has_no_page_permission(account_a, merchant_a):
    permissions = merchant_a.permissions_for_user(account_a.user)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_delete()
    assert not permissions.can_move()
    assert not permissions.can_add_subpage()
    assert not account_a.user.has_perm("wagtailadmin.access_admin")
    assert isinstance(merchant_a, MerchantPage)
