import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

register = template.Library()

FOOTNOTE_MARKER = re.compile(r"\[(\d{1,2})\]")


@register.simple_tag(takes_context=True)
def with_footnote_refs(context, value):
    """Render rich text, turning ``[n]`` into a link to the page's note n.

    Only numbers that match an existing note become links; the first call to a note
    gets the id its "back to text" link returns to. State lives on the request because
    each block of the page renders separately.
    """
    html = str(RichText(value.source) if hasattr(value, "source") else value)
    page = context.get("page")
    count = len(getattr(page, "footnotes", None) or [])
    request = context.get("request")
    seen = getattr(request, "_footnote_refs_seen", None)
    if seen is None:
        seen = set()
        if request is not None:
            request._footnote_refs_seen = seen

    def link(match):
        number = int(match.group(1))
        if not 1 <= number <= count:
            return match.group(0)
        ref_id = "" if number in seen else f' id="ref-{number}"'
        seen.add(number)
        return format_html(
            '<sup class="footnote-ref"><a href="#note-{}"{}>'
            '<span class="visually-hidden">{} </span>{}</a></sup>',
            number,
            mark_safe(ref_id),  # noqa: S308 - built above from an integer
            _("Note"),
            number,
        )

    return mark_safe(FOOTNOTE_MARKER.sub(link, html))  # noqa: S308 - rich text is already safe


@register.filter
def topics_in(article, topics_by_key):
    """The article's topics in the listing's language."""
    return article.localized_topics(topics_by_key)
