"""``{% page_metadata %}``: the description, canonical address, language alternates and
social card (Open Graph, Twitter) of the page being shown (see ``home.seo``)."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from home import seo
from home.models import SiteSettings
from home.templatetags.navigation_tags import live_translations

register = template.Library()

# Open Graph wants a territory with the language.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
DEFAULT_IMAGE = "img/share-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
SHARE_RENDITION = "fill-1200x630"


def site_description():
    """What describes a page that says nothing of itself."""
    return _(
        "Commerces, artisans et actualité économique des communes de l'agglomération, "
        "sur les deux rives du Rhône."
    )


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def _share_image(page, context, request):
    """(url, width, height, alt) of the picture shown when the page is shared."""
    chosen = getattr(page, "social_card_image", None)
    image, alt = chosen(context) if chosen else (None, "")
    if image is not None:
        rendition = image.get_rendition(SHARE_RENDITION)
        return _absolute(request, rendition.url), rendition.width, rendition.height, alt
    # The default picture shows the organisation's name.
    name = SiteSettings.for_request(request).organisation_name if request is not None else ""
    return (_absolute(request, static(DEFAULT_IMAGE)), *DEFAULT_IMAGE_SIZE, name)


def _alternates(page, request, canonical, context):
    """hreflang links: every live version of the page, or, on a page of a listing
    (filtered, paginated, a topic), the equivalent addresses its context gives
    (``alternate_urls``: {language code: absolute URL}), none when it gives none."""
    translations = live_translations(page, request)
    if canonical == page.get_full_url(request):
        urls = {
            code: translated.get_full_url(request) for code, translated in translations.items()
        }
    else:
        urls = dict(context.get("alternate_urls") or {})
        if urls:
            urls[translation.get_language()] = canonical
    if len(urls) < 2:
        return []
    links = [
        {"code": code, "url": urls[code]} for code, _name in settings.LANGUAGES if code in urls
    ]
    if settings.LANGUAGE_CODE in urls:
        links.append({"code": "x-default", "url": urls[settings.LANGUAGE_CODE]})
    return links


@register.inclusion_tag("includes/page_metadata.html", takes_context=True)
def page_metadata(context):
    request = context.get("request")
    page = context.get("page")
    language = translation.get_language()
    data = {"description": site_description(), "page": None, "settings": context.get("settings")}
    if page is None or request is None or not hasattr(page, "get_full_url"):
        return data
    description = getattr(page, "meta_description", "") or site_description()
    params = context.get("canonical_params")
    if params is None:
        params = seo.pagination_params(context)
    canonical = seo.canonical_url(page, request, params)
    image_url, width, height, image_alt = _share_image(page, context, request)
    published = getattr(page, "published_at", None)
    og_type = getattr(page, "og_type", "website")
    other_languages = [
        OG_LOCALES.get(code, code)
        for code in live_translations(page, request)
        if code != language and code in OG_LOCALES
    ]
    data.update(
        page=page,
        title=page.seo_title or page.title,
        description=seo.truncate_description(description),
        canonical=canonical,
        alternates=_alternates(page, request, canonical, context),
        og_type=og_type,
        og_locale=OG_LOCALES.get(language, language),
        og_locale_alternates=other_languages,
        image_url=image_url,
        image_width=width,
        image_height=height,
        image_alt=image_alt,
        published_time=(
            timezone.localtime(published).isoformat() if og_type == "article" and published else ""
        ),
        modified_time=(
            timezone.localtime(page.last_published_at).isoformat()
            if og_type == "article" and page.last_published_at
            else ""
        ),
    )
    return data
