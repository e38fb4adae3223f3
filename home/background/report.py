"""Admin report "Tâches en échec" (Reports menu): background work that went wrong.

Tasks that failed for good (every attempt, with the error of the last one) and tasks
failing now and waiting for their next attempt, with a button to try a task again at
once (after the mail server is repaired, say), and the emails the mail server refused.
Shown to superusers and to those given ``background.view_failing_tasks`` (the
communications team, from ``setup_roles``).
"""

from django.contrib import messages
from django.db.models import Q
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn

from home.background import tasks
from home.background.models import OutgoingEmail
from home.reports import PermittedReportView

PERMISSION = "background.view_failing_tasks"


def last_error(result):
    """The last line of the task's traceback: the exception and its message."""
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def state(result):
    if result.status == "FAILED":
        return _("Échec : plus de nouvel essai")
    return _("En échec : nouvel essai prévu")


def next_attempt(result):
    if result.status != "READY" or result.run_after.year == 9999:
        return None
    return result.run_after


class RetryColumn(Column):
    cell_template_name = "background/admin/retry_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        context["retry_url"] = reverse("failing_tasks_retry", args=[instance.pk])
        return context


class FailingTasksReportView(PermittedReportView):
    permission = PERMISSION
    page_title = _("Tâches en échec")
    header_icon = "warning"
    index_url_name = "failing_tasks_report"
    index_results_url_name = "failing_tasks_report_results"
    template_name = "background/admin/failing_tasks.html"
    columns = [
        Column("task_name", label=_("Tâche")),
        Column("state", label=_("État"), accessor=state),
        Column("attempts", label=_("Tentatives"), accessor=tasks.attempts_of),
        Column("error", label=_("Dernière erreur"), accessor=last_error),
        DateColumn("enqueued_at", label=_("Mise en file")),
        DateColumn("next_attempt", label=_("Prochain essai"), accessor=next_attempt),
        RetryColumn("retry", label=_("Action")),
    ]
    export_headings = {
        "task_path": _("Tâche"),
        "status": _("État"),
        "enqueued_at": _("Mise en file"),
        "finished_at": _("Dernière tentative"),
        "exception_class_path": _("Dernière erreur"),
    }
    list_export = list(export_headings)

    def get_base_queryset(self):
        return (
            tasks.queued()
            .filter(Q(status="FAILED") | Q(status="READY") & ~Q(exception_class_path=""))
            .order_by("-enqueued_at")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["refused_emails"] = OutgoingEmail.objects.filter(refused_at__isnull=False)[:50]
        context["waiting_emails"] = OutgoingEmail.objects.filter(refused_at__isnull=True).count()
        return context


@require_POST
def retry(request, pk):
    """Try a failing task again at once."""
    if not FailingTasksReportView.can_view(request.user):
        return permission_denied(request)
    results = tasks.queued().filter(pk=pk)
    # A task waiting for its next attempt is brought forward; a failed one queued again.
    count = tasks.retry_now(results) + results.filter(status="READY").update(
        run_after=tasks.date_max()
    )
    messages.success(
        request,
        ngettext(
            "La tâche sera essayée de nouveau dans un instant.",
            "Les tâches seront essayées de nouveau dans un instant.",
            count,
        ),
    )
    return redirect("failing_tasks_report")
