from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    """Durable background work: the task queue's retries and recovery, periodic tasks,
    the email outbox, the team's report of failing tasks."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home.background"
    label = "background"
    verbose_name = _("Tâches en arrière-plan")

    def ready(self):
        from home import roles
        from home.background import periodic, tasks

        tasks.connect_signals()
        roles.register_team_permissions("background", "view_failing_tasks")
        periodic.register(
            "publish_scheduled", tasks.publish_scheduled_pages, periodic.every(minutes=1)
        )
        periodic.register(
            "prune_task_results", tasks.prune_finished_tasks, periodic.daily(hour=2, minute=45)
        )
