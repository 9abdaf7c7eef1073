"""A beginner asks a mentor; the mentor accepts for a number of weeks or declines; the
beginner may withdraw. Capacity holds under the offer's lock, one open request per
pair, and each refusal is translated with nothing stored. An accepted mentorship opens
a conversation for the two of them only."""

import pytest

from community.errors import CommunityError, InvalidInput
from community.mentorship import asking
from community.models import Contribution, Mentorship
from notifications.models import Notification

from . import mentoring
from .conftest import shows
from .mentoring import ask, make_offer

# The people of tests/community/mentoring.py, built once for this module.
mentorship_site, people = mentoring.mentorship_site, mentoring.people

MESSAGE = {"message": "Bonjour, je voudrais apprendre les knotless."}


def told(user, kind):
    return list(Notification.objects.filter(user=user, kind=kind).values_list("title", flat=True))


def test_a_beginner_asks_and_the_mentor_accepts_for_eight_weeks(
    client, people, django_capture_on_commit_callbacks
):
    offer = make_offer(people)
    people["founder"].preferred_language = "en"
    people["founder"].save()
    client.force_login(people["founder"])
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/fr/mentors/{offer.pk}/ask/", MESSAGE)
    request = Mentorship.objects.get()
    assert sent.status_code == 302 and sent["Location"] == f"/fr/mentors/mentorships/{request.pk}/"
    assert request.status == "requested" and request.mentor == people["graduate"]
    assert told(people["graduate"], "mentorship_requested") == [
        "Nadia M. vous demande d’être sa mentore"
    ]
    client.force_login(people["graduate"])
    page = client.get(f"/fr/mentors/mentorships/{request.pk}/")
    assert shows(page, "je voudrais apprendre les knotless") and shows(page, "Accepter")
    with django_capture_on_commit_callbacks(execute=True):
        answered = client.post(
            f"/fr/mentors/mentorships/{request.pk}/answer/", {"decision": "accept", "weeks": "8"}
        )
    assert answered.status_code == 302
    request.refresh_from_db()
    assert request.status == "active" and request.weeks == 8
    assert (request.ends_at - request.answered_at).days == 56
    assert told(people["founder"], "mentorship_answered") == ["Carine E. is your mentor"]


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Vous ne pouvez pas vous demander d’être votre propre mentore."),
        ("en", "You can't ask yourself to be your mentor."),
    ],
)
def test_nobody_asks_herself(client, people, language, text):
    offer = make_offer(people)
    client.force_login(people["graduate"])
    refused = client.post(f"/{language}/mentors/{offer.pk}/ask/", MESSAGE)
    assert refused.status_code == 400 and shows(refused, text)
    assert not Mentorship.objects.exists()


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Vous avez déjà fait une demande à cette mentore. Attendez sa réponse."),
        ("en", "You have already asked this mentor. Wait for her answer."),
    ],
)
def test_a_second_request_to_the_same_mentor_is_refused(client, people, language, text):
    offer = make_offer(people)
    client.force_login(people["founder"])
    client.post(f"/fr/mentors/{offer.pk}/ask/", MESSAGE)
    again = client.post(f"/{language}/mentors/{offer.pk}/ask/", MESSAGE)
    assert again.status_code == 400 and shows(again, text)
    assert Mentorship.objects.count() == 1


@pytest.mark.parametrize(
    "message, language, text",
    [
        ("  ", "en", "Say in a few words what you would like to learn."),
        ("  ", "fr", "Dites en quelques mots ce que vous aimeriez apprendre."),
        ("x" * 20000, "en", "This text can be 1,000 characters at most; it has 20,000."),
        ("x" * 20000, "fr", "Ce texte peut compter 1"),
    ],
)
def test_empty_or_huge_messages_are_refused(client, people, message, language, text):
    offer = make_offer(people)
    client.force_login(people["founder"])
    refused = client.post(f"/{language}/mentors/{offer.pk}/ask/", {"message": message})
    assert refused.status_code == 400 and shows(refused, text)
    assert (
        not Mentorship.objects.exists()
        and not Contribution.objects.filter(kind="mentorship_request").exists()
    )


def test_html_in_a_request_is_shown_escaped(client, people):
    offer = make_offer(people)
    request = ask(offer, people["founder"], "<img src=x onerror=alert(1)> Bonjour")
    client.force_login(people["graduate"])
    page = client.get(f"/fr/mentors/mentorships/{request.pk}/")
    assert "<img src=x" not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Vous accompagnez déjà 1 débutante, autant que votre capacité."),
        ("en", "You already mentor 1 beginner, as many as your capacity."),
    ],
)
def test_accepting_over_capacity_is_refused(client, people, language, text):
    offer = make_offer(people, capacity=1)
    first = ask(offer, people["founder"])
    second = ask(offer, people["classmate"])
    asking.accept(by=people["graduate"], mentorship=first)
    client.force_login(people["graduate"])
    refused = client.post(
        f"/{language}/mentors/mentorships/{second.pk}/answer/",
        {"decision": "accept", "weeks": "6"},
    )
    assert refused.status_code == 400 and shows(refused, text)
    second.refresh_from_db()
    assert second.status == "requested" and second.ends_at is None


def test_a_full_mentor_takes_no_new_request(client, people):
    offer = make_offer(people, capacity=1)
    asking.accept(by=people["graduate"], mentorship=ask(offer, people["founder"]))
    client.force_login(people["classmate"])
    page = client.get(f"/en/mentors/{offer.pk}/")
    assert shows(page, "no place free now") and "/ask/" not in page.text
    refused = client.post(f"/en/mentors/{offer.pk}/ask/", MESSAGE)
    assert refused.status_code == 400
    assert shows(refused, "This mentor has no place free now. Ask another mentor")
    assert Mentorship.objects.count() == 1


def test_weeks_outside_two_to_twelve_are_refused(people):
    offer = make_offer(people)
    request = ask(offer, people["founder"])
    for weeks in (1, 13, None, "six"):
        with pytest.raises(InvalidInput):
            asking.accept(by=people["graduate"], mentorship=request, weeks=weeks)
    request.refresh_from_db()
    assert request.status == "requested"


def test_the_mentor_declines_with_a_reason(client, people, django_capture_on_commit_callbacks):
    offer = make_offer(people)
    request = ask(offer, people["founder"])
    client.force_login(people["graduate"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/mentors/mentorships/{request.pk}/answer/",
            {"decision": "decline", "reason": "Je pars en formation ce mois-ci."},
        )
    request.refresh_from_db()
    assert request.status == "declined"
    assert told(people["founder"], "mentorship_answered") == ["Votre demande à Carine E."]
    client.force_login(people["founder"])
    page = client.get(f"/fr/mentors/mentorships/{request.pk}/")
    assert shows(page, "Je pars en formation ce mois-ci.")
    # Declined, she may ask again later.
    assert client.post(f"/fr/mentors/{offer.pk}/ask/", MESSAGE).status_code == 302


def test_only_the_mentor_answers_and_only_once(client, people):
    offer = make_offer(people)
    request = ask(offer, people["founder"])
    for person, status in (("founder", 403), ("classmate", 404), ("moderator", 403)):
        client.force_login(people[person])
        answer = client.post(
            f"/en/mentors/mentorships/{request.pk}/answer/", {"decision": "accept"}
        )
        assert answer.status_code == status
    asking.decline(by=people["graduate"], mentorship=request)
    with pytest.raises(CommunityError):
        asking.accept(by=people["graduate"], mentorship=request)
    request.refresh_from_db()
    assert request.status == "declined"


def test_the_beginner_withdraws_a_waiting_request(client, people):
    offer = make_offer(people)
    request = ask(offer, people["founder"])
    client.force_login(people["founder"])
    assert client.post(f"/fr/mentors/mentorships/{request.pk}/withdraw/").status_code == 302
    request.refresh_from_db()
    assert request.status == "withdrawn"


def test_an_accepted_mentorship_opens_a_conversation_for_the_two(client, people):
    offer = make_offer(people)
    request = ask(offer, people["founder"])
    client.force_login(people["founder"])
    assert client.get(f"/fr/mentors/mentorships/{request.pk}/conversation/").status_code == 403
    asking.accept(by=people["graduate"], mentorship=request)
    opened = client.get(f"/fr/mentors/mentorships/{request.pk}/conversation/")
    assert opened.status_code == 302
    client.force_login(people["graduate"])
    same = client.get(f"/en/mentors/mentorships/{request.pk}/conversation/")
    assert same["Location"] == opened["Location"].replace("/fr/", "/en/")
    chat = client.get(same["Location"])
    assert chat.status_code == 200 and shows(chat, "Mentorship · Make-up")
    client.force_login(people["classmate"])
    assert client.get(f"/fr/mentors/mentorships/{request.pk}/conversation/").status_code == 404
