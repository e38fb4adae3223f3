"""Publishing one part of a page while the rest of it waits for review."""

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page


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
