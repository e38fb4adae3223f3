"""Template helpers of the merchant portal."""

from django import template
from django.urls import reverse
from wagtail import hooks

register = template.Library()


@register.simple_tag
def portal_menu_items():
    """Entries other apps add to the portal's menu, through Wagtail's
    ``merchant_portal_menu_items`` hook: each function returns ``(url name, label)``
    (the agenda adds "Proposer un événement")."""
    items = []
    for function in hooks.get_hooks("merchant_portal_menu_items"):
        url_name, label = function()
        items.append({"url": reverse(url_name), "label": label, "url_name": url_name})
    return items


@register.filter
def get_item(mapping, key):
    """``mapping[key]``, or None (the state of a photo by its image id)."""
    if not mapping:
        return None
    return mapping.get(key)
