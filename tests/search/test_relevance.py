"""Relevance: do residents find the right merchants on the first screen?

Each query of ``judgements.QUERIES`` (ordinary queries) and
``judgements.RESIDENT_QUERIES`` (written the way residents and visitors type: English
words, typos, several words, natural phrasing, words that are not a category's name)
runs on each engine, against the 190 merchants of ``dataset.ALL_MERCHANTS`` (the
demo's categories, and imported shops whose categories are named otherwise).
Scores:

- recall@5: the share of the relevant merchants found in the first five results
  (out of five when more than five are relevant);
- success@5: 1 when a relevant merchant is among the first five, else 0;
- MRR: the mean of 1 / rank of the first relevant result (0 when none in the top 10).

The tables are printed (``pytest -s`` not needed), with figures per class; the suite
fails below a mean recall@5 of 0.9 on the ordinary queries, and below a success@5 of
0.95 or an MRR of 0.85 on the residents' queries.
"""

import pytest

from merchants.models import Commune
from merchants.open_periods import day_bounds
from merchants.opening_hours import open_intervals
from search.query import plan_query
from tests.search.conftest import ENGINES, backend_for, relevance_scope
from tests.search.dataset import ALL_MERCHANTS, HOURS, SERVICE_CODES
from tests.search.judgements import QUERIES, RESIDENT_QUERIES

MIN_RECALL = 0.9
MIN_SUCCESS = 0.95
MIN_MRR = 0.85
TOP = 5


def relevant_names(judgement, now):
    names = set(judgement.get("names", []))
    criteria = {key: value for key, value in judgement.items() if key not in ("names", "language")}
    if not criteria:
        return names
    for name, category, insee, services, hours, _text in ALL_MERCHANTS:
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


def evaluate(backend, home, merchants, queries=QUERIES):
    """``[(text, recall@5, reciprocal rank, top 5, relevant)]`` for ``queries``."""
    names = {merchant.pk: merchant.title for merchant in merchants}
    communes = list(Commune.objects.all())
    rows = []
    for text, judgement in queries:
        scope = relevance_scope(home, judgement.get("language", "fr"))
        result = backend.site_search(plan_query(text, communes), scope, 0, 10, with_facets=False)
        ranked = [names.get(page_id, f"#{page_id}") for page_id, _score in result.hits]
        relevant = relevant_names(judgement, scope.now)
        assert relevant, f"no relevant merchant for {text!r}: fix the judgement"
        recall, reciprocal_rank = score(ranked, relevant)
        rows.append((text, recall, reciprocal_rank, ranked[:TOP], relevant))
    return rows


def report(engine, backend, rows, title="Relevance"):
    recall = sum(row[1] for row in rows) / len(rows)
    mrr = sum(row[2] for row in rows) / len(rows)
    lines = [
        "",
        f"{title} on {engine} ({type(backend).__module__}): {len(rows)} queries, "
        f"{len(ALL_MERCHANTS)} merchants",
        f"{'query':32} {'recall@5':>8} {'RR':>5}",
    ]
    for text, query_recall, reciprocal_rank, top, _relevant in rows:
        flag = "" if query_recall >= 0.99 else "   top 5: " + " | ".join(top)
        lines.append(f"{text[:32]:32} {query_recall:8.2f} {reciprocal_rank:5.2f}{flag}")
    lines.append(f"{'MEAN':32} {recall:8.3f} {mrr:5.3f}")
    return "\n".join(lines), recall, mrr


def success(row):
    return 1.0 if row[2] >= 1 / TOP else 0.0


def class_report(engine, backend, classes, rows):
    """Per-query lines (failures show their top 5) and success@5 / MRR per class."""
    lines = [
        "",
        f"Residents' queries on {engine} ({type(backend).__module__}): {len(rows)} queries, "
        f"{len(ALL_MERCHANTS)} merchants",
        f"{'class':11} {'query':36} {'success@5':>9} {'RR':>5}",
    ]
    for query_class, row in zip(classes, rows, strict=True):
        text, _recall, reciprocal_rank, top, _relevant = row
        flag = "" if reciprocal_rank == 1 else "   top 5: " + " | ".join(top)
        lines.append(
            f"{query_class:11} {text[:36]:36} {success(row):9.0f} {reciprocal_rank:5.2f}{flag}"
        )
    lines += ["", f"{'class':11} {'queries':>7} {'success@5':>9} {'MRR':>6}"]
    figures = {}
    for query_class in [*dict.fromkeys(classes), "all"]:
        chosen = [row for c, row in zip(classes, rows, strict=True) if query_class in (c, "all")]
        figures[query_class] = (
            sum(map(success, chosen)) / len(chosen),
            sum(row[2] for row in chosen) / len(chosen),
        )
        rate, mrr = figures[query_class]
        lines.append(f"{query_class:11} {len(chosen):7d} {rate:9.3f} {mrr:6.3f}")
    return "\n".join(lines), figures


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
def test_relevance_of_residents_queries(engine, relevance_site, db, capsys, record_property):
    """English over French-only shops, typos, several words, natural phrasing, the
    vocabulary of what shops sell: success@5 and MRR per class."""
    backend = backend_for(engine)
    home, merchants = relevance_site
    classes = [query_class for query_class, _text, _judgement in RESIDENT_QUERIES]
    queries = [(text, judgement) for _class, text, judgement in RESIDENT_QUERIES]
    rows = evaluate(backend, home, merchants, queries)
    table, figures = class_report(engine, backend, classes, rows)
    with capsys.disabled():
        print(table)  # noqa: T201 - the relevance table is the suite's report
    rate, mrr = figures["all"]
    record_property("success_at_5", round(rate, 3))
    record_property("mrr", round(mrr, 3))
    assert len(RESIDENT_QUERIES) >= 60
    assert rate >= MIN_SUCCESS, table
    assert mrr >= MIN_MRR, table


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
    books = {name for name, category, *_rest in ALL_MERCHANTS if category == "books"}
    assert set(ranked[:TOP]) <= books, ranked
