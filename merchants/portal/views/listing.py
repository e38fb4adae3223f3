""" "Référencer mon commerce": the public request form and its thank-you page."""

from django.shortcuts import redirect, render
from django.utils.translation import get_language

from merchants.portal import emails, throttle
from merchants.portal.listing import FORM_NAME, ListingRequestForm, create_listing_request


def _rate_limited(request):
    response = render(
        request,
        "merchant_portal/rate_limited.html",
        {"minutes": int(throttle.RATE_WINDOW.total_seconds() // 60)},
        status=429,
    )
    response["Retry-After"] = str(int(throttle.RATE_WINDOW.total_seconds()))
    return response


def listing_request(request):
    if request.method == "POST":
        if throttle.is_rate_limited(request, FORM_NAME):
            return _rate_limited(request)
        form = ListingRequestForm(request.POST)
        if form.is_valid():
            throttle.record_submission(request, FORM_NAME)
            listing = create_listing_request(form.cleaned_data, get_language())
            emails.notify_team_of_listing_request(listing)
            return redirect("merchant_listing:thanks")
        if form.suspicious:
            # Robots count against the limit too, so that they cannot retry for ever.
            throttle.record_submission(request, FORM_NAME)
        form.renew_timestamp()
    else:
        form = ListingRequestForm()
    return render(request, "merchant_portal/listing_form.html", {"form": form})


def listing_thanks(request):
    return render(request, "merchant_portal/listing_thanks.html")
