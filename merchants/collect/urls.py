"""The resident's addresses, translated: ``/retrait/…`` and ``/en/pickup/…``."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from merchants.collect import views

urlpatterns = [
    path(_("<id:page_id>/rappel/"), views.callback, name="callback"),
    path(_("<id:page_id>/creneau/"), views.book, name="book"),
    path(_("demande/<str:token>/"), views.detail, name="detail"),
    path(_("demande/<str:token>/annuler/"), views.cancel, name="cancel"),
]
