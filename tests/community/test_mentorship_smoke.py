from .mentoring import active_mentorship, mentorship_site, people  # noqa: F401


def test_pages_render(client, people):  # noqa: F811
    m = active_mentorship(people)
    client.force_login(people["founder"])
    for path in ["/fr/mentors/", "/en/mentors/", f"/fr/mentors/{m.offer_id}/", "/fr/mentors/mine/", f"/fr/mentors/mentorships/{m.pk}/"]:
        r = client.get(path)
        assert r.status_code == 200, (path, r.content[:3000])
    client.force_login(people["graduate"])
    for path in ["/fr/mentors/offer/", "/fr/mentors/mine/", f"/fr/mentors/mentorships/{m.pk}/"]:
        r = client.get(path)
        assert r.status_code == 200, (path, r.content[:3000])
