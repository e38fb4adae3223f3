"""The JSON endpoints (no language prefix: the language is a parameter)."""

from django.urls import path

from search import api

urlpatterns = [
    path("api/search/", api.search_api, name="search_api"),
    path("api/search/autocomplete/", api.autocomplete_api, name="search_autocomplete"),
]
