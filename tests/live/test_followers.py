"""A host's class or expert Q&A reaches her followers' feed in their language; a
group's practice session stays inside the group; a cancelled session leaves the feed."""

import pytest

from community.follows import services
from community.models import Activity
from live import scheduling

from .conftest import make_session

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_followers_see_a_scheduled_class_until_it_is_cancelled(client, people, language):
    services.follow(follower=people["graduate"], followed=people["teacher"])
    session = make_session(people, title_fr="Tresses en direct", title_en="Live braiding")
    assert Activity.objects.filter(verb=Activity.Verb.LIVE_SESSION_SCHEDULED).count() == 1

    client.force_login(people["graduate"])
    title = {"fr": "Tresses en direct", "en": "Live braiding"}[language]
    feed = client.get(f"/{language}/following/").content.decode()
    assert title in feed and f"/{language}/live/{session.pk}/" in feed

    scheduling.cancel_session(by=people["teacher"], session=session)
    assert title not in client.get(f"/{language}/following/").content.decode()


def test_a_practice_session_is_not_announced(people):
    services.follow(follower=people["graduate"], followed=people["founder"])
    make_session(people, kind="practice")
    assert not Activity.objects.filter(verb=Activity.Verb.LIVE_SESSION_SCHEDULED).exists()
