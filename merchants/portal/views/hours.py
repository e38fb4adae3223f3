"""Opening hours, temporary closure and photos."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from merchants import open_periods
from merchants.models import MerchantGalleryImage
from merchants.opening_hours import EXAMPLE, PARIS, status_at, weekly_schedule
from merchants.portal.access import merchant_required
from merchants.portal.forms import HoursForm, PhotoUploadForm
from merchants.portal.photos import store_photo
from merchants.portal.profile import (
    ReviewUnavailable,
    latest_version,
    publish_no_approval_fields,
    submit_for_review,
)


@merchant_required
def hours(request, account, page):
    """Published as soon as saved, on the French page and its translations."""
    version = latest_version(page)
    # What visitors see now, read before a form writes invalid hours onto the object
    # (the newest version may be ``page`` itself).
    now = open_periods.current_time()
    today = now.astimezone(PARIS).date()
    shown = page if page.live else version
    week = weekly_schedule(shown.opening_hours, today)
    current_status = status_at(shown.opening_hours, now, shown.closures)
    if request.method == "POST":
        form = HoursForm(request.POST, instance=version)
        if form.is_valid():
            publish_no_approval_fields(page, form.values(), request.user)
            if page.live:
                messages.success(request, _("Vos horaires sont en ligne."))
            else:
                messages.success(
                    request,
                    _("Vos horaires sont enregistrés ; ils paraîtront avec votre fiche."),
                )
            return redirect("merchant_portal:hours")
    else:
        form = HoursForm(instance=version)
    return render(
        request,
        "merchant_portal/hours_form.html",
        {
            "account": account,
            "merchant": page,
            "form": form,
            "example": EXAMPLE,
            "week": week,
            "today": today,
            "current_status": current_status,
        },
    )


@merchant_required
def photos(request, account, page):
    """Add a photo: checked, stored in the shop's collection, then submitted for review
    with the profile (a photo is public content, so it waits for approval)."""
    if request.method == "POST":
        form = PhotoUploadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data

            def add_photo(version):
                image = store_photo(page, data["photo"], data["alt_text"], request.user)
                if data["use_as_logo"]:
                    version.logo = image
                else:
                    gallery = list(version.gallery_images.all())
                    gallery.append(
                        MerchantGalleryImage(
                            image=image, alt_text=data["alt_text"], caption=data["caption"]
                        )
                    )
                    version.gallery_images = gallery
                return version

            try:
                submit_for_review(page, add_photo, request.user)
            except ReviewUnavailable:
                messages.warning(
                    request,
                    _("La photo est enregistrée mais n'a pas pu être envoyée pour validation."),
                )
            else:
                messages.success(
                    request,
                    _(
                        "Photo ajoutée et envoyée pour validation : elle paraîtra une fois "
                        "validée."
                    ),
                )
            return redirect("merchant_portal:photos")
    else:
        form = PhotoUploadForm()
    version = latest_version(page)
    gallery = list(version.gallery_images.all())
    images = {item.image_id for item in gallery} | (
        {version.logo_id} if version.logo_id else set()
    )
    by_id = get_image_model().objects.in_bulk(images)
    return render(
        request,
        "merchant_portal/photos.html",
        {
            "account": account,
            "merchant": page,
            "form": form,
            "gallery": [(item, by_id.get(item.image_id)) for item in gallery],
            "logo": by_id.get(version.logo_id),
        },
    )
