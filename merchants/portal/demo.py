"""Demo merchant accounts and one change waiting for review (``load_demo``).

Two shops of the demo directory get an account each. In development (``DEBUG``) they
get random passwords, kept in ``var/demo-merchants.txt`` (git-ignored) and printed;
elsewhere (tests, a staging copy) they get no usable password and nothing is printed.
The first account submits a new description once, so that the team's moderation queue
is not empty. Idempotent: existing accounts, passwords and reviews are left alone.
"""

import secrets

from django.conf import settings
from wagtail.models import WorkflowState

from merchants.models import MerchantPage
from merchants.portal import accounts
from merchants.portal.models import MerchantAccount
from merchants.portal.profile import ReviewUnavailable, send_for_review

DEMO_ACCOUNTS = [
    ("boulangerie@commerces.example", "demo-001", "fr"),
    ("fromagerie@commerces.example", "demo-002", "en"),
]
PENDING_DESCRIPTION = (
    "Pains au levain cuits au feu de bois chaque matin, viennoiseries pur beurre, tarte "
    "aux pralines le week-end et, nouveauté, une fougasse aux olives le vendredi."
)
CREDENTIALS_FILE = "demo-merchants.txt"


def _account(email, external_id, language):
    page = MerchantPage.objects.filter(external_id=external_id, locale__language_code="fr").first()
    if page is None:
        return None
    account = MerchantAccount.objects.filter(user__username=email).select_related("user").first()
    if account is None:
        account = accounts.create_account(email, page, language)
        account.activated_at = account.invited_at
        account.save(update_fields=["activated_at"])
    return account


def _passwords(demo_accounts):
    """Read or (re)create the development passwords; {email: password}."""
    path = settings.VAR_DIR / CREDENTIALS_FILE
    saved = {}
    if path.exists():
        for line in path.read_text().splitlines():
            email, _sep, password = line.partition(" ")
            saved[email] = password
    for account in demo_accounts:
        user = account.user
        password = saved.get(user.username, "")
        if not password or not user.check_password(password):
            password = secrets.token_urlsafe(10)
            user.set_password(password)
            user.save(update_fields=["password"])
            saved[user.username] = password
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{email} {password}\n" for email, password in saved.items()))
    path.chmod(0o600)
    return saved


def _pending_change(account):
    """Submit a new description once (never again, whatever the team did with it)."""
    page = account.merchant
    if WorkflowState.objects.for_instance(page).exists():
        return False

    def new_description(version):
        version.description = PENDING_DESCRIPTION
        return version

    try:
        send_for_review(page, account.user, new_description)
    except ReviewUnavailable:
        return False
    return True


def load(stdout):
    demo_accounts = [
        account
        for account in (_account(*details) for details in DEMO_ACCOUNTS)
        if account is not None
    ]
    if not demo_accounts:
        stdout.write("Merchant portal: no demo merchants, no accounts created.")
        return
    submitted = _pending_change(demo_accounts[0])
    stdout.write(
        f"Merchant portal: {len(demo_accounts)} demo accounts"
        + (", one change submitted for review." if submitted else ".")
    )
    if settings.DEBUG:
        passwords = _passwords(demo_accounts)
        for account in demo_accounts:
            email = account.user.username
            stdout.write(
                f"Demo merchant: http://127.0.0.1:8000/espace-commercant/  "
                f"user: {email}  password: {passwords[email]}  ({account.merchant.title})"
            )
