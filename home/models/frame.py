import uuid

from django.db import models


class FrameVersion(models.Model):
    """The version of what every page's frame shows (menu, footer, site settings, the
    search box's address): one row, whose token is renewed in the transaction of each
    change to a page or to what every page shows (``home.frame``).

    A token in the database, not in the cache, so that every app server sees a change
    at once, even those whose cache is their own memory, and a change rolled back
    never renews it."""

    token = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = "frame version"

    def __str__(self):
        return self.token.hex
