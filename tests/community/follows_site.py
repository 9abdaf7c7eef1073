"""People to follow and people who follow, built once per module (the fixture
`follow_site` in conftest): an instructor (Aïcha) with a published course in French and
English, a professional in the directory (Grace), two students (Linda reads French,
John English), a stranger and a closed account."""

from demo.loaders import site as home_demo

from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor
from ..directory.builders import build_directory, make_professional


def build_follow_site():
    site = build_site()
    teacher, teacher_page = make_instructor(
        "aicha@example.cm", index=site["instructors"], title="Aïcha Mbarga"
    )
    teacher.first_name, teacher.last_name = "Aïcha", "Mbarga"
    teacher.save()
    teacher_page_en = home_demo.translate_page(teacher_page, site["en"], title="Aïcha Mbarga")
    course = make_course(site["catalogue"], teacher_page, title="Tresses collées", price_xaf=0)
    course_en = home_demo.translate_page(course, site["en"], title="Cornrows", slug="cornrows")
    directory = build_directory()
    grace = make_person("grace@example.cm", first_name="Grace", last_name="Ndem")
    professional = make_professional(directory["index"], "Salon Grace", user=grace)
    site.update(
        teacher=teacher,
        teacher_page=teacher_page,
        teacher_page_en=teacher_page_en,
        course=course,
        course_en=course_en,
        grace=grace,
        professional=professional,
        professional_en=professional.get_translation(site["en"]).specific,
        linda=make_person("linda@example.cm", first_name="Linda", last_name="Tchoua"),
        john=make_person(
            "john@example.cm", first_name="John", last_name="Tabi", preferred_language="en"
        ),
        stranger=make_person("paul@example.cm", first_name="Paul", last_name="Inconnu"),
        closed=make_person(
            "ghost@example.cm", first_name="Fantôme", last_name="Parti", is_active=False
        ),
    )
    return site


def follow(client, person, *, language="fr", next_page=""):
    data = {"next": next_page} if next_page else {}
    return client.post(f"/{language}/following/follow/{person.pk}/", data)


def unfollow(client, person, *, language="fr", next_page=""):
    data = {"next": next_page} if next_page else {}
    return client.post(f"/{language}/following/unfollow/{person.pk}/", data)
