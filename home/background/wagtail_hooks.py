from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.background.report import FailingTasksReportView, retry
from home.reports import ReportMenuItem, report_urls


@hooks.register("register_admin_urls")
def failing_tasks_report_urls():
    return [
        *report_urls("failing-tasks", FailingTasksReportView),
        path("reports/failing-tasks/<uuid:pk>/retry/", retry, name="failing_tasks_retry"),
    ]


@hooks.register("register_reports_menu_item")
def failing_tasks_menu_item():
    return ReportMenuItem(
        FailingTasksReportView,
        _("Tâches en échec"),
        name="failing-tasks",
        icon_name="warning",
        order=1330,
    )
