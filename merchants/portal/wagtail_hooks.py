"""Admin: merchant accounts (invite, revoke) and listing requests, for the team.

Merchants themselves never use the admin (see ``merchants.portal``).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button

from merchants.models import MerchantPage
from merchants.portal.models import ListingRequest, MerchantAccount
from merchants.portal.photos import images_for_choosers
from merchants.portal.views import admin as admin_views


class MerchantAccountViewSet(ModelViewSet):
    model = MerchantAccount
    name = "merchant_accounts"
    icon = "user"
    menu_label = _("Comptes commerçants")
    add_view_class = admin_views.InviteView
    index_view_class = admin_views.AccountIndexView
    list_display = admin_views.ACCOUNT_COLUMNS
    list_filter = ["language"]
    search_fields = ["user__email", "merchant__title"]
    ordering = ["-invited_at"]
    list_per_page = 50
    copy_view_enabled = False
    add_item_label = _("Inviter un commerçant")

    def get_form_class(self, for_update=False):
        return admin_views.AccountForm if for_update else admin_views.InviteForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<id:pk>/", admin_views.revoke_view, name="revoke"),
            path("restore/<id:pk>/", admin_views.restore_view, name="restore"),
            path("resend/<id:pk>/", admin_views.resend_view, name="resend"),
        ]


class ListingRequestIndexView(admin_views.generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")


class ListingRequestViewSet(ModelViewSet):
    model = ListingRequest
    index_view_class = ListingRequestIndexView
    name = "listing_requests"
    icon = "form"
    menu_label = _("Demandes de référencement")
    form_fields = ["status"]
    list_display = [
        "shop_name",
        Column("page", label=_("Fiche créée"), accessor="page.title"),
        "contact_name",
        "contact_email",
        "status",
        DateColumn("created_at", label=_("Reçue le")),
    ]
    list_filter = ["status"]
    search_fields = ["shop_name", "contact_name", "contact_email"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True


class PortalViewSetGroup(ModelViewSetGroup):
    items = (MerchantAccountViewSet, ListingRequestViewSet)
    menu_icon = "group"
    menu_label = _("Espace commerçant")
    menu_name = "merchant_portal"


@hooks.register("register_admin_viewset")
def register_portal_viewsets():
    return PortalViewSetGroup()


@hooks.register("register_page_header_buttons")
def invite_merchant_button(page, user, view_name, next_url=None):
    """ "Inviter un commerçant" in a merchant page's header menu."""
    if page.specific_class is not MerchantPage:
        return
    if not user.has_perm("merchant_portal.add_merchantaccount"):
        return
    yield Button(
        _("Inviter un commerçant"),
        url=reverse("merchant_accounts:add") + f"?merchant={page.pk}",
        icon_name="user",
        priority=80,
    )


# Merchants' photos apart, and only once approved (see ``images_for_choosers``).
hooks.register("construct_image_chooser_queryset", images_for_choosers)
