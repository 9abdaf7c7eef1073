"""Who may start a conversation with whom, from the outside, role by role: a refusal
is a clear translated sentence and stores nothing."""

import pytest

from messaging.models import Conversation, Message

from .conftest import course_about, shows

REFUSED_YET = {
    "fr": "Vous ne pouvez pas encore écrire à cette personne.",
    "en": "You can't write to this person yet.",
}


def new_url(language, to, about):
    return f"/{language}/messages/new/?to={to.pk}&about={about}"


def write(client, writer, to, about, text="Bonjour, une question sur la leçon 2.", language="fr"):
    client.force_login(writer)
    return client.post(new_url(language, to, about), {"text": text})


def assert_refused(response, language="fr"):
    assert response.status_code == 403
    assert shows(response, REFUSED_YET[language])
    assert Conversation.objects.count() == 0
    assert Message.objects.count() == 0


def assert_started(response, writer, reader):
    assert response.status_code == 302
    conversation = Conversation.objects.get()
    assert response["Location"].startswith(f"/fr/messages/{conversation.pk}/#m")
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        writer.pk,
        reader.pk,
    }
    message = Message.objects.get()
    assert message.sender == writer
    return conversation


def test_enrolled_student_writes_to_her_instructor(client, people):
    response = write(client, people["student"], people["instructor"], course_about(people))
    conversation = assert_started(response, people["student"], people["instructor"])
    assert conversation.context_kind == "course"


def test_instructor_writes_to_her_enrolled_student(client, people):
    response = write(client, people["instructor"], people["student"], course_about(people))
    assert_started(response, people["instructor"], people["student"])


def test_the_form_names_the_person_and_the_course(client, people):
    client.force_login(people["student"])
    response = client.get(new_url("fr", people["instructor"], course_about(people)))
    assert response.status_code == 200
    assert "Écrire à" in response.text and "Teint parfait" in response.text


def test_student_cannot_write_about_a_course_she_is_not_enrolled_in(client, people):
    response = write(
        client, people["student"], people["other_teacher"], f"course:{people['paid'].pk}"
    )
    assert_refused(response)


def test_student_cannot_borrow_her_course_to_write_to_another_instructor(client, people):
    response = write(client, people["student"], people["other_teacher"], course_about(people))
    assert_refused(response)


def test_instructor_cannot_write_to_a_student_of_someone_elses_course(client, people):
    response = write(client, people["other_teacher"], people["student"], course_about(people))
    assert_refused(response)


def test_revoked_enrolment_cannot_write(client, people):
    from enrolment.models import Enrolment

    Enrolment.objects.filter(user=people["student"]).update(status=Enrolment.Status.REVOKED)
    response = write(client, people["student"], people["instructor"], course_about(people))
    assert_refused(response)


def test_any_signed_in_person_writes_to_a_professional_from_her_profile(client, people):
    response = write(
        client, people["stranger"], people["awa"], f"enquiry:{people['professional'].pk}"
    )
    assert_started(response, people["stranger"], people["awa"])


def test_the_professional_answers_the_enquiry_but_cannot_start_one(client, people):
    about = f"enquiry:{people['professional'].pk}"
    assert_refused(write(client, people["awa"], people["stranger"], about))
    write(client, people["stranger"], people["awa"], about)
    conversation = Conversation.objects.get()
    client.force_login(people["awa"])
    answer = client.post(
        f"/fr/messages/{conversation.pk}/send/", {"text": "Oui, je me déplace à Bonamoussadi."}
    )
    assert answer.status_code == 302
    assert Message.objects.filter(sender=people["awa"]).count() == 1


def test_enquiry_about_someone_who_is_not_the_professional_is_refused(client, people):
    response = write(
        client, people["stranger"], people["student"], f"enquiry:{people['professional'].pk}"
    )
    assert_refused(response)


@pytest.mark.parametrize("writer, reader", [("client", "awa"), ("awa", "client")])
def test_the_two_people_of_a_booking_write_to_each_other(client, people, writer, reader):
    response = write(client, people[writer], people[reader], f"booking:{people['booking'].pk}")
    conversation = assert_started(response, people[writer], people[reader])
    assert conversation.context_kind == "booking"


def test_someone_else_cannot_write_about_a_booking(client, people):
    response = write(client, people["other"], people["awa"], f"booking:{people['booking'].pk}")
    assert_refused(response)


def test_moderator_writes_to_anybody_and_the_person_answers(client, people):
    response = write(client, people["moderator"], people["stranger"], "")
    conversation = assert_started(response, people["moderator"], people["stranger"])
    assert conversation.context_kind == ""
    client.force_login(people["stranger"])
    answer = client.post(f"/fr/messages/{conversation.pk}/send/", {"text": "Merci."})
    assert answer.status_code == 302


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_stranger_cannot_write_to_a_student(client, people, language):
    response = write(client, people["stranger"], people["student"], "", language=language)
    assert_refused(response, language)


def test_a_stranger_cannot_start_with_moderators_context_to_a_moderator(client, people):
    assert_refused(write(client, people["stranger"], people["moderator"], ""))


def test_unknown_context_or_forged_ids_are_refused(client, people):
    for about in ("group:1", "course:abc", "course:999999999", "booking:-1", "enquiry:", "x" * 80):
        assert_refused(write(client, people["student"], people["instructor"], about))
    client.force_login(people["student"])
    for query in ("to=abc&about=", "to=99999999&about=", "to=99999999999999999999999&about="):
        response = client.get(f"/fr/messages/new/?{query}")
        assert response.status_code == 403
    assert Conversation.objects.count() == 0


def test_nobody_writes_to_themself(client, people):
    assert_refused(write(client, people["moderator"], people["moderator"], ""))


def test_writing_needs_to_be_signed_in(client, people):
    response = client.get(new_url("fr", people["instructor"], course_about(people)))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_second_start_opens_the_same_conversation(client, people):
    about = course_about(people)
    write(client, people["student"], people["instructor"], about)
    conversation = Conversation.objects.get()
    client.force_login(people["instructor"])
    again = client.get(new_url("fr", people["student"], about))
    assert again.status_code == 302
    assert again["Location"] == f"/fr/messages/{conversation.pk}/"
    assert Conversation.objects.count() == 1
