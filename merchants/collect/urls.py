"""The resident's addresses, translated: ``/retrait/…`` and ``/en/pickup/…``."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from merchants.collect.views import public

urlpatterns = [
    path(_("<id:page_id>/rappel/"), public.callback, name="callback"),
    path(_("<id:page_id>/creneau/"), public.book, name="book"),
    path(_("demande/<str:token>/"), public.detail, name="detail"),
    path(_("demande/<str:token>/annuler/"), public.cancel, name="cancel"),
    path(_("demande/<str:token>/retrait.ics"), public.calendar, name="calendar"),
]
