"""``<directory>/export.csv|json|geojson``: the directory's merchants as open data
(and the open data of other listings that define ``export_response``)."""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Page

from merchants import open_periods
from merchants.directory import (
    DirectoryFilters,
    DirectoryOptions,
    listed_merchants,
    source_directory,
)
from merchants.exports import merchant_record, to_csv, to_geojson, to_json
from merchants.models import MerchantIndexPage
from merchants.page_context import EXPORT_TYPES, base_urls, merchant_url


def export(request, index_path, file_format):
    """``<directory>/export.<format>``: the directory's published merchants as open data,
    narrowed by the same filters as the directory (the map uses this)."""
    page = Page.find_for_request(request, index_path)
    specific = page.specific if page is not None else None
    if specific is not None and not isinstance(specific, MerchantIndexPage):
        # Other listings plug their open data in here (the offers, ``offers.exports``).
        export_response = getattr(specific, "export_response", None)
        response = export_response(request, file_format) if export_response else None
        if response is not None:
            return response
    if specific is None or not isinstance(specific, MerchantIndexPage):
        raise Http404(_("Aucun annuaire à cette adresse."))
    index = specific
    source = source_directory(index, index.locale)
    merchants = listed_merchants(index, source)
    options = DirectoryOptions(merchants, index.locale)
    filters = DirectoryFilters.from_query(request.GET, options)
    results = (
        filters.apply(merchants, open_periods.current_time())
        .order_by("sort_name", "pk")
        .select_related("commune")
        .prefetch_related("categories")
    )
    urls_of_directories = base_urls(index, source, request)
    records, urls = [], []
    for merchant in results.iterator(chunk_size=2000):
        names = [
            options.localized_category(category).name for category in merchant.categories.all()
        ]
        records.append(merchant_record(merchant, names))
        urls.append(request.build_absolute_uri(merchant_url(merchant, urls_of_directories)))
    if file_format == "csv":
        body = to_csv(records)
    elif file_format == "json":
        body = to_json(records)
    else:
        body = to_geojson(records, urls)
    response = HttpResponse(body, content_type=EXPORT_TYPES[file_format])
    disposition = "attachment" if file_format == "csv" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{index.slug}.{file_format}"'
    # Open data: any site may read these files, so they waive the site's same-origin
    # Cross-Origin-Resource-Policy.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    # Thousands of merchants take a moment to serialise; a few minutes of staleness is
    # fine for open data and the map (less when "open now" is part of the question).
    patch_cache_control(response, public=True, max_age=60 if filters.open_now else 300)
    return response
