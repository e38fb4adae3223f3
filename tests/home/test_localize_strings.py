"""wagtail-localize's French strings corrected in our catalogues (``locale/fr``)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_translation_editors_publish_button_reads_as_french(admin_client):
    """The editor's button is this string followed by the language's name: wagtail-
    localize's French made it "Publier dansAnglais"."""
    response = admin_client.get(reverse("wagtail_localize:javascript_catalog"))
    assert response.status_code == 200
    catalogue = response.content.decode()
    assert '"Publish in ": "Publier en "' in catalogue
    assert "Publier dans" not in catalogue
