"""Recommendations from the outside: the nightly co-enrolment build, "students who took
this course also took …" on the course page (the same for every anonymous reader, made
stale when the build changes it), and "recommended for you" on My learning, each with
its reason, never a course already taken, in French and English."""

import pytest
from django.test import Client

from core.cache_tags import current_versions
from course_pages.models import CourseCategory, CurriculumIndexPage, CurriculumPage
from demo.pages import translate_page
from enrolment import services, tasks
from enrolment.models import CoEnrolment, Enrolment
from enrolment.recommendations import also_taken_tag, rebuild_co_enrolments

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..query_counts import warm_queries
from ..shared_build import built_once_per_module

pytestmark = pytest.mark.django_db

ALSO_TOOK_FR = "Les élèves qui ont suivi cette formation ont aussi suivi"
ALSO_TOOK_EN = "Students who took this course also took"


def build_recommendation_site():
    site = build_site()
    _user, teacher = make_instructor("awa@example.cm", index=site["instructors"], title="Awa")
    hair = CourseCategory.objects.create(
        locale=site["fr"], name="Coiffure", slug="coiffure", sort_order=2
    )
    courses = {}
    for slug, title in [
        ("teint", "Teint parfait"),
        ("yeux", "Regard intense"),
        ("levres", "Lèvres nettes"),
        ("mariee", "Mariée lumineuse"),
        ("contouring", "Contouring"),
    ]:
        courses[slug] = make_course(site["catalogue"], teacher, title=title, slug=slug)
        make_lesson(courses[slug], title="Leçon", slug="lecon")
    courses["tresses"] = make_course(
        site["catalogue"], teacher, title="Tresses", slug="tresses", category=hair
    )
    translate_page(courses["teint"], site["en"], title="Flawless skin", slug="flawless-skin")
    translate_page(courses["yeux"], site["en"], title="Striking eyes", slug="striking-eyes")
    translate_page(courses["mariee"], site["en"], title="Radiant bride", slug="radiant-bride")
    paths = site["home"].add_child(instance=CurriculumIndexPage(title="Parcours", slug="parcours"))
    translate_page(paths, site["en"], title="Paths", slug="paths")
    path = paths.add_child(
        instance=CurriculumPage(
            title="Maquilleuse pro",
            slug="maquilleuse-pro",
            courses=[("course", courses[s]) for s in ("teint", "mariee", "contouring")],
        )
    )
    translate_page(path, site["en"], title="Pro make-up artist", slug="pro-make-up-artist")
    # An instructor who teaches in two towns (typed by hand), with one course like the
    # make-up ones and one of another category.
    _user, nearby = make_instructor(
        "binta@example.cm", index=site["instructors"], title="Binta", towns="Douala, Yaoundé"
    )
    courses["ongles"] = make_course(site["catalogue"], nearby, title="Ongles en gel", slug="ongles")
    translate_page(courses["ongles"], site["en"], title="Gel nails", slug="gel-nails")
    courses["nattes"] = make_course(
        site["catalogue"], nearby, title="Nattes africaines", slug="nattes", category=hair
    )
    site.update(courses=courses)
    return site


recommendation_site = built_once_per_module(build_recommendation_site, "recommendation_site")


def _students(count, *courses, prefix="eleve"):
    people = []
    for number in range(count):
        person = make_person(f"{prefix}{number}@example.cm", is_student=True)
        for course in courses:
            services.enrol(user=person, course=course)
        people.append(person)
    return people


def _pairs():
    return set(CoEnrolment.objects.values_list("course__slug", "other__slug", "shared_students"))


def test_nightly_build_keeps_pairs_shared_by_at_least_three_students(recommendation_site):
    c = recommendation_site["courses"]
    _students(3, c["teint"], c["yeux"], prefix="a")
    _students(2, c["teint"], c["levres"], prefix="b")

    assert tasks.rebuild_co_enrolments() == 2

    assert _pairs() == {("teint", "yeux", 3), ("yeux", "teint", 3)}


def test_revoked_enrolments_do_not_count_and_old_pairs_are_replaced(recommendation_site):
    c = recommendation_site["courses"]
    people = _students(3, c["teint"], c["yeux"])
    rebuild_co_enrolments()
    Enrolment.objects.filter(user=people[0], course=c["yeux"]).update(
        status=Enrolment.Status.REVOKED
    )

    assert rebuild_co_enrolments() == 0

    assert _pairs() == set()


def test_a_build_that_changes_nothing_leaves_cached_pages_alone(recommendation_site):
    c = recommendation_site["courses"]
    _students(3, c["teint"], c["yeux"])
    rebuild_co_enrolments()
    tags = [also_taken_tag(c["teint"].pk), also_taken_tag(c["levres"].pk)]
    before = current_versions(tags)

    rebuild_co_enrolments()

    assert current_versions(tags) == before


@pytest.mark.parametrize(
    ("language", "course_url", "heading", "other_title"),
    [
        ("fr", "/fr/formations/teint/", ALSO_TOOK_FR, "Regard intense"),
        ("en", "/en/courses/flawless-skin/", ALSO_TOOK_EN, "Striking eyes"),
    ],
)
def test_course_page_shows_what_its_students_also_took(
    recommendation_site, language, course_url, heading, other_title
):
    c = recommendation_site["courses"]
    _students(4, c["teint"], c["yeux"], prefix="a")
    _students(3, c["teint"], c["mariee"], prefix="b")
    _students(2, c["teint"], c["levres"], prefix="c")
    rebuild_co_enrolments()

    html = Client().get(course_url).content.decode()

    assert heading in html
    block = html.split(heading, 1)[1].split("</section>", 1)[0]
    assert other_title in block
    assert block.index(other_title) < block.index(
        "Mariée lumineuse" if language == "fr" else "Radiant bride"
    )
    assert "Lèvres nettes" not in block


def test_course_page_shows_at_most_three_courses(recommendation_site):
    c = recommendation_site["courses"]
    _students(3, c["teint"], c["yeux"], c["levres"], c["mariee"], c["contouring"])
    rebuild_co_enrolments()

    html = Client().get("/fr/formations/teint/").content.decode()

    block = html.split(ALSO_TOOK_FR, 1)[1].split("</section>", 1)[0]
    assert block.count("<li>") == 3


def test_signed_in_reader_never_sees_a_course_she_took(recommendation_site):
    c = recommendation_site["courses"]
    students = _students(3, c["teint"], c["yeux"], c["mariee"])
    rebuild_co_enrolments()
    client = Client()
    client.force_login(students[0])

    html = client.get("/fr/formations/yeux/").content.decode()

    # She took both courses the others also took: nothing is left to suggest.
    assert ALSO_TOOK_FR not in html
    newcomer = make_person("nouvelle@example.cm", is_student=True)
    services.enrol(user=newcomer, course=c["mariee"])
    client.force_login(newcomer)
    block = client.get("/fr/formations/yeux/").content.decode().split(ALSO_TOOK_FR, 1)[1]
    assert "Teint parfait" in block.split("</section>", 1)[0]
    assert "Mariée lumineuse" not in block.split("</section>", 1)[0]


def test_anonymous_cached_course_page_changes_when_the_nightly_build_does(recommendation_site):
    c = recommendation_site["courses"]
    client = Client()
    client.get("/fr/formations/teint/")
    cached = client.get("/fr/formations/teint/")
    assert cached["X-Page-Cache"] == "hit"
    assert ALSO_TOOK_FR not in cached.content.decode()
    _students(3, c["teint"], c["yeux"])

    assert client.get("/fr/formations/teint/")["X-Page-Cache"] == "hit"
    rebuild_co_enrolments()
    fresh = client.get("/fr/formations/teint/")

    assert fresh["X-Page-Cache"] != "hit"
    assert "Regard intense" in fresh.content.decode().split(ALSO_TOOK_FR, 1)[1]


def test_course_page_costs_the_same_with_recommendations_shown(recommendation_site):
    c = recommendation_site["courses"]
    client = Client()
    none_shown = warm_queries(client, "/fr/formations/teint/")
    _students(3, c["teint"], c["yeux"], c["levres"], c["mariee"])
    rebuild_co_enrolments()

    assert warm_queries(client, "/fr/formations/teint/") == none_shown


def _recommended(client, url):
    html = client.get(url).content.decode()
    heading = "Recommandé pour vous" if url.startswith("/fr/") else "Recommended for you"
    assert heading in html
    return html.split(heading, 1)[1].split("</ul>", 1)[0]


@pytest.mark.parametrize(
    ("url", "next_course", "path_reason", "like_reason"),
    [
        (
            "/fr/learn/",
            "Mariée lumineuse",
            "Suite de votre parcours « Maquilleuse pro »",
            "Parce que vous avez terminé « Regard intense »",
        ),
        (
            "/en/learn/",
            "Radiant bride",
            "Next in your learning path “Pro make-up artist”",
            "Because you finished “Striking eyes”",
        ),
    ],
)
def test_my_learning_recommends_the_next_course_of_her_path_first_then_like_finished(
    recommendation_site, url, next_course, path_reason, like_reason
):
    c = recommendation_site["courses"]
    student = make_person("linda@example.cm", is_student=True)
    services.enrol(user=student, course=c["teint"])
    services.enrol(user=student, course=c["yeux"])
    services.mark_complete(user=student, lesson=c["yeux"].get_children().first().specific)
    assert Enrolment.objects.get(user=student, course=c["yeux"]).status == "completed"
    client = Client()
    client.force_login(student)

    block = _recommended(client, url)

    assert block.index(next_course) < block.index(path_reason) < block.index("Lèvres nettes")
    assert like_reason in block
    # Taken courses and courses of another category are never recommended.
    assert "Teint parfait" not in block and "Flawless skin" not in block
    assert "Regard intense" not in block.replace(like_reason, "")
    assert "Tresses" not in block
    # Without a town in her profile, where a course is taught says nothing.
    assert "Nattes africaines" not in block


def test_my_learning_recommends_nothing_to_a_newcomer(recommendation_site):
    client = Client()
    client.force_login(make_person("vide@example.cm", is_student=True))

    html = client.get("/fr/learn/").content.decode()

    assert "Recommandé pour vous" not in html


NEAR_FR = "Enseignée près de chez vous, à"
NEAR_EN = "Taught near you in"


@pytest.mark.parametrize(
    ("url", "near", "gel_nails"),
    [("/fr/learn/", NEAR_FR, "Ongles en gel"), ("/en/learn/", NEAR_EN, "Gel nails")],
)
def test_a_newcomer_is_recommended_the_courses_taught_in_her_town(
    recommendation_site, url, near, gel_nails
):
    client = Client()
    client.force_login(make_person("nadia@example.cm", is_student=True, town="Douala"))

    block = _recommended(client, url)

    assert f'{gel_nails}</a> <span class="small">— {near} Douala</span>' in block
    assert f'Nattes africaines</a> <span class="small">— {near} Douala</span>' in block
    # Awa gives no town: her courses are taught nowhere near as far as anyone knows.
    assert "Teint parfait" not in block and "Flawless skin" not in block


@pytest.mark.parametrize(
    ("url", "like_reason", "near"),
    [
        ("/fr/learn/", "Parce que vous avez terminé « Regard intense »", NEAR_FR),
        ("/en/learn/", "Because you finished “Striking eyes”", NEAR_EN),
    ],
)
def test_a_course_taught_in_her_town_ranks_above_the_others_and_says_both_reasons(
    recommendation_site, url, like_reason, near
):
    c = recommendation_site["courses"]
    # Typed in capitals and without the accent: "Yaoundé" all the same.
    student = make_person("carine@example.cm", is_student=True, town=" YAOUNDE ")
    services.enrol(user=student, course=c["yeux"])
    services.mark_complete(user=student, lesson=c["yeux"].get_children().first().specific)
    client = Client()
    client.force_login(student)

    block = _recommended(client, url)

    gel_nails = block.index("Ongles en gel" if url.startswith("/fr/") else "Gel nails")
    # Like a finished course AND taught nearby, then like-finished only, then nearby only.
    assert gel_nails < block.index("Lèvres nettes") < block.index("Nattes africaines")
    assert f"{like_reason} · {near} Yaoundé" in block[gel_nails:]
    lips = block.split("Lèvres nettes", 1)[1].split("</li>", 1)[0]
    assert near not in lips


def test_another_town_or_a_course_she_took_is_never_recommended_as_near(recommendation_site):
    c = recommendation_site["courses"]
    elsewhere = make_person("bafoussam@example.cm", is_student=True, town="Bafoussam")
    client = Client()
    client.force_login(elsewhere)
    assert "Recommandé pour vous" not in client.get("/fr/learn/").content.decode()
    douala = make_person("douala@example.cm", is_student=True, town="douala")
    services.enrol(user=douala, course=c["nattes"])
    client.force_login(douala)

    block = _recommended(client, "/fr/learn/")

    assert "Ongles en gel" in block
    assert "Nattes africaines" not in block


def _progress_values(html):
    return [part.split('"', 1)[0] for part in html.split('<progress max="100" value="')[1:]]


def test_each_student_sees_her_own_progress_and_recommendations_however_often_she_looks(
    recommendation_site,
):
    """What My learning keeps is shared by everyone (the candidates, the site); what is
    hers (progress, finished courses, taken ones) is read for her on every view."""
    c = recommendation_site["courses"]
    finished = make_person("awa.finie@example.cm", is_student=True)
    services.enrol(user=finished, course=c["yeux"])
    services.mark_complete(user=finished, lesson=c["yeux"].get_children().first().specific)
    starting = make_person("binta.debut@example.cm", is_student=True)
    services.enrol(user=starting, course=c["teint"])
    mine, hers = Client(), Client()
    mine.force_login(finished)
    hers.force_login(starting)

    for _ in range(2):  # the second time, from what the first view kept
        finished_html = mine.get("/fr/learn/").content.decode()
        starting_html = hers.get("/fr/learn/").content.decode()

        assert _progress_values(finished_html) == ["100"]
        assert _progress_values(starting_html) == ["0"]
        assert "Regard intense" in finished_html and "Regard intense" not in starting_html
        assert "Parce que vous avez terminé « Regard intense »" in finished_html
        # Hers: the next course of the path she started, never the other one's reasons.
        block = _recommended(hers, "/fr/learn/")
        assert "Mariée lumineuse" in block and "Parce que vous avez terminé" not in block
        assert "Teint parfait" not in block

    services.mark_complete(user=starting, lesson=c["teint"].get_children().first().specific)

    assert _progress_values(hers.get("/fr/learn/").content.decode()) == ["100"]
    assert _progress_values(mine.get("/fr/learn/").content.decode()) == ["100"]


def test_a_course_published_or_unpublished_after_a_view_changes_her_recommendations_at_once(
    recommendation_site,
):
    c = recommendation_site["courses"]
    student = make_person("kept@example.cm", is_student=True)
    services.enrol(user=student, course=c["yeux"])
    services.mark_complete(user=student, lesson=c["yeux"].get_children().first().specific)
    client = Client()
    client.force_login(student)
    assert "Lèvres nettes" in _recommended(client, "/fr/learn/")

    new = make_course(
        recommendation_site["catalogue"], c["yeux"].instructor, title="Sourcils", slug="sourcils"
    )
    c["levres"].unpublish()

    block = _recommended(client, "/fr/learn/")
    assert "Sourcils" in block
    assert "Lèvres nettes" not in block
    new.unpublish()
    assert "Sourcils" not in _recommended(client, "/fr/learn/")
