"""Product queries: an offer matching what the resident asks for comes first, above
shops that only mention the word; offers over or out of season are never found.

Runs on the database engine (SQLite or PostgreSQL, by DATABASE_URL) and OpenSearch
(with SEARCH_URL), on the relevance site's shops with ``dataset_offers.OFFERS``."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import transaction

from merchants.models import Commune, MerchantPage
from merchants.opening_hours import PARIS
from offers.choices import mask_of
from offers.models import OfferPage
from search.query import plan_query
from tests.search.conftest import (
    ENGINES,
    backend_for,
    index_everywhere,
    relevance_scope,
    unindex_everywhere,
)
from tests.search.dataset import ALL_MERCHANTS
from tests.search.dataset_offers import HIDDEN_QUERIES, OFFERS, PRODUCT_QUERIES

DAY = datetime.datetime(2027, 1, 10, 11, 0, tzinfo=PARIS)
# A shop named after the product ("Le Comptoir du Picodon") may come before the offer;
# the offer is still on the first screen.
MIN_SUCCESS_AT_3 = 0.9
MIN_MRR = 0.85
# Queries whose word the competing shops only mention in their description: the
# offer comes first.
OFFER_FIRST = ["caillettes", "raclette", "ravioles", "pogne", "marrons glacés", "ressemelage"]


@pytest.fixture(scope="module")
def offer_site(relevance_site, django_db_blocker):
    """The relevance site with an offer below the first shop of each category."""
    home, merchants = relevance_site
    from home.bulk_pages import create_child_pages  # only this fixture writes in bulk

    first_of = {}
    for merchant, row in zip(merchants, ALL_MERCHANTS, strict=False):
        first_of.setdefault(row[1], merchant)
    with django_db_blocker.unblock(), transaction.atomic():
        offers = []
        for category, title, text, kind, availability, months, validity in OFFERS:
            shop = first_of[category]
            page = OfferPage(
                title=title,
                description=text,
                kind=kind,
                price=Decimal("5.00"),
                availability=availability,
                season_months=mask_of(months),
                stock_quantity=2 if availability == "stock_limite" else None,
                valid_from=validity[0] if validity else None,
                valid_until=validity[1] if validity else None,
                merchant=shop,
            )
            create_child_pages(shop, [page])
            offers.append(page)
        index_everywhere(
            OfferPage, OfferPage.get_indexed_objects().filter(pk__in=[o.pk for o in offers])
        )
        yield home, merchants, offers
        transaction.set_rollback(True)
    unindex_everywhere(offers)


def ranked_titles(backend, home, text):
    scope = relevance_scope(home)
    result = backend.site_search(
        plan_query(text, list(Commune.objects.all())), scope, 0, 10, with_facets=False
    )
    titles = dict(MerchantPage.objects.values_list("pk", "title"))
    titles.update(OfferPage.objects.values_list("pk", "title"))
    return [titles.get(pk, f"#{pk}") for pk, _score in result.hits]


@pytest.mark.parametrize("engine", ENGINES)
def test_product_queries_find_the_offer_first(engine, offer_site, db, record_property):
    backend = backend_for(engine)
    home, _merchants, _offers = offer_site
    rows = []
    with time_machine.travel(DAY, tick=False):
        for text, expected in PRODUCT_QUERIES:
            ranked = ranked_titles(backend, home, text)
            rank = ranked.index(expected) + 1 if expected in ranked else None
            rows.append((text, rank, ranked[:3]))
    success = sum(1 for _t, rank, _top in rows if rank == 1) / len(rows)
    success_at_3 = sum(1 for _t, rank, _top in rows if rank and rank <= 3) / len(rows)
    mrr = sum(1 / rank for _t, rank, _top in rows if rank) / len(rows)
    lines = [
        f"Product queries on {engine}: success@1 {success:.3f}, success@3 "
        f"{success_at_3:.3f}, MRR {mrr:.3f}"
    ]
    lines += [f"  {text:30} rank {rank}  top 3: {' | '.join(top)}" for text, rank, top in rows]
    print("\n".join(lines))  # noqa: T201 - the suite's figures
    record_property("offer_success_at_1", success)
    assert success_at_3 >= MIN_SUCCESS_AT_3, "\n".join(lines)
    assert mrr >= MIN_MRR, "\n".join(lines)
    first = {text: rank for text, rank, _top in rows}
    assert all(first[text] == 1 for text in OFFER_FIRST), "\n".join(lines)


@pytest.mark.parametrize("engine", ENGINES)
def test_offers_over_or_out_of_season_are_never_found(engine, offer_site, db):
    backend = backend_for(engine)
    home, _merchants, _offers = offer_site
    with time_machine.travel(DAY, tick=False):
        for text, hidden in HIDDEN_QUERIES:
            assert hidden not in ranked_titles(backend, home, text), text
    # In season, the same query finds it.
    with time_machine.travel(datetime.datetime(2027, 5, 10, 11, 0, tzinfo=PARIS), tick=False):
        assert "Bouquet pour la fête des mères" in ranked_titles(
            backend, home, "bouquet fête des mères"
        )
