"""Support panel fixtures: a site with courses and a professional who takes bookings,
a student-client with a history in every app, and people in each role."""

from booking.models import Schedule
from certificates import services as certificate_services
from community import reports as community_reports
from community.models import Group
from course_pages.models import CourseCategory
from enrolment.models import Enrolment
from messaging.models import Conversation, Message, Report

from ..booking.conftest import add_service, confirmed_booking, free_slot, open_every_day
from ..checkout.conftest import buy_course
from ..conftest import make_person
from ..course_pages.builders import build_site, make_course, make_instructor, make_lesson
from ..directory.builders import build_directory, make_professional
from ..shared_build import built_once_per_module

COURSES = 4


def build_support_site():
    """Four paid courses by Awa (one required lesson each), Grace's braiding salon open
    every day, Nadia (student and client, with a phone) and Paul, who reports her."""
    site = build_site()
    directory = build_directory()
    awa, awa_page = make_instructor(
        "awa.tresses@example.cm", index=site["instructors"], title="Awa"
    )
    courses = []
    for index in range(COURSES):
        course = make_course(
            site["catalogue"],
            awa_page,
            title=f"Tresses niveau {index + 1}",
            slug=f"tresses-{index + 1}",
            price_xaf=5000,
        )
        make_lesson(course, title="Les bases", slug="bases", body=[("paragraph", "<p>Base</p>")])
        courses.append(course)
    grace = make_person("grace.salon@example.cm", first_name="Grace", last_name="Ewane")
    professional = make_professional(directory["index"], "Grace Coiffure", user=grace)
    schedule = Schedule.objects.create(professional=professional, buffer_minutes=15)
    open_every_day(schedule)
    nadia = make_person(
        "nadia.eleve@example.cm",
        first_name="Nadia",
        last_name="Mbarga",
        is_student=True,
        is_client=True,
        phone="+237677334455",
    )
    paul = make_person("paul.membre@example.cm", first_name="Paul", last_name="Kamga")
    return {
        **site,
        "awa": awa,
        "courses": courses,
        "professional": professional,
        "service": add_service(professional),
        "nadia": nadia,
        "paul": paul,
    }


support_site = built_once_per_module(build_support_site, "support_site")


def give_history(site, person, count, capture, *, start=0):
    """`count` of everything (from course number `start`): paid courses, certificates,
    bookings with a paid deposit, messages sent and reported, study groups reported.
    Returns the orders."""
    orders = []
    with capture(execute=True):
        for index in range(start, start + count):
            order = buy_course(person, site["courses"][index])
            orders.append(order)
            enrolment = Enrolment.objects.get(user=person, course=site["courses"][index])
            Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.COMPLETED)
            certificate_services.issue_for_enrolment(enrolment_id=enrolment.pk)
            confirmed_booking(
                {"service": site["service"], "client": person},
                slot=free_slot(site["service"], index * 2),
            )
            conversation = Conversation.objects.create(
                started_by=person, context_kind="enquiry", context_id=str(index)
            )
            message = Message.objects.create(
                conversation=conversation, sender=person, text=f"Message {index}"
            )
            Report.objects.create(message=message, reporter=site["paul"], reason="Insultes")
            group = Group.objects.create(
                name=f"Groupe {index}",
                description="Entraide",
                language="fr",
                speciality=CourseCategory.objects.filter(locale__language_code="fr").first(),
                owner=person,
            )
            community_reports.report(
                user=site["paul"], kind="group", object_id=group.pk, reason="spam", note="Pub"
            )
    return orders
