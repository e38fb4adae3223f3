"""The rate limits' contract: a submission is counted in the same transaction as what it
creates, so a creation that fails or refuses spends no quota.

Simultaneous submissions are in tests/*/test_concurrency.py (PostgreSQL).
"""

import pytest
from django.contrib.auth import get_user_model

from merchants.portal import throttle
from merchants.portal.models import FormSubmission

pytestmark = pytest.mark.django_db
LIMIT = throttle.Limit("test_form", throttle.keyed_hash("test", "someone"), 2)


def create_user(name):
    return get_user_model().objects.create(username=name)


def counted():
    return FormSubmission.objects.filter(form=LIMIT.form, client=LIMIT.key).count()


def test_accepted_submissions_are_counted_until_the_limit():
    assert throttle.submit_within_limits([LIMIT], lambda: create_user("un")).username == "un"
    assert throttle.submit_within_limits([LIMIT], lambda: create_user("deux"))
    assert counted() == 2

    with pytest.raises(throttle.RateLimited):
        throttle.submit_within_limits([LIMIT], lambda: create_user("trois"))

    assert not get_user_model().objects.filter(username="trois").exists()
    assert counted() == 2
    assert throttle.is_limited([LIMIT])


def test_a_creation_that_fails_is_rolled_back_and_not_counted():
    def fail():
        create_user("a-moitie")
        raise RuntimeError("the page could not be created")

    with pytest.raises(RuntimeError):
        throttle.submit_within_limits([LIMIT], fail)

    assert not get_user_model().objects.filter(username="a-moitie").exists()
    assert counted() == 0


def test_a_creation_that_refuses_is_rolled_back_and_not_counted():
    """``None`` is a refusal (e.g. the slot just filled up)."""

    def refuse():
        create_user("refuse")
        return None

    assert throttle.submit_within_limits([LIMIT], refuse) is None

    assert not get_user_model().objects.filter(username="refuse").exists()
    assert counted() == 0


def test_every_limit_must_have_room_and_all_are_counted_together():
    other = throttle.Limit("test_other", throttle.keyed_hash("test", "phone"), 1)
    assert throttle.submit_within_limits([LIMIT, other], lambda: create_user("un"))

    with pytest.raises(throttle.RateLimited):
        throttle.submit_within_limits([LIMIT, other], lambda: create_user("deux"))

    # The limit that still had room was not charged for the refused submission.
    assert counted() == 1
    assert FormSubmission.objects.filter(form="test_other").count() == 1
