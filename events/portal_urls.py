"""The portal's "Proposer un événement" (``/espace-commercant/evenements/``,
namespace ``merchant_events``)."""

from django.urls import path

from events import views

urlpatterns = [path("", views.propose, name="propose")]
