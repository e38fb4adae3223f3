from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from events import demo as events_demo
        from events import occurrences, page_cache, search
        from events.blocks import AgendaSectionBlock
        from events.models import AgendaIndexPage
        from home import demo, publication, roles, sections

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
