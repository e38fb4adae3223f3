"""Small helpers of the portal's templates."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``mapping[key]``, or None (the state of a photo by its image id)."""
    if not mapping:
        return None
    return mapping.get(key)
