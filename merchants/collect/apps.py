from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallCollectConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "merchants.collect"
    label = "call_collect"
    verbose_name = _("Appeler et retirer")

    def ready(self):
        from home import demo, roles
        from home.background import periodic
        from merchants.collect import demo as collect_demo
        from merchants.collect import inbox, page_cache, tasks
        from merchants.portal import dashboard

        page_cache.connect()
        # Pickup slots and requests need the merchants, their accounts and the report.
        demo.register_loader("call_collect", collect_demo.load, order=demo.EXTRAS + 1)
        roles.register_team_permissions("call_collect", "view_call_collect_report")
        dashboard.register_panel("call_collect", inbox.dashboard_panel, order=10)
        periodic.register(
            "purge_call_collect", tasks.purge_call_collect, periodic.daily(hour=3, minute=30)
        )
