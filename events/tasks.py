"""The agenda's periodic tasks (queued by the worker, see ``home.background``)."""

from home.background.tasks import background_task, command_output


@background_task(max_attempts=3)
def refresh_event_occurrences():
    """Recurring events' stored dates reach further ahead; the agendas are purged."""
    return command_output("refresh_event_occurrences")


@background_task(max_attempts=3)
def send_workshop_reminders():
    """Tomorrow's workshops: each registered person is reminded once."""
    return command_output("send_workshop_reminders")


@background_task(max_attempts=3)
def purge_workshop_registrations():
    """Registrations older than ``EVENT_REGISTRATION_RETENTION_DAYS`` are deleted."""
    return command_output("purge_workshop_registrations")
