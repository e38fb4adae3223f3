"""schema.org descriptions of articles and interviews, for search engines (JSON-LD)."""

from django.utils import timezone

from home.models import SiteSettings


def _image_url(image, request, spec="fill-1200x675"):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return request.build_absolute_uri(rendition.url) if request else rendition.url


def article_structured_data(page, request=None):
    """A ``NewsArticle``; an interview is one too, ``about`` the person interviewed."""
    site_settings = None
    if request is not None:
        site_settings = SiteSettings.for_request(request)
    publisher_name = site_settings.organisation_name if site_settings else "Agglo Rhône Commerces"
    published = page.published_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "inLanguage": page.locale.language_code,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "publisher": {"@type": "Organization", "name": publisher_name},
        "author": {"@type": "Organization", "name": publisher_name},
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
