from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from events import demo as events_demo
        from events import occurrences, page_cache, search, tasks
        from events.blocks import AgendaSectionBlock
        from events.models import AgendaIndexPage
        from home import demo, publication, roles, sections
        from home.background import periodic

        page_cache.connect()
        roles.register_review_workflow(
            "Validation des événements",
            "Relecture des événements par l'équipe communication",
            lambda: AgendaIndexPage.objects.all(),
        )
        roles.register_team_permissions("events", "view_workshop_registrations")
        search.register()
        sections.register("agenda", AgendaSectionBlock())
        # After the directory (events take place in its shops and communes).
        demo.register_loader("events", events_demo.load, order=demo.FEATURES + 5)
        # Seats taken in the demo's workshops: once the merchants' accounts exist.
        demo.register_loader(
            "events_registrations", events_demo.load_registrations, order=demo.EXTRAS + 5
        )
        publication.register_step(
            "event_occurrences",
            order=publication.DERIVED_DATA,
            published=occurrences.follow_publication,
            unpublished=occurrences.follow_unpublication,
        )
        periodic.register(
            "refresh_event_occurrences",
            tasks.refresh_event_occurrences,
            periodic.daily(hour=4, minute=15),
        )
        periodic.register(
            "send_workshop_reminders", tasks.send_workshop_reminders, periodic.daily(hour=9)
        )
        periodic.register(
            "purge_workshop_registrations",
            tasks.purge_workshop_registrations,
            periodic.daily(hour=3, minute=40),
        )
