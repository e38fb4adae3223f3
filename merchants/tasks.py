"""The directory's periodic tasks (queued by the worker, see ``home.background``)."""

from home.background.tasks import background_task, command_output


@background_task(max_attempts=3)
def refresh_opening_periods():
    """Stored opening periods for the coming days ("open now", "open on a day")."""
    return command_output("refresh_opening_periods")
