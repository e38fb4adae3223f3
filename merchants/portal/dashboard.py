"""The dashboard's panels that other parts of the portal provide.

Call & collect (``merchants.collect``) builds on the portal, so the portal cannot
import it: it registers a panel from its ``AppConfig.ready()`` (the way Wagtail's
``construct_homepage_panels`` hook works), which the dashboard draws in order.
"""

import datetime
from dataclasses import dataclass

from django.template.loader import render_to_string

from merchants.opening_hours import PARIS

# "Mes informations sont à jour" is asked for once a year; the dashboard starts asking a
# month before the yearly reminder email (``send_verification_reminders``).
VERIFICATION_PERIOD = datetime.timedelta(days=365)
VERIFICATION_NOTICE = datetime.timedelta(days=30)


@dataclass(frozen=True)
class Panel:
    name: str
    order: int
    render: object  # callable(request, page, now) -> (template, context) or None


_panels = {}


def register_panel(name, render, *, order=100):
    """``render(request, page, now)`` returns ``(template, context)``, or None for no
    panel; the dashboard draws the template with that context, in ``order``."""
    _panels[name] = Panel(name, order, render)


def panels(request, page, now):
    """The registered panels' HTML, in order."""
    drawn = []
    for panel in sorted(_panels.values(), key=lambda panel: (panel.order, panel.name)):
        result = panel.render(request, page, now)
        if result is not None:
            template, context = result
            drawn.append(render_to_string(template, context, request=request))
    return drawn


def verification_due(page, now):
    """Whether the merchant should confirm their information (never confirmed, or
    about a year ago)."""
    if page.last_verified is None:
        return True
    today = now.astimezone(PARIS).date()
    return today - page.last_verified >= VERIFICATION_PERIOD - VERIFICATION_NOTICE
