"""The professional's dashboard (/directory/me/stats/): its numbers equal raw counts over
the fixture data, who may see it (role by role, CSV included), private notes, price
guidance, and the page's weight and query count."""

import csv
import io
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from analytics import professional_rollups
from analytics.models import Event, ProfessionalDay
from analytics.rollups import day_bounds
from booking.models import Booking
from directory.models import ClientNote

from ..conftest import MODERATORS_GROUP, make_person
from ..query_counts import counted_queries

pytestmark = pytest.mark.django_db
K = Event.Kind
MINE = "/fr/directory/me/stats/"


def log_in(user):
    client = Client()
    client.force_login(user)
    return client


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def raw(kind, professional, since):
    """Occurrences of that kind about her since the first day of the period (Douala): the
    sum of the events' weights."""
    return Event.objects.filter(
        kind=kind, props__professional=professional.pk, occurred_at__gte=day_bounds(since)[0]
    ).aggregate(occurrences=Sum("times", default=0))["occurrences"]


def test_the_funnel_equals_the_raw_events_of_the_period(pro_site):
    professional = pro_site["professional"]
    response = log_in(pro_site["awa"]).get(MINE + "export/funnel.csv?days=30")
    rows = csv_rows(response)
    since = timezone.localdate() - timedelta(days=29)
    kinds = (K.PROFILE_VIEW, K.CONTACT_REVEAL, K.ENQUIRY, K.BOOKING_CONFIRMED, K.BOOKING_COMPLETED)
    assert [int(row[1]) for row in rows[1:]] == [raw(k, professional, since) for k in kinds]
    assert [int(row[1]) for row in rows[1:]] == [15, 6, 4, 2, 2]
    # The view 40 days ago counts over 90 days, not 30.
    rows_90 = csv_rows(log_in(pro_site["awa"]).get(MINE + "export/funnel.csv?days=90"))
    assert int(rows_90[1][1]) == 19


def test_weeks_add_up_to_the_funnel_and_start_on_mondays(pro_site):
    rows = csv_rows(log_in(pro_site["awa"]).get(MINE + "export/weeks.csv?days=30"))
    assert rows[0][0] == "Semaine du"
    weeks = rows[1:]
    assert all(timezone.datetime.fromisoformat(row[0]).weekday() == 0 for row in weeks)
    assert sum(int(row[1]) for row in weeks) == 15
    assert sum(int(row[4]) for row in weeks) == 2


def test_clients_history_returning_share_and_no_shows_equal_the_bookings(pro_site):
    awa = pro_site["awa"]
    response = log_in(awa).get("/en/directory/me/stats/")
    assert response.status_code == 200
    summary = response.context["clients"]
    bookings = Booking.objects.filter(professional=pro_site["professional"])
    completed = bookings.filter(status=Booking.Status.COMPLETED)
    assert summary["clients"] == completed.values("client").distinct().count() == 1
    assert summary["returning"] == 1
    assert summary["no_shows"] == bookings.filter(status=Booking.Status.NO_SHOW).count() == 1
    rows = {row[0]: row for row in csv_rows(log_in(awa).get(MINE + "export/clients.csv"))[1:]}
    nadia = rows["Nadia Mbarga"]
    assert nadia[1] == "2"  # visits
    assert nadia[2] == "Tresses"
    assert int(nadia[3]) == sum(completed.values_list("price_xaf", flat=True)) == 20000
    assert nadia[6] == "1"  # the appointment to come
    assert rows["Grace Person"][5] == "1"  # no-show


@pytest.mark.parametrize(("language", "spent"), [("fr", "20\u00a0000"), ("en", "20,000")])
def test_amounts_on_the_page_are_grouped_the_languages_way(pro_site, language, spent):
    page = log_in(pro_site["awa"]).get(f"/{language}/directory/me/stats/").content.decode()

    nadia = page[page.index("Nadia Mbarga") :].split("</tr>")[0]
    assert f"<td>{spent}</td>" in nadia


def test_earnings_and_deposits_follow_the_bookings_and_the_ledger(pro_site):
    awa = pro_site["awa"]
    earnings = csv_rows(log_in(awa).get(MINE + "export/earnings.csv?days=30"))[1:]
    assert sum(int(row[1]) for row in earnings) == 2
    assert sum(int(row[2]) for row in earnings) == 20000
    assert sum(int(row[3]) for row in earnings) == 4000
    assert sum(int(row[4]) for row in earnings) == 16000
    deposits = csv_rows(log_in(awa).get(MINE + "export/deposits.csv?days=30"))[1:]
    # Four deposits paid (two visits, one to come, one no-show), 2000 FCFA each.
    assert sum(int(row[2]) for row in deposits) == 4
    assert sum(int(row[3]) for row in deposits) == 8000


def test_price_guidance_shows_quartiles_from_five_professionals_in_her_town(pro_site):
    rows = csv_rows(log_in(pro_site["awa"]).get("/en" + MINE[3:] + "export/prices.csv"))[1:]
    braiding = next(row for row in rows if row[0] == "Tresses (en)")
    # Douala: 8000, 9000, hers 10000, 12000, 15000 (Yaoundé's 1000 not counted).
    assert braiding[2:] == ["10000", "9000", "10000", "12000"]
    nails = next(row for row in rows if row[0] == "Nails")
    assert nails[3].startswith("Not enough data")
    assert nails[4:] == ["", ""]


def test_price_guidance_says_not_enough_data_with_four_professionals(pro_site):
    from directory.models import Service

    Service.objects.filter(professional__title="Tresseuse 3").update(is_active=False)
    rows = csv_rows(log_in(pro_site["awa"]).get("/en" + MINE[3:] + "export/prices.csv"))[1:]
    braiding = next(row for row in rows if row[0] == "Tresses (en)")
    assert braiding[3].startswith("Not enough data")
    assert not {"8000", "9000", "12000"} & set(braiding)


def test_charts_are_valid_svg_and_the_page_is_light_and_bounded(pro_site):
    client = log_in(pro_site["awa"])
    client.get(MINE)
    with counted_queries() as queries:
        response = client.get(MINE + "?days=90")
    assert response.status_code == 200
    assert len(queries) <= 15, "\n".join(q[:150] for q in queries)
    html = response.content.decode()
    assert len(response.content) <= 80 * 1024
    charts = html.split('<svg class="chart"')[1:]
    assert len(charts) == 2  # the funnel and the weeks
    for chart in charts:
        svg = '<svg class="chart"' + chart[: chart.index("</svg>") + 6]
        assert len(svg.encode()) <= 8 * 1024
        ET.fromstring(svg)  # noqa: S314 (our own page)


def test_the_rollup_rerun_changes_nothing(pro_site):
    today = timezone.localdate()
    before = list(ProfessionalDay.objects.order_by("professional_id", "day").values())
    professional_rollups.roll_up(today)
    professional_rollups.roll_up(today - timedelta(days=9))
    after = list(ProfessionalDay.objects.order_by("professional_id", "day").values())
    strip = [{k: v for k, v in row.items() if k != "id"} for row in before]
    assert strip == [{k: v for k, v in row.items() if k != "id"} for row in after]


# --- Who may see what --------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in_also_for_csv(pro_site):
    for url in (
        MINE,
        MINE + "export/clients.csv",
        f"/fr/directory/stats/{pro_site['professional'].pk}/",
    ):
        response = Client().get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_another_professional_sees_only_her_own_and_gets_404_on_hers(pro_site):
    other = make_person("rivale@example.cm")
    from ..directory.builders import make_professional

    make_professional(pro_site["index"], "Rivale", user=other, translate=False)
    client = log_in(other)
    mine = client.get(MINE + "export/clients.csv")
    assert mine.status_code == 200
    assert csv_rows(mine)[1:] == []
    page_id = pro_site["professional"].pk
    assert client.get(f"/fr/directory/stats/{page_id}/").status_code == 404
    assert client.get(f"/fr/directory/stats/{page_id}/export/clients.csv").status_code == 404
    nadia = pro_site["client"]
    assert client.get(f"/fr/directory/me/clients/{nadia.pk}/note/").status_code == 404


def test_a_client_or_a_student_without_a_profile_gets_404(pro_site):
    client = log_in(pro_site["client"])
    assert client.get(MINE).status_code == 404
    assert client.get(MINE + "export/funnel.csv").status_code == 404


def test_a_moderator_sees_any_professional_without_her_private_notes(pro_site):
    ClientNote.objects.create(
        professional=pro_site["professional"], client=pro_site["client"], text="Allergique au gel"
    )
    moderator = make_person("mod@example.cm", groups=[MODERATORS_GROUP])
    client = log_in(moderator)
    page_id = pro_site["professional"].pk
    response = client.get(f"/fr/directory/stats/{page_id}/")
    assert response.status_code == 200
    assert "Allergique" not in response.content.decode()
    rows = csv_rows(client.get(f"/fr/directory/stats/{page_id}/export/funnel.csv"))
    assert int(rows[1][1]) == 15
    clients = csv_rows(client.get(f"/fr/directory/stats/{page_id}/export/clients.csv"))
    assert len(clients[0]) == 7 and "Allergique" not in str(clients)
    assert client.get(MINE).status_code == 404  # she has no profile of her own
    assert client.get(f"/fr/directory/stats/{page_id}/export/nothing.csv").status_code == 404


# --- Private notes -----------------------------------------------------------------


def test_she_keeps_a_private_note_the_client_never_sees(pro_site):
    awa, nadia = pro_site["awa"], pro_site["client"]
    url = f"/fr/directory/me/clients/{nadia.pk}/note/"
    response = log_in(awa).post(url, {"text": "Préfère les tresses fines"})
    assert response.status_code == 302
    assert ClientNote.objects.get(client=nadia).text == "Préfère les tresses fines"
    rows = csv_rows(log_in(awa).get(MINE + "export/clients.csv"))
    assert "Préfère les tresses fines" in rows[1]
    as_client = log_in(nadia)
    assert as_client.get(url).status_code == 404
    booking = Booking.objects.filter(client=nadia).first()
    page = as_client.get(f"/fr/bookings/{booking.reference}/")
    assert "tresses fines" not in page.content.decode()


def test_a_note_too_long_or_about_a_stranger_is_refused_and_changes_nothing(pro_site):
    awa, nadia = pro_site["awa"], pro_site["client"]
    url = f"/en/directory/me/clients/{nadia.pk}/note/"
    response = log_in(awa).post(url, {"text": "x" * 2001})
    assert response.status_code == 200
    assert "at most 2000 characters" in response.content.decode()
    stranger = make_person("stranger@example.cm")
    response = log_in(awa).post(f"/en/directory/me/clients/{stranger.pk}/note/", {"text": "hi"})
    assert response.status_code == 404
    assert not ClientNote.objects.exists()


def test_an_empty_note_clears_it(pro_site):
    awa, nadia = pro_site["awa"], pro_site["client"]
    ClientNote.objects.create(professional=pro_site["professional"], client=nadia, text="old")
    log_in(awa).post(f"/fr/directory/me/clients/{nadia.pk}/note/", {"text": "  "})
    assert not ClientNote.objects.exists()


def test_her_profile_page_links_to_the_dashboard(pro_site):
    response = log_in(pro_site["awa"]).get("/fr/directory/me/")
    assert MINE in response.content.decode()
