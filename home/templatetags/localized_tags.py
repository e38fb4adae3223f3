from django import template

from home.locales import localized

register = template.Library()


@register.simple_tag(takes_context=True)
def localized_pageurl(context, page):
    """URL of ``page`` in the visitor's language (its translation when one is live)."""
    request = context.get("request")
    page = localized(page, request)
    return page.get_url(request) if page is not None else ""


@register.simple_tag(takes_context=True)
def localized_page(context, page):
    """``page`` in the visitor's language, for use as ``{% localized_page p as p %}``."""
    return localized(page, context.get("request"))
