"""Who may edit which merchant profile from the portal, and the public listing requests.

Merchants never get Wagtail admin access: a ``MerchantAccount`` ties a Django user to one
``MerchantPage``, and the portal only ever loads that page. Their changes are Wagtail
revisions reviewed by the communications team in the usual workflow.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MerchantAccountQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class MerchantAccount(models.Model):
    """A person who manages a shop's profile from the merchant portal.

    Several people may manage the same shop (owner, manager); one person manages one
    shop. Revoking deactivates the user, so open sessions end at their next request.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utilisateur"),
        on_delete=models.CASCADE,
        related_name="merchant_account",
    )
    merchant = models.ForeignKey(
        "merchants.MerchantPage",
        verbose_name=_("fiche commerce"),
        on_delete=models.CASCADE,
        related_name="portal_accounts",
    )
    language = models.CharField(
        _("langue des courriels"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    invited_at = models.DateTimeField(_("invité le"), default=timezone.now)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invité par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    activated_at = models.DateTimeField(_("mot de passe choisi le"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("accès retiré le"), null=True, blank=True)
    verification_reminded_at = models.DateTimeField(
        _("dernier rappel de vérification le"),
        null=True,
        blank=True,
        help_text=_(
            "Le courriel annuel qui demande de confirmer les informations de la fiche "
            "(send_verification_reminders)."
        ),
    )

    objects = MerchantAccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("compte commerçant")
        verbose_name_plural = _("comptes commerçants")
        ordering = ["-invited_at"]

    def __str__(self):
        return self.user.email

    @property
    def is_active(self):
        return self.revoked_at is None and self.user.is_active

    @property
    def status(self):
        if not self.is_active:
            return "revoked"
        if self.activated_at is None:
            return "invited"
        return "active"

    def get_status_display(self):
        return {
            "revoked": _("Accès retiré"),
            "invited": _("Invitation envoyée"),
            "active": _("Actif"),
        }[self.status]


class MerchantCollection(models.Model):
    """The Wagtail collection holding one merchant's uploaded photos.

    One per shop (shared by its accounts), created at the first upload, so that the
    team finds a merchant's pictures together and the portal can refuse any image that
    is neither in it nor already on the profile.
    """

    merchant = models.OneToOneField(
        "merchants.MerchantPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="portal_collection",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("collection d'un commerce")
        verbose_name_plural = _("collections des commerces")

    def __str__(self):
        return str(self.collection)


class ListingRequest(models.Model):
    """An unlisted shop's request to appear in the directory ("Référencer mon commerce").

    The form creates a draft ``MerchantPage``; this record keeps the contact details,
    which are never published. When the team publishes the page, the contact person is
    invited to the portal (see ``merchants.portal.signals``).
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("Reçue")
        INVITED = "invited", _("Publiée, invitation envoyée")
        NEEDS_INVITATION = "manual", _("Publiée, invitation à faire à la main")

    page = models.OneToOneField(
        "merchants.MerchantPage",
        verbose_name=_("fiche créée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listing_request",
    )
    shop_name = models.CharField(_("commerce"), max_length=255)
    contact_name = models.CharField(_("nom du contact"), max_length=150)
    contact_email = models.EmailField(_("courriel du contact"))
    contact_phone = models.CharField(_("téléphone du contact"), max_length=30, blank=True)
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(
        _("langue"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    created_at = models.DateTimeField(_("reçue le"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("demande de référencement")
        verbose_name_plural = _("demandes de référencement")
        ordering = ["-created_at"]

    def __str__(self):
        return self.shop_name


class FormSubmission(models.Model):
    """One submission of a public form, counted for a rate limit (``throttle``).

    ``client`` is a keyed hash of what is counted (the client address, a phone number,
    an email address), never the value itself; rows older than a day are deleted as new
    ones arrive.
    """

    form = models.CharField(max_length=40)
    client = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "form submission"
        indexes = [
            models.Index(fields=["form", "client", "created_at"], name="portal_submission_idx")
        ]

    def __str__(self):
        return f"{self.form} {self.created_at:%Y-%m-%d %H:%M}"


class UsedFormStamp(models.Model):
    """A form's anti-robot timestamp that has been sent back once by one client.

    Only a keyed hash of (the timestamp's nonce, the client address) is stored: the
    unique constraint lets the database refuse a second use, even by two simultaneous
    requests. Rows older than the timestamps' lifetime are deleted as new ones arrive.
    """

    digest = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "used form stamp"

    def __str__(self):
        return f"{self.digest[:8]} {self.used_at:%Y-%m-%d %H:%M}"
