"""Query counts that a harmless Wagtail upgrade does not break, but a per-item query
does: measure with few items, add many, measure again; the two must be equal and
under an upper bound."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_sent(action, *, warm=True):
    """``(number of queries, result)`` of ``action()``; called once before unless
    ``warm`` is False, so that per-process caches (site root, content types, settings)
    are filled as on a running site."""
    if warm:
        action()
    with CaptureQueriesContext(connection) as captured:
        result = action()
    return len(captured), result


def assert_constant_queries(action, grow, *, at_most):
    """``action()`` costs the same queries before and after ``grow()``, and no more
    than ``at_most``. Returns the last result."""
    before, _result = queries_sent(action)
    grow()
    after, result = queries_sent(action)
    assert after == before, f"{before} queries, then {after} after adding items"
    assert after <= at_most, f"{after} queries, more than {at_most}"
    return result
