"""Signing in and out, choosing a password (invitation) and resetting it."""

import unicodedata

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import account as wagtail_account

from merchants.portal import emails, throttle
from merchants.portal.access import current_account, private
from merchants.portal.accounts import invitation_token_generator
from merchants.portal.forms import PortalAuthenticationForm
from merchants.portal.models import MerchantAccount

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
# "Forgotten password" emails: a few an hour for one address, however it is typed and
# wherever it is asked from; a few more from one client address, whatever it asks for.
RESET_ACCOUNT_FORM = "password_reset_account"
RESET_ACCOUNT_SALT = "merchants.portal.password-reset-account"
RESET_ACCOUNT_LIMIT = 3
RESET_CLIENT_FORM = "password_reset"
RESET_CLIENT_LIMIT = 6


class PrivateMixin:
    def dispatch(self, request, *args, **kwargs):
        return private(super().dispatch(request, *args, **kwargs))


class LoginView(PrivateMixin, auth_views.LoginView):
    template_name = "merchant_portal/login.html"
    authentication_form = PortalAuthenticationForm
    redirect_authenticated_user = True

    def dispatch(self, request, *args, **kwargs):
        # A team member who is signed in to the admin is not a merchant: show the form
        # rather than sending them to a dashboard they cannot see.
        if request.user.is_authenticated and current_account(request) is None:
            self.redirect_authenticated_user = False
        return super().dispatch(request, *args, **kwargs)


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("merchant_portal:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("Vous êtes déconnecté. À bientôt !"))
        return private(response)


def comparable_email(email):
    """An email address as Django's password reset compares them (NFKC, casefolded)."""
    return unicodedata.normalize("NFKC", (email or "").strip()).casefold()


class ThrottledPasswordResetMixin:
    """Limits for a "forgotten password" view: ``RESET_ACCOUNT_LIMIT`` requests an hour
    for one email address, ``RESET_CLIENT_LIMIT`` from one client address.

    Counted whether or not the address has an account, so that the answers (the same
    redirect, then the same 429) reveal nothing. The portal's page and the admin's count
    together: alternating between them sends no more emails.
    """

    def _client_limit(self):
        return throttle.Limit.per_client(self.request, RESET_CLIENT_FORM, RESET_CLIENT_LIMIT)

    def _rate_limited(self):
        context = {"hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
        response = throttle.too_many_requests(
            self.request, "merchant_portal/password_reset_limited.html", context
        )
        return private(response)

    def post(self, request, *args, **kwargs):
        if throttle.is_limited([self._client_limit()]):
            return self._rate_limited()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email_key = throttle.keyed_hash(
            RESET_ACCOUNT_SALT, comparable_email(form.cleaned_data["email"])
        )
        limits = [
            self._client_limit(),
            throttle.Limit(RESET_ACCOUNT_FORM, email_key, RESET_ACCOUNT_LIMIT),
        ]
        try:
            # Counted before sending: the emails go once the count is committed.
            throttle.submit_within_limits(limits, lambda: True)
        except throttle.RateLimited:
            return self._rate_limited()
        return super().form_valid(form)


class MerchantPasswordResetForm(PasswordResetForm):
    """Only merchants reset their password here (the team uses the admin's page).

    Invited merchants who lost their invitation have no usable password yet; Django's
    form would ignore them, this one sends them a link too. The email is written in
    the account's language.
    """

    email = PasswordResetForm.base_fields["email"]

    def get_users(self, email):
        accounts = MerchantAccount.objects.active().filter(user__email__iexact=email.strip())
        for account in accounts.select_related("user"):
            # As Django does: the database's case-insensitive match may be wider than
            # this comparison, which is also the one the per-address limit counts on.
            if comparable_email(account.user.email) == comparable_email(email):
                yield account.user

    def save(self, *args, token_generator=None, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            link = emails.portal_url(
                "password_reset_confirm",
                user.merchant_account.language,
                uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
                token=token_generator.make_token(user),
            )
            emails.send_password_reset(user, link)


class PasswordResetView(ThrottledPasswordResetMixin, PrivateMixin, auth_views.PasswordResetView):
    template_name = "merchant_portal/password_reset_form.html"
    form_class = MerchantPasswordResetForm
    success_url = reverse_lazy("merchant_portal:password_reset_done")


class AdminPasswordResetView(ThrottledPasswordResetMixin, wagtail_account.PasswordResetView):
    """The admin's "forgotten password" page (``/admin/password_reset/``, routed before
    Wagtail's own in ``site_cms.urls``), with the portal's limits."""


class PasswordResetDoneView(PrivateMixin, auth_views.PasswordResetDoneView):
    template_name = "merchant_portal/password_reset_done.html"


class PasswordResetConfirmView(PrivateMixin, auth_views.PasswordResetConfirmView):
    """The link from a "forgotten password" email: choose a password, then signed in."""

    template_name = "merchant_portal/password_set.html"
    post_reset_login = True
    post_reset_login_backend = MODEL_BACKEND
    success_url = reverse_lazy("merchant_portal:dashboard")
    success_message = _("Votre mot de passe est enregistré. Bienvenue dans votre espace.")
    invitation = False

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # A revoked account's old links stay useless even if the token still matched.
        account = getattr(user, "merchant_account", None) if user else None
        return user if account is not None and account.is_active else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitation"] = self.invitation
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        account = form.user.merchant_account
        if account.activated_at is None:
            account.activated_at = timezone.now()
            account.save(update_fields=["activated_at"])
        messages.success(self.request, self.success_message)
        return response


class InvitationView(PasswordResetConfirmView):
    """The link from an invitation: same form, a week-long token of its own."""

    token_generator = invitation_token_generator
    invitation = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "merchant_portal/password_change.html"
    success_url = reverse_lazy("merchant_portal:dashboard")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and current_account(request) is None:
            return private(render(request, "merchant_portal/forbidden.html", status=403))
        return private(super().dispatch(request, *args, **kwargs))

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Votre nouveau mot de passe est enregistré."))
        return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer once a username and address failed too often (429).

    Also shown by the admin's sign-in page, which django-axes protects the same way."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "merchant_portal/locked_out.html",
        {"minutes": minutes, "reset_url": reverse("merchant_portal:password_reset")},
        status=429,
    )
    return private(response)
