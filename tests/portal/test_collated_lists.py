"""Lists of communes, categories and topics in forms read as French sorts them:
"Érôme" and "Étables" with the E's, not after "Vion" (home.collation.collate_choices)."""

import re

import pytest
from django.urls import reverse

from home.collation import sort_key
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def options(html, name):
    """Labels of the options of the select ``name`` (the empty choice left out)."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        label.strip()
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
        if value
    ]


def checkbox_labels(html, name):
    found = re.findall(
        rf'<input type="checkbox" name="{name}"[^>]*id="([^"]+)"[^>]*>\s*([^<]+?)\s*</label>',
        html,
    )
    return [label for _id, label in found]


def in_reading_order(labels):
    return labels == sorted(labels, key=sort_key)


def assert_french_order(labels):
    assert "Érôme" in labels and "Vion" in labels
    assert labels.index("Érôme") < labels.index("Étables") < labels.index("Vion")
    assert in_reading_order(labels)


def test_the_portal_profile_lists_communes_in_french_order(client_a):
    html = client_a.get(reverse("merchant_portal:profile")).content.decode()
    assert_french_order(options(html, "commune"))


def test_the_list_my_shop_form_lists_communes_in_french_order(client):
    html = client.get(reverse("merchant_listing:request")).content.decode()
    assert_french_order(options(html, "commune"))


def test_the_admin_lists_topics_in_french_order(team_client, django_user_model):
    # (Communes are chosen in Wagtail's snippet chooser, a searchable modal.)
    superuser = django_user_model.objects.create_superuser("chef", "chef@agglo.example", "x")
    team_client.force_login(superuser)
    news = NewsPage.objects.filter(locale__language_code="fr").first()
    html = team_client.get(reverse("wagtailadmin_pages:edit", args=[news.pk])).content.decode()
    topics = checkbox_labels(html, "topics")
    assert len(topics) >= 3 and in_reading_order(topics)
