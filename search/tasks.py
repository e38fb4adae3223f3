"""Search's periodic task (queued by the worker, see ``home.background``)."""

from home.background.tasks import background_task, command_output


@background_task(max_attempts=3)
def reconcile_search_index():
    """Index the pages a backend missed (an engine that was down, a process killed)."""
    return command_output("reconcile_search_index")
