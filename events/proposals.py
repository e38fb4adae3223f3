"""Events merchants propose from the portal ("Proposer un événement").

A proposal is an ``EventPage`` draft under the French agenda, at the merchant's shop,
whose first revision is put in the agenda's review workflow ("Validation des
événements") for the communications team, as a profile change is. Approved, it is
published: the agenda lists it and the merchant's profile shows it
(``events.wagtail_hooks``).
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, WorkflowState

from events.models import AgendaIndexPage, EventPage


class AgendaMissing(Exception):
    """There is no French agenda to propose events to."""


class ReviewUnavailable(Exception):
    """No workflow applies to the agenda (``setup_roles`` has not run)."""


def propose(merchant, data, user):
    """Create the draft and ask for its review; returns the page."""
    agenda = AgendaIndexPage.objects.filter(locale=Locale.get_default()).first()
    if agenda is None:
        raise AgendaMissing
    with transaction.atomic():
        page = EventPage(
            title=data["title"],
            kind=data["kind"],
            lead=data["lead"],
            body=json.dumps([]),
            start_date=data["start_date"],
            start_time=data["start_time"],
            end_date=data.get("end_date"),
            end_time=data["end_time"],
            price=data.get("price") or None,
            link=data.get("link") or "",
            place_merchant=merchant,
            organiser=merchant.title,
            proposed_by=merchant,
            live=False,
            owner=user,
        )
        agenda.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    if workflow is None:
        raise ReviewUnavailable
    return page


def proposals_of(merchant):
    """The merchant's proposals, newest first, with their review state."""
    pages = list(
        EventPage.objects.filter(proposed_by=merchant, locale=Locale.get_default()).order_by(
            "-first_published_at", "-pk"
        )[:50]
    )
    page_type = ContentType.objects.get_for_model(Page)
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(object_id__in=[str(page.pk) for page in pages], base_content_type=page_type)
        .select_related("current_task_state")
    }
    return [{"page": page, "workflow_state": states.get(page.pk)} for page in pages]
