"""The workshop registration's addresses, translated: ``/inscription-atelier/…`` and
``/en/workshop-registration/…`` (namespace ``event_registration``)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import views

urlpatterns = [
    path("<id:page_id>/", views.register, name="register"),
    path(_("inscription/<str:token>/"), views.detail, name="detail"),
    path(_("inscription/<str:token>/annuler/"), views.cancel, name="cancel"),
]
