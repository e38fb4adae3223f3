"""Template helpers of the directory and merchant profiles."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail import hooks

register = template.Library()


@register.simple_tag
def map_tiles_attributes():
    """The data attributes from which merchants.js loads a map's tiles and credits
    their source: ``MAP_TILES_URL``, ``MAP_TILES_ATTRIBUTION`` (by default the
    OpenStreetMap credit in the page's language) and ``MAP_TILES_ATTRIBUTION_URL``,
    and the names of the zoom buttons in the page's language."""
    attribution = settings.MAP_TILES_ATTRIBUTION or "© " + _(
        "les contributrices et contributeurs d’OpenStreetMap"
    )
    return format_html(
        'data-tiles-url="{}" data-attribution="{}" data-attribution-url="{}" '
        'data-label-zoom-in="{}" data-label-zoom-out="{}"',
        settings.MAP_TILES_URL,
        attribution,
        settings.MAP_TILES_ATTRIBUTION_URL,
        _("Zoom avant"),
        _("Zoom arrière"),
    )


@register.filter
def as_json(value):
    """``value`` as JSON text, for a data attribute (the template escapes it)."""
    return json.dumps(value, cls=DjangoJSONEncoder)


@register.simple_tag(takes_context=True)
def profile_sections(context, place=""):
    """Sections other apps add to a merchant's profile, through Wagtail's
    ``merchant_profile_sections`` hook: each function receives the page and the request
    and returns HTML (safe) or an empty string. The agenda shows the shop's events so,
    without the directory knowing of it. ``place`` names another spot of the profile:
    ``{% profile_sections "after_hours" %}`` runs ``merchant_profile_sections_after_hours``
    (the shop's offers, after the essentials)."""
    page, request = context["page"], context.get("request")
    hook = "merchant_profile_sections" + (f"_{place}" if place else "")
    sections = [function(page, request) for function in hooks.get_hooks(hook)]
    return format_html_join("", "{}", ((section,) for section in sections if section))
