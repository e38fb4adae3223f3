"""Template helpers of the agenda."""

from django import template
from django.conf import settings

from events.forms import session_value

register = template.Library()


@register.simple_tag(takes_context=True)
def occurrence_ics_url(context, page, occurrence):
    """The ``.ics`` of one date of ``page``."""
    request = context.get("request")
    return page.get_url(request) + page.reverse_subpage(
        "occurrence_ics", args=[session_value(occurrence.start)]
    )


@register.simple_tag
def retention_days():
    return settings.EVENT_REGISTRATION_RETENTION_DAYS


@register.simple_tag
def session_checked(form, session):
    """Whether ``session`` is the one chosen in the form shown again (or the only)."""
    if form is None:
        return ""
    value = form["session"].value()
    return "checked" if value == session["value"] else ""
