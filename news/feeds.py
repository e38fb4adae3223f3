"""RSS 2.0 and Atom feeds of a news listing, whole or for one topic."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.locales import localized
from home.models import SiteSettings


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    item_count = 20

    def __init__(self, index_page, topic=None):
        super().__init__()
        self.index_page = index_page
        self.topic = topic
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.topic:
            return _("%(listing)s — thème : %(topic)s") % {
                "listing": self.index_page.title,
                "topic": self.topic.name,
            }
        return self.index_page.title

    def link(self):
        if self.topic:
            return self.index_page.get_full_url(self.request) + f"theme/{self.topic.slug}/"
        return self.index_page.get_full_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def _organisation_name(self):
        return SiteSettings.for_request(self.request).organisation_name

    # Atom requires an author for each entry, or one for the whole feed: the
    # agglomeration writes the news, its site is its address.
    def author_name(self):
        return self._organisation_name()

    def author_link(self):
        return localized(self.index_page.get_site().root_page, self.request).get_full_url(
            self.request
        )

    def item_author_name(self, item):
        return self._organisation_name()

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return self.index_page.articles(self.topic).prefetch_related("topics")[: self.item_count]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return [topic.name for topic in item.localized_topics()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
