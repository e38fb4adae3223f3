"""Photos: added to the pending change (they are public content, so they wait for
approval), each shown with its state."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from merchants.models import MerchantGalleryImage
from merchants.portal.access import merchant_required
from merchants.portal.forms import PhotoUploadForm
from merchants.portal.photos import photo_states, store_photo
from merchants.portal.profile import ProfileStatus, profile_status, save_changes


@merchant_required
def photos(request, account, page):
    """Add a photo: checked, stored in the shop's collection, added to the pending
    change. A review in progress includes it; otherwise it waits for "Envoyer pour
    validation", with the merchant's other changes."""
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

            save_changes(page, add_photo, request.user)
            if profile_status(page).state == ProfileStatus.PENDING:
                messages.success(
                    request,
                    _(
                        "Photo ajoutée à vos modifications en cours de validation : elle "
                        "paraîtra une fois validée."
                    ),
                )
            else:
                messages.success(
                    request,
                    _(
                        "Photo ajoutée à vos modifications. Elle paraîtra une fois validée : "
                        "envoyez vos modifications pour validation quand vous avez fini."
                    ),
                )
            return redirect("merchant_portal:photos")
    else:
        form = PhotoUploadForm()
    status = profile_status(page)
    return render(
        request,
        "merchant_portal/photos.html",
        {
            "account": account,
            "merchant": page,
            "form": form,
            "photos": photo_states(page, status),
            "status": status,
            "statuses": ProfileStatus,
        },
    )
