"""Lists sorted as French (and English) readers sort them: accented letters with their
base letter (Érôme, Étables, Vion), not after Z as code points would have it."""

import re
from html import unescape

import pytest

from home.collation import sort_key
from tests.factories.merchants import CategoryFactory, CommuneFactory, bulk_merchants

pytestmark = pytest.mark.django_db


def options(html, select_id):
    select = html.split(f'<select id="{select_id}"', 1)[1].split("</select>", 1)[0]
    return [
        unescape(label) for label in re.findall(r'<option value="[^"]+"[^>]*>([^<(]+?) \(', select)
    ]


def test_the_collation_sorts_accents_with_their_letter():
    names = ["Vion", "Étables", "Zinc", "Érôme", "épicerie", "Eclassan", "Œuf", "Oze"]
    assert sorted(names, key=sort_key) == [
        "Eclassan", "épicerie", "Érôme", "Étables", "Œuf", "Oze", "Vion", "Zinc",
    ]  # fmt: skip


def test_directory_communes_and_categories_are_in_reading_order(client, directory):
    communes = [
        CommuneFactory(name=name) for name in ("Zèbre-d'essai", "Écluse-d'essai", "Evian-d'essai")
    ]
    categories = [
        CategoryFactory(name=name)
        for name in ("Épicerie d'essai", "Droguerie d'essai", "Fleuriste d'essai")
    ]
    for commune, category in zip(communes, categories, strict=True):
        bulk_merchants(directory, 1, [category], name=f"Chez {commune.name}", commune=commune)

    html = client.get("/commerces/").content.decode()
    listed_communes = options(html, "filter-commune")
    assert listed_communes == sorted(listed_communes, key=sort_key)
    mine = [name for name in listed_communes if name.endswith("d'essai")]
    assert mine == ["Écluse-d'essai", "Evian-d'essai", "Zèbre-d'essai"]
    demo = [name for name in listed_communes if name in ("Érôme", "Étables", "Vion")]
    assert demo == sorted(demo, key=sort_key)

    groups = [
        unescape(label)
        for label in re.findall(r'<optgroup label="([^"]+)"', html)
        or re.findall(r'<option value="[^"]+"[^>]*>([^<]+?) : tout', html)
    ]
    assert groups == sorted(groups, key=sort_key)
    assert [name for name in groups if name.endswith("d'essai")] == [
        "Droguerie d'essai", "Épicerie d'essai", "Fleuriste d'essai",
    ]  # fmt: skip
