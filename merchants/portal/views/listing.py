""" "Référencer mon commerce": the public request form and its thank-you page."""

from django.shortcuts import redirect, render
from django.utils.translation import get_language

from merchants.portal import emails, throttle
from merchants.portal.listing import FORM_NAME, ListingRequestForm, create_listing_request


def _rate_limited(request):
    return throttle.too_many_requests(request, "merchant_portal/rate_limited.html")


def listing_request(request):
    if request.method == "POST":
        limits = [throttle.Limit.per_client(request, FORM_NAME)]
        if throttle.is_limited(limits):
            return _rate_limited(request)
        form = ListingRequestForm(request.POST, client_key=throttle.client_key(request))
        if form.is_valid():

            def create_and_notify():
                # The team's email is queued in the request's transaction.
                listing = create_listing_request(form.cleaned_data, get_language())
                emails.notify_team_of_listing_request(listing)
                return listing

            try:
                throttle.submit_within_limits(limits, create_and_notify)
            except throttle.RateLimited:
                return _rate_limited(request)
            return redirect("merchant_listing:thanks")
        if form.suspicious:
            # Robots count against the limit too, so that they cannot retry for ever.
            throttle.record_attempt(limits)
        form.renew_timestamp()
    else:
        form = ListingRequestForm()
    return render(request, "merchant_portal/listing_form.html", {"form": form})


def listing_thanks(request):
    return render(request, "merchant_portal/listing_thanks.html")
