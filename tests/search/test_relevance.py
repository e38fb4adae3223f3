"""Relevance: do residents find the right merchants on the first screen?

Each query of ``judgements.QUERIES`` runs on each engine, against the 150 merchants
of ``dataset.MERCHANTS``. Scores:

- recall@5: the share of the relevant merchants found in the first five results
  (out of five when more than five are relevant);
- MRR: the mean of 1 / rank of the first relevant result (0 when none in the top 10).

The table is printed (``pytest -s`` not needed) and the suite fails below a mean
recall@5 of 0.9.
"""

import pytest

from merchants.models import Commune
from merchants.open_periods import day_bounds
from merchants.opening_hours import open_intervals
from search.query import plan_query
from tests.search.conftest import ENGINES, backend_for, relevance_scope
from tests.search.dataset import HOURS, MERCHANTS, SERVICE_CODES
from tests.search.judgements import QUERIES

MIN_RECALL = 0.9
TOP = 5


def relevant_names(judgement, now):
    names = set(judgement.get("names", []))
    criteria = {key: value for key, value in judgement.items() if key not in ("names", "language")}
    if not criteria:
        return names
    for name, category, insee, services, hours, _text in MERCHANTS:
        codes = {SERVICE_CODES[code] for code in services.split()}
        if "category" in criteria and category != criteria["category"]:
            continue
        if "commune" in criteria and insee != criteria["commune"]:
            continue
        if "service" in criteria and criteria["service"] not in codes:
            continue
        if "open_day" in criteria and not open_intervals(
            HOURS[hours], *day_bounds(criteria["open_day"], now)
        ):
            continue
        names.add(name)
    return names


def score(ranked, relevant):
    found = len(set(ranked[:TOP]) & relevant)
    recall = found / min(len(relevant), TOP)
    rank = next((i for i, name in enumerate(ranked[:10], start=1) if name in relevant), None)
    return recall, (1 / rank if rank else 0.0)


def evaluate(backend, home, merchants):
    names = {merchant.pk: merchant.title for merchant in merchants}
    communes = list(Commune.objects.all())
    rows = []
    for text, judgement in QUERIES:
        scope = relevance_scope(home, judgement.get("language", "fr"))
        result = backend.site_search(plan_query(text, communes), scope, 0, 10, with_facets=False)
        ranked = [names.get(page_id, f"#{page_id}") for page_id, _score in result.hits]
        relevant = relevant_names(judgement, scope.now)
        assert relevant, f"no relevant merchant for {text!r}: fix the judgement"
        recall, reciprocal_rank = score(ranked, relevant)
        rows.append((text, recall, reciprocal_rank, ranked[:TOP], relevant))
    return rows


def report(engine, backend, rows):
    recall = sum(row[1] for row in rows) / len(rows)
    mrr = sum(row[2] for row in rows) / len(rows)
    lines = [
        "",
        f"Relevance on {engine} ({type(backend).__module__}): {len(rows)} queries, "
        f"{len(MERCHANTS)} merchants",
        f"{'query':32} {'recall@5':>8} {'RR':>5}",
    ]
    for text, query_recall, reciprocal_rank, top, _relevant in rows:
        flag = "" if query_recall >= 0.99 else "   top 5: " + " | ".join(top)
        lines.append(f"{text[:32]:32} {query_recall:8.2f} {reciprocal_rank:5.2f}{flag}")
    lines.append(f"{'MEAN':32} {recall:8.3f} {mrr:5.3f}")
    return "\n".join(lines), recall, mrr


@pytest.mark.parametrize("engine", ENGINES)
def test_relevance(engine, relevance_site, db, capsys, record_property):
    backend = backend_for(engine)
    home, merchants = relevance_site
    rows = evaluate(backend, home, merchants)
    table, recall, mrr = report(engine, backend, rows)
    with capsys.disabled():
        print(table)  # noqa: T201 - the relevance table is the suite's report
    record_property("recall_at_5", round(recall, 3))
    record_property("mrr", round(mrr, 3))
    assert len(QUERIES) >= 40
    assert recall >= MIN_RECALL, table


@pytest.mark.parametrize("engine", ENGINES)
def test_commune_merchants_come_first(engine, relevance_site, db):
    """ "boulangerie tain": the first results are Tain's bakeries, not a bakery whose
    text merely mentions Tain."""
    backend = backend_for(engine)
    home, merchants = relevance_site
    names = {merchant.pk: merchant.title for merchant in merchants}
    communes = list(Commune.objects.all())
    result = backend.site_search(
        plan_query("boulangerie tain", communes), relevance_scope(home), 0, 10, with_facets=False
    )
    top = [names[page_id] for page_id, _score in result.hits[:3]]
    assert sorted(top) == sorted(
        ["Boulangerie Au Pain d'Hermitage", "Le Fournil des Coteaux", "Maison Bréchet, boulanger"]
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_words_as_typed_come_before_typo_matches(engine, relevance_site, db):
    """ "livres": the bookshops first; "Roue Libre" is only one edit away from "livre"."""
    backend = backend_for(engine)
    home, merchants = relevance_site
    names = {merchant.pk: merchant.title for merchant in merchants}
    result = backend.site_search(
        plan_query("livres"), relevance_scope(home), 0, 10, with_facets=False
    )
    ranked = [names[page_id] for page_id, _score in result.hits]
    books = {name for name, category, *_rest in MERCHANTS if category == "books"}
    assert set(ranked[:TOP]) <= books, ranked
