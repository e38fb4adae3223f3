from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """An email written and waiting to be delivered by the worker (``home.mail``).

    Written, in its recipient's language, in the transaction of the change it tells
    about, so that a booking and its emails are saved together or not at all. Delivered
    rows are deleted: what is left here is waiting for the mail server, or was refused
    by it (``refused_at``, with the server's answer in ``error``).
    """

    recipient = models.EmailField(_("destinataire"), max_length=254)
    language = models.CharField(_("langue"), max_length=10)
    template = models.CharField(_("modèle"), max_length=200)
    subject = models.CharField(_("objet"), max_length=998)
    body = models.TextField(_("texte"))
    # [filename, text content, MIME type] of each attachment (a workshop's .ics).
    attachments = models.JSONField(_("pièces jointes"), default=list, blank=True)
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("tentatives d'envoi"), default=0)
    error = models.TextField(_("dernière erreur"), blank=True)
    refused_at = models.DateTimeField(_("refusé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("courriel en attente")
        verbose_name_plural = _("courriels en attente")
        ordering = ["created_at", "pk"]
        # Reading the failing tasks report (home.background.report), which also lists
        # refused emails; the task rows belong to django-tasks-db.
        permissions = [("view_failing_tasks", _("Peut voir les tâches en échec"))]

    def __str__(self):
        return f"{self.template} #{self.pk}"


class PeriodicTaskRun(models.Model):
    """The last time slot for which a periodic task was queued (``home.background.periodic``).

    Every worker may queue periodic tasks; moving ``last_due_at`` forward and queueing
    the task happen in one transaction, so only one worker queues each slot.
    """

    name = models.CharField(_("nom"), max_length=100, unique=True)
    last_due_at = models.DateTimeField(_("dernière échéance mise en file"))

    class Meta:
        verbose_name = _("tâche périodique")
        verbose_name_plural = _("tâches périodiques")

    def __str__(self):
        return self.name
