"""The portal's "Mes offres" (``/espace-commercant/offres/``, ``/en/merchant-area/offers/``,
namespace ``merchant_offers``)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from offers import portal_views as views

urlpatterns = [
    path("", views.offer_list, name="list"),
    path(_("nouvelle/"), views.offer_create, name="create"),
    path(_("envoyer/"), views.offers_send, name="send"),
    path("<id:pk>/", views.offer_edit, name="edit"),
    path(_("<id:pk>/dupliquer/"), views.offer_duplicate, name="duplicate"),
    path(_("<id:pk>/retirer/"), views.offer_withdraw, name="withdraw"),
    path(_("<id:pk>/deplacer/"), views.offer_move, name="move"),
]
