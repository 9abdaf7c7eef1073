"""A report reaches the moderators' queue in the Wagtail admin; the moderator reads the
message among its neighbours and hides it: everybody then sees "hidden"."""

from messaging import services
from messaging.models import Message, Report

from .conftest import course_about, photo_upload, shows, start


def conversation_with_a_bad_message(people):
    chat = start(people, people["student"], people["instructor"], course_about(people))
    services.send_text(user=people["student"], conversation=chat, text="Bonjour madame")
    bad = services.send_text(user=people["instructor"], conversation=chat, text="Achète mes crèmes")
    services.send_text(user=people["student"], conversation=chat, text="Non merci")
    return chat, bad


def test_report_then_moderator_hides_then_everybody_sees_hidden(client, people):
    chat, bad = conversation_with_a_bad_message(people)
    client.force_login(people["student"])
    form = client.get(f"/fr/messages/message/{bad.pk}/report/")
    assert "Achète mes crèmes" in form.text
    sent = client.post(f"/fr/messages/message/{bad.pk}/report/", {"reason": "Publicité"})
    assert sent["Location"] == f"/fr/messages/{chat.pk}/"
    report = Report.objects.get()
    assert report.reporter == people["student"] and report.outcome == ""

    client.force_login(people["moderator"])
    queue = client.get("/admin/message-reports/")
    assert queue.status_code == 200 and "Achète mes crèmes" in queue.text
    detail = client.get(f"/admin/message-reports/{report.pk}/")
    assert detail.status_code == 200
    for neighbour in ("Bonjour madame", "Achète mes crèmes", "Non merci"):
        assert neighbour in detail.text
    client.post(f"/admin/message-reports/{report.pk}/", {"decision": "hide"})

    report.refresh_from_db()
    bad.refresh_from_db()
    assert report.outcome == "hidden" and report.handled_by == people["moderator"]
    assert report.handled_at is not None and bad.hidden_by == people["moderator"]
    for person, language, note in (
        (people["student"], "fr", "Message masqué par la modération"),
        (people["instructor"], "en", "Message hidden by a moderator"),
    ):
        client.force_login(person)
        page = client.get(f"/{language}/messages/{chat.pk}/")
        assert note in page.text
        assert "Achète mes crèmes" not in page.text
        assert note in client.get(f"/{language}/messages/").text or "Non merci" in page.text


def test_the_moderator_dismisses_a_report_and_the_message_stays(client, people):
    chat, bad = conversation_with_a_bad_message(people)
    report = services.report(user=people["student"], message=bad, reason="")
    client.force_login(people["moderator"])
    client.post(f"/admin/message-reports/{report.pk}/", {"decision": "dismiss"})
    report.refresh_from_db()
    assert report.outcome == "dismissed" and report.handled_by == people["moderator"]
    assert Message.objects.get(pk=bad.pk).hidden_at is None


def test_reporting_twice_or_ones_own_message_is_refused_clearly(client, people):
    chat, bad = conversation_with_a_bad_message(people)
    client.force_login(people["student"])
    client.post(f"/fr/messages/message/{bad.pk}/report/", {"reason": ""})
    again = client.post(f"/fr/messages/message/{bad.pk}/report/", {"reason": ""})
    assert again.status_code == 400
    assert shows(again, "Vous avez déjà signalé ce message.")
    client.force_login(people["instructor"])
    own = client.post(f"/en/messages/message/{bad.pk}/report/", {"reason": ""})
    assert own.status_code == 400 and shows(own, "You can't report your own message.")
    assert Report.objects.count() == 1


def test_people_who_are_not_moderators_cannot_open_the_queue(client, people):
    chat, bad = conversation_with_a_bad_message(people)
    report = services.report(user=people["student"], message=bad)
    client.force_login(people["student"])
    assert client.get("/admin/message-reports/").status_code in (302, 403)
    assert client.post(
        f"/admin/message-reports/{report.pk}/", {"decision": "hide"}
    ).status_code in (
        302,
        403,
    )
    assert Message.objects.get(pk=bad.pk).hidden_at is None


def test_a_reported_photo_opens_for_the_moderator_and_a_hidden_one_for_nobody_else(client, people):
    chat = start(people, people["student"], people["instructor"], course_about(people))
    photo = services.send_photo(user=people["instructor"], conversation=chat, upload=photo_upload())
    url = f"/fr/messages/message/{photo.pk}/file/"
    client.force_login(people["moderator"])
    assert client.get(url).status_code == 404  # nobody reported it: not his to read
    report = services.report(user=people["student"], message=photo)
    assert client.get(url).status_code == 200
    services.hide(moderator=people["moderator"], report=report)
    assert client.get(url).status_code == 200
    client.force_login(people["student"])
    assert client.get(url).status_code == 404
