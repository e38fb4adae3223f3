"""The offers' "Réserver pour retrait" (``/retrait/offre/…``, namespace
``offer_reservation``)."""

from django.urls import path

from offers import reserve

urlpatterns = [path("<id:offer_id>/", reserve.reserve, name="reserve")]
