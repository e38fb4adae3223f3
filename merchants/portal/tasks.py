"""The portal's periodic tasks (queued by the worker, see ``home.background``)."""

from home.background.tasks import background_task, command_output


@background_task(max_attempts=3)
def send_verification_reminders():
    """Merchants whose information was confirmed a year ago or more are asked to check it."""
    return command_output("send_verification_reminders")
