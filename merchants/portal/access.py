"""Who may use the portal, and which page they work on.

Every portal view receives the signed-in merchant's account and page from here: the
page is the one linked to ``request.user``, never one named by the URL or the form.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from merchants.portal.models import MerchantAccount


def current_account(request):
    """The signed-in user's active merchant account (with its page), or None."""
    if not request.user.is_authenticated:
        return None
    account = (
        MerchantAccount.objects.active()
        .filter(user=request.user)
        .select_related("merchant")
        .first()
    )
    if account is not None:
        account.user = request.user  # already loaded by the authentication middleware
    return account


def private(response):
    """Portal pages show a merchant's unpublished data: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def merchant_required(view):
    """Anonymous visitors get the sign-in page; signed-in people without an active
    merchant account (team members, revoked merchants) get a 403 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return private(redirect_to_login(request.get_full_path()))
        account = current_account(request)
        if account is None:
            return private(render(request, "merchant_portal/forbidden.html", status=403))
        return private(view(request, account, account.merchant, *args, **kwargs))

    return wrapper
