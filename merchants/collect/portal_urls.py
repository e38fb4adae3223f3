"""The portal's call & collect pages, included by ``merchants.portal.urls`` (so their
names are in the ``merchant_portal`` namespace)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from merchants.collect.views import portal

urlpatterns = [
    path("", portal.requests_list, name="collect_requests"),
    path("<id:pk>/", portal.answer, name="collect_answer"),
    path(_("jour/"), portal.day_list, name="collect_day"),
    path(_("creneaux/"), portal.slots, name="collect_slots"),
    path(
        _("creneaux/<id:pk>/modifier/"),
        portal.edit_template,
        name="collect_template_edit",
    ),
    path(
        _("creneaux/<id:pk>/supprimer/"),
        portal.delete_template,
        name="collect_template_delete",
    ),
    path(
        _("creneaux/exceptions/<id:pk>/supprimer/"),
        portal.delete_exception,
        name="collect_exception_delete",
    ),
]
