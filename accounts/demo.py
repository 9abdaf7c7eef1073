"""Demo people for `make run`: one per role, all with the same documented password."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .models import INSTRUCTORS_GROUP, MODERATORS_GROUP, User

DEMO_PASSWORD = "demo-beaute-2026"

DEMO_PEOPLE = [
    # (e-mail, first, last, role description, extra fields)
    ("admin@demo.bsa", "Awa", "Admin", "admin", {"is_superuser": True, "is_staff": True}),
    ("moderator@demo.bsa", "Marie", "Nkeng", "moderator", {"is_staff": True}),
    ("instructor@demo.bsa", "Aïcha", "Mbarga", "instructor", {"town": "Douala", "region": "LT"}),
    (
        "instructor2@demo.bsa",
        "Grace",
        "Fon",
        "instructor",
        {"town": "Bamenda", "region": "NW", "preferred_language": "en"},
    ),
    (
        "instructor3@demo.bsa",
        "Estelle",
        "Ngo Bassong",
        "instructor",
        {"town": "Yaoundé", "region": "CE"},
    ),
    ("student@demo.bsa", "Linda", "Tchoua", "student", {"town": "Yaoundé", "region": "CE"}),
    ("client@demo.bsa", "Brice", "Ekane", "client", {"town": "Douala", "region": "LT"}),
]


def load():
    moderators = Group.objects.get(name=MODERATORS_GROUP)
    instructors = Group.objects.get(name=INSTRUCTORS_GROUP)
    for email, first, last, role, extra in DEMO_PEOPLE:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last, **extra}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            if role == "moderator":
                user.groups.add(moderators)
            if role == "instructor":
                user.instructor_status = User.InstructorStatus.APPROVED
                user.groups.add(instructors)
            user.is_student = role == "student"
            user.is_client = role == "client"
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


def logins():
    return [(role, email, DEMO_PASSWORD) for email, _f, _l, role, _e in DEMO_PEOPLE]
