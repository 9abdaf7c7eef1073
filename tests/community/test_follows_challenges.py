"""A followed member's challenge entry reaches her followers' feed, named by the
challenge in the reader's language, and leaves it when a moderator hides the entry."""

import pytest

from community.follows import services
from community.models import Activity, Entry

from .challenges_kit import TITLES, enter, post, text

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_followed_members_entry_shows_in_the_feed(client, people, language):
    services.follow(follower=people["graduate"], followed=people["classmate"])
    entry = enter(post(people), people["classmate"], caption="Raies droites")
    assert Activity.objects.get(verb=Activity.Verb.CHALLENGE_ENTERED).actor == people["classmate"]

    client.force_login(people["graduate"])
    feed = text(client.get(f"/{language}/following/"))
    assert TITLES[language] in feed
    assert f"/{language}/challenges/{entry.challenge_id}/#e{entry.pk}" in feed

    Entry.objects.filter(pk=entry.pk).update(visibility=Entry.Visibility.REMOVED)
    assert TITLES[language] not in text(client.get(f"/{language}/following/"))
