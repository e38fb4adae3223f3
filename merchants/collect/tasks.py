"""Call & collect's periodic task (queued by the worker, see ``home.background``)."""

from home.background.tasks import background_task, command_output


@background_task(max_attempts=3)
def purge_call_collect():
    """Residents' requests older than ``CALL_COLLECT_RETENTION_DAYS`` are deleted."""
    return command_output("purge_call_collect")
