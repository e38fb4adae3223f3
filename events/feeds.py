"""RSS 2.0 and Atom feeds of the agenda's newest events (by first publication)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from events.models import EventKind, EventPage


class NewEventsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    item_count = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("%(agenda)s — nouveaux événements") % {"agenda": self.index_page.title}

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return (
            EventPage.objects.child_of(self.index_page)
            .live()
            .public()
            .order_by("-first_published_at", "-pk")[: self.item_count]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return f"{self.link()}{item.slug}/"

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [str(EventKind(item.kind).label)]


class NewEventsAtomFeed(NewEventsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
