"""The portal's addresses, translated: ``/espace-commercant/…`` and ``/en/merchant-area/…``.

Included twice from ``site_cms.urls``: ``urlpatterns`` under the portal's prefix
(namespace ``merchant_portal``) and ``listing_urlpatterns`` under the "list my shop"
prefix (namespace ``merchant_listing``).
"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from merchants.portal.views import auth, hours, listing, photos, profile

urlpatterns = [
    path("", profile.dashboard, name="dashboard"),
    path(_("connexion/"), auth.LoginView.as_view(), name="login"),
    path(_("deconnexion/"), auth.LogoutView.as_view(), name="logout"),
    path(_("mot-de-passe-oublie/"), auth.PasswordResetView.as_view(), name="password_reset"),
    path(
        _("mot-de-passe-oublie/envoye/"),
        auth.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        _("mot-de-passe/<uidb64>/<token>/"),
        auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(_("invitation/<uidb64>/<token>/"), auth.InvitationView.as_view(), name="invitation"),
    path(_("changer-de-mot-de-passe/"), auth.PasswordChangeView.as_view(), name="password_change"),
    path(_("fiche/"), profile.edit_profile, name="profile"),
    path(_("fiche/abandonner/"), profile.discard_draft, name="discard_draft"),
    path(_("apercu/"), profile.preview, name="preview"),
    path(_("envoyer/"), profile.send, name="send"),
    path(_("retirer/"), profile.withdraw_review, name="withdraw"),
    path(_("informations-a-jour/"), profile.confirm_up_to_date, name="confirm_up_to_date"),
    path(_("horaires/"), hours.hours, name="hours"),
    path(_("photos/"), photos.photos, name="photos"),
    path(_("appeler-et-retirer/"), include("merchants.collect.portal_urls")),
]

listing_urlpatterns = [
    path("", listing.listing_request, name="request"),
    path(_("merci/"), listing.listing_thanks, name="thanks"),
]
