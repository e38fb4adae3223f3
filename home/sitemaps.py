from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PageSitemap(Sitemap):
    """Every live public page of the site, in every language, with hreflang alternates.

    Wagtail's own sitemap lists only the tree under the site's root page, which is
    the French home; the English tree hangs beside it, under its translated home.
    """

    def items(self):
        site = self.get_wagtail_site()
        pages = Page.objects.none()
        for root in site.root_page.get_translations(inclusive=True):
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return (
            pages.live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        entries = []
        versions = defaultdict(dict)  # translation key -> {language code: address}
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item, url_info))
                versions[item.translation_key].setdefault(
                    item.locale.language_code, url_info["location"]
                )
        # Pages of this sitemap page whose translations fall on another page of the
        # paginated sitemap still need those: fetch the missing ones in one query.
        missing = [key for key, found in versions.items() if len(found) < len(settings.LANGUAGES)]
        for other in self.items().filter(translation_key__in=missing):
            versions[other.translation_key].setdefault(
                other.locale.language_code, other.get_full_url(self.request)
            )

        urls, last_mods = [], set()
        for item, url_info in entries:
            alternates = versions[item.translation_key]
            if len(alternates) > 1:
                url_info["alternates"] = [
                    {"lang_code": code, "location": alternates[code]}
                    for code, _name in settings.LANGUAGES
                    if code in alternates
                ]
                if settings.LANGUAGE_CODE in alternates:
                    url_info["alternates"].append(
                        {"lang_code": "x-default", "location": alternates[settings.LANGUAGE_CODE]}
                    )
            urls.append(url_info)
            last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
