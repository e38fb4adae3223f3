"""The home page's "Agenda" section: the next events of the agenda."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from events.agenda import cards
from events.models import AgendaIndexPage, EventOccurrence
from events.page_cache import bound_by_occurrences
from home.locales import active_locale


class AgendaSectionBlock(blocks.StructBlock):
    """The next few events (each once, at its next date) and a link to the agenda."""

    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    count = blocks.IntegerBlock(
        label=_("Nombre d'événements"), default=4, min_value=1, max_value=8
    )

    class Meta:
        icon = "date"
        label = _("Agenda")
        template = "events/blocks/agenda_section_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        locale = active_locale(request)
        index = AgendaIndexPage.objects.live().filter(locale=locale).first()
        found = []
        if index is not None:
            seen = set()
            now = timezone.now()
            upcoming = EventOccurrence.objects.filter(
                locale=locale, page__live=True, cancelled=False
            ).upcoming(now)
            # The home page is shared from the caches: no longer than these dates hold.
            bound_by_occurrences(request, upcoming, now)
            upcoming = upcoming.order_by("start", "pk").select_related(
                "page", "commune", "page__place_merchant"
            )[:60]
            for occurrence in upcoming:
                if occurrence.page_id in seen:
                    continue
                seen.add(occurrence.page_id)
                found.append(occurrence)
                if len(found) == value["count"]:
                    break
        context.update(
            {
                "cards": cards(found, index.get_url(request)) if index else [],
                "index_page": index,
            }
        )
        return context
