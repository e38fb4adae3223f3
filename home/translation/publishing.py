"""Publishing one part of a page while the rest of it waits for review."""

from django.db import transaction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page, Revision


class PublishKeepingReview(PublishPageRevisionAction):
    """Publishes a revision without cancelling the review in progress.

    Wagtail cancels a page's workflow whenever the page is published, because the
    published version normally replaces what was under review. Here only some fields
    are published (opening hours, synchronised facts) and the review goes on, so the
    page is presented as having no workflow in progress for that one step
    (``_current_workflow_states`` is the cache Wagtail's own
    ``prefetch_workflow_states`` fills).
    """

    def _after_publish(self):
        self.object._current_workflow_states = []
        super()._after_publish()


def lock_page(page):
    """The page row, locked until the transaction ends, as its specific type."""
    return Page.objects.select_for_update().get(pk=page.pk).specific


@transaction.atomic
def publish_fields(page, apply, *, user=None):
    """Publish what ``apply(version)`` changes on ``page``, keep its pending changes
    pending, and return True when something changed.

    ``apply`` receives a version of the page (specific, in memory) and returns whether
    it changed it. It is called on the live version, which is then published without
    cancelling a review in progress, and on the pending changes (the latest revision,
    if newer than the live one), saved again as the newest revision so that approving
    them later does not bring old values back. A page that is not live only gets the
    new revision.

    The live version is the page's row, not its live revision's content: the row
    holds the child objects (links, photos, slots) with the ids they have in the
    database, which the pending changes refer to. A revision's content holds no id for
    the rows created when it was published, so republishing it would replace those
    rows with new ones and leave the pending changes pointing at rows that are gone.
    Used by the merchant portal (opening hours, live at once) and by the translation
    facts sync (``home.translation.sync``).
    """
    page = lock_page(page)
    pending = None
    if page.latest_revision_id and page.latest_revision_id != page.live_revision_id:
        pending = page.latest_revision_id
    changed = False
    if page.live and apply(page):
        revision = page.save_revision(user=user, log_action=True, clean=False)
        PublishKeepingReview(revision, user=user).execute(skip_permission_checks=True)
        changed = True
    if pending is not None or not page.live:
        draft = Revision.objects.get(pk=pending).as_object() if pending else page
        if apply(draft):
            draft.save_revision(user=user, log_action=not page.live, clean=False)
            changed = True
    return changed
