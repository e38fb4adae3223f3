from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PageSitemap(Sitemap):
    """Every live public page of the site, in every language.

    Wagtail's own sitemap lists only the tree under the site's root page, which is
    the French home; the English tree hangs beside it, under its translated home.
    """

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()
