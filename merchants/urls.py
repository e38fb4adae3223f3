"""Non-page routes of the directory, served under each language's prefix."""

from django.urls import re_path

from merchants import views

# ``<directory path>/export.csv`` beside the directory page: Wagtail's own page URLs
# cannot contain a dot, so these files are routed here and the directory is found by
# its path (in French or English).
urlpatterns = [
    re_path(
        r"^(?P<index_path>(?:[\w\-]+/)+)export\.(?P<file_format>csv|json|geojson)$",
        views.export,
        name="merchant_export",
    ),
]
