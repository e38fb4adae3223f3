"""What the portal does to a merchant's page: always through Wagtail revisions.

- ``submit_for_review``: the merchant's changes become a new revision and the page's
  workflow ("Validation des fiches commerçants") is started, resumed after a request for
  changes, or restarted when the merchant changes a submission still under review. The
  review always concerns the latest revision, which is what Wagtail publishes on approval.
- ``publish_no_approval_fields``: opening hours and temporary closure go live at once
  (a closed shop cannot wait for a reviewer) without touching what waits for review
  (``home.translation.publishing.publish_fields``: the live version with only those
  fields changed is published, then the pending changes are saved again as the newest
  revision with the new hours, so that approving them later does not bring back the
  old hours).
- ``profile_status``: what the dashboard says about the profile, read from Wagtail's
  workflow and task states.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import TaskState, WorkflowState

from home.translation.publishing import lock_page, publish_fields
from merchants.models import MerchantPage

logger = logging.getLogger(__name__)

# Published as soon as the merchant saves them (see the module docstring).
NO_APPROVAL_FIELDS = ("opening_hours", "closed_from", "closed_until", "closure_message")


class ReviewUnavailable(Exception):
    """No workflow applies to the page: the revision is kept but nobody is asked to review."""


def latest_version(page):
    """The newest version of the profile: pending changes if any, else the live page."""
    return page.get_latest_revision_as_object()


def submit_for_review(page, changes, user):
    """Apply ``changes`` (a callable that receives the newest version and returns the
    version to save) as a new revision and put it under review. Returns the revision.

    If ``changes`` raises, nothing is saved. If no workflow applies to the page, the
    revision is kept and ``ReviewUnavailable`` is raised afterwards.
    """
    with transaction.atomic():
        page = lock_page(page)
        version = changes(latest_version(page))
        revision = version.save_revision(user=user, log_action=True)
        reviewed = _request_review(page, user)
    if not reviewed:
        raise ReviewUnavailable
    return revision


def resubmit_latest(page, user):
    """Put the newest revision under review again (after the team cancelled a review)."""
    with transaction.atomic():
        reviewed = _request_review(lock_page(page), user)
    if not reviewed:
        raise ReviewUnavailable


def _request_review(page, user):
    """Start, resume or restart the page's workflow; False when none applies."""
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
        return True
    workflow = page.get_workflow()
    if workflow is None:
        logger.error("No workflow applies to merchant page %s: run setup_roles.", page.pk)
        return False
    if workflow_state is not None:
        # The merchant changed a submission that is still being reviewed: restart the
        # review on the newest revision, as Wagtail's own "restart workflow" does, so
        # that the reviewers are told and nobody approves a version they have not seen.
        workflow_state.cancel(user=user)
    workflow.start(page, user)
    return True


@transaction.atomic
def publish_no_approval_fields(page, values, user):
    """Put opening hours and closure live now, on the page and its live translations.

    Translations get the hours and dates when the French page is published (they are
    synchronised fields, see ``home.translation.sync``) and keep their own translated
    closure message.
    """

    def apply(version):
        changed = False
        for name in NO_APPROVAL_FIELDS:
            if getattr(version, name) != values[name]:
                setattr(version, name, values[name])
                changed = True
        return changed

    publish_fields(page, apply, user=user)
    return MerchantPage.objects.get(pk=page.pk)


@dataclass(frozen=True)
class ProfileStatus:
    """What the dashboard tells the merchant about their profile."""

    # Templates compare with ProfileStatus.PENDING...: the class must not be called.
    do_not_call_in_templates = True
    PUBLISHED = "published"
    PENDING = "pending"
    CHANGES_REQUESTED = "changes_requested"
    NOT_SUBMITTED = "not_submitted"
    NOT_PUBLISHED = "not_published"

    state: str
    live: bool
    submitted_at: object = None
    reviewed_at: object = None
    comment: str = ""
    last_published_at: object = None

    @property
    def can_resubmit(self):
        return self.state == self.NOT_SUBMITTED


def profile_status(page):
    """Read the profile's state from Wagtail's workflow and task states (two queries)."""
    workflow_state = (
        WorkflowState.objects.active()
        .for_instance(page)
        .select_related("current_task_state")
        .first()
    )
    common = {"live": page.live, "last_published_at": page.last_published_at}
    if workflow_state is not None:
        task_state = workflow_state.current_task_state
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state:
            return ProfileStatus(
                ProfileStatus.CHANGES_REQUESTED,
                submitted_at=workflow_state.created_at,
                reviewed_at=task_state.finished_at,
                comment=task_state.comment,
                **common,
            )
        return ProfileStatus(
            ProfileStatus.PENDING,
            submitted_at=task_state.started_at if task_state else workflow_state.created_at,
            **common,
        )
    if page.has_unpublished_changes:
        return ProfileStatus(ProfileStatus.NOT_SUBMITTED, **common)
    if not page.live:
        return ProfileStatus(ProfileStatus.NOT_PUBLISHED, **common)
    return ProfileStatus(ProfileStatus.PUBLISHED, **common)


def rejected_task_state(workflow_state):
    """The task state in which the team asked for changes, with its comment."""
    task_state = workflow_state.current_task_state
    if task_state is not None and task_state.status == TaskState.STATUS_REJECTED:
        return task_state.specific
    return None
