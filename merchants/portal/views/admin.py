"""The team's side, in the Wagtail admin: invite, re-invite, revoke and restore."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic

from home.params import IdModelChoiceField, positive_int
from merchants.portal import accounts
from merchants.portal.models import MerchantAccount


class InviteForm(WagtailAdminModelForm):
    """Who to invite (their email) and to manage which shop."""

    email = forms.EmailField(
        label=_("Adresse e-mail du commerçant"),
        help_text=_("L'invitation y est envoyée ; c'est aussi son identifiant de connexion."),
    )

    class Meta:
        model = MerchantAccount
        fields = ["email", "merchant", "language"]
        field_classes = {"merchant": IdModelChoiceField}

    def clean_email(self):
        email = accounts.normalize_email(self.cleaned_data["email"])
        if accounts.email_is_taken(email):
            raise ValidationError(_("Un compte existe déjà avec cette adresse e-mail."))
        return email


class AccountForm(WagtailAdminModelForm):
    class Meta:
        model = MerchantAccount
        fields = ["merchant", "language"]
        field_classes = {"merchant": IdModelChoiceField}


class InviteView(generic.CreateView):
    page_title = _("Inviter un commerçant")
    success_message = _("Invitation envoyée à %(object)s.")

    def get_initial(self):
        initial = super().get_initial()
        # "Inviter un commerçant" from a merchant page's menu names the page.
        merchant = positive_int(self.request.GET.get("merchant"))
        if merchant is not None:
            initial["merchant"] = merchant
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        return accounts.invite(
            data["email"], data["merchant"], data["language"], invited_by=self.request.user
        )


class AccessColumn(Column):
    """The account's state, with its one-click action (revoke, or restore/re-invite)."""

    cell_template_name = "merchant_portal/admin/access_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["csrf_token"] = get_token(request)
        context["can_change"] = request.user.has_perm("merchant_portal.change_merchantaccount")
        return context


class AccountIndexView(generic.IndexView):
    def get_base_queryset(self):
        # One query for the page of accounts, whatever their number.
        return super().get_base_queryset().select_related("user", "merchant")


ACCOUNT_COLUMNS = [
    Column("user", label=_("Adresse e-mail"), accessor="user.email", sort_key="user__email"),
    Column("merchant", label=_("Fiche commerce"), accessor="merchant.title"),
    Column("language", label=_("Langue"), accessor="get_language_display"),
    DateColumn("invited_at", label=_("Invité le"), sort_key="invited_at"),
    DateColumn("last_login", label=_("Dernière connexion"), accessor="user.last_login"),
    AccessColumn("access", label=_("Accès")),
]


def _account_action(action):
    """A POST-only view changing one account, for the team members allowed to."""

    @require_POST
    def view(request, pk):
        if not request.user.has_perm("merchant_portal.change_merchantaccount"):
            raise PermissionDenied
        account = get_object_or_404(MerchantAccount.objects.select_related("user"), pk=pk)
        message = action(account, request.user)
        messages.success(request, message % {"email": account.user.email})
        return redirect("merchant_accounts:index")

    return view


def _revoke(account, user):
    accounts.revoke(account)
    return _("Accès retiré à %(email)s : ses sessions sont fermées.")


def _restore(account, user):
    accounts.restore(account, invited_by=user)
    return _("Accès rétabli : une nouvelle invitation est envoyée à %(email)s.")


def _resend(account, user):
    accounts.resend_invitation(account, invited_by=user)
    return _("Invitation renvoyée à %(email)s.")


revoke_view = _account_action(_revoke)
restore_view = _account_action(_restore)
resend_view = _account_action(_resend)
