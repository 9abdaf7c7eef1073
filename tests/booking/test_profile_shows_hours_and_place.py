"""A professional's public page says where she works and when she is open."""

from booking.models import WeeklyHours


def test_the_profile_shows_opening_hours_and_the_neighbourhood(client, booking_site):
    WeeklyHours.objects.filter(schedule=booking_site["schedule"], weekday=6).delete()
    url = booking_site["professional"].url
    page = client.get(url).text
    assert "Quartier desservi\u00a0: Akwa" in page
    assert "Heures d'ouverture" in page
    assert (
        '<th scope="row">Lundi</th><td>08:00&#8288;–&#8288;12:00, 13:00&#8288;–&#8288;18:00</td>'
        in page
    )
    assert '<th scope="row">Dimanche</th><td>Fermé</td>' in page


def test_the_english_profile_shows_them_too(client, booking_site):
    english = booking_site["professional"].get_translations().get(locale__language_code="en")
    page = client.get(english.url).text
    assert "Neighbourhood served: Akwa" in page
    assert (
        '<th scope="row">Monday</th><td>08:00&#8288;–&#8288;12:00, 13:00&#8288;–&#8288;18:00</td>'
        in page
    )
