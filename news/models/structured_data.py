"""schema.org descriptions of articles and interviews, for search engines (JSON-LD)."""

from django.templatetags.static import static
from django.utils import timezone
from wagtail.models import Site

from home.locales import localized
from home.models import SiteSettings


def _image_url(image, request, spec="fill-1200x675"):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return request.build_absolute_uri(rendition.url) if request else rendition.url


# The square version of the site's icon (home's static files).
PUBLISHER_LOGO = ("img/logo-512.png", 512, 512)


def _home_url(request):
    """The address of the home page in the active language: the agglomeration's site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return localized(site.root_page, request).get_full_url(request)


def _organisation(name, url, request, with_logo=False):
    """The agglomeration, which writes and publishes the news."""
    organisation = {"@type": "Organization", "name": name}
    if url:
        organisation["url"] = url
    if with_logo:
        path, width, height = PUBLISHER_LOGO
        url = static(path)
        organisation["logo"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(url) if request else url,
            "width": width,
            "height": height,
        }
    return organisation


def article_structured_data(page, request=None):
    """A ``NewsArticle``; an interview is one too, ``about`` the person interviewed."""
    site_settings = None
    if request is not None:
        site_settings = SiteSettings.for_request(request)
    publisher_name = site_settings.organisation_name if site_settings else "Agglo Rhône Commerces"
    published = page.published_at
    home_url = _home_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "inLanguage": page.locale.language_code,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "publisher": _organisation(publisher_name, home_url, request, with_logo=True),
        "author": _organisation(publisher_name, home_url, request),
    }
    # Local time with its offset, as the page itself shows it.
    if published:
        data["datePublished"] = timezone.localtime(published).isoformat()
    if page.last_published_at:
        data["dateModified"] = timezone.localtime(page.last_published_at).isoformat()
    image = _image_url(page.main_image, request)
    if image:
        data["image"] = [image]
    keywords = [topic.name for topic in page.localized_topics()]
    if keywords:
        data["keywords"] = keywords

    interviewee = getattr(page, "interviewee_name", "")
    if interviewee:
        person = {"@type": "Person", "name": interviewee}
        if page.interviewee_role:
            person["jobTitle"] = page.interviewee_role
        if page.interviewee_organisation:
            person["worksFor"] = {"@type": "Organization", "name": page.interviewee_organisation}
        portrait = _image_url(page.interviewee_portrait, request, "fill-400x400")
        if portrait:
            person["image"] = portrait
        data["about"] = person
        data["genre"] = "interview"
    return data
