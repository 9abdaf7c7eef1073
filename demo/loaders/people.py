"""Demo people for `make run`: one per role, all with the same documented password
(demo/content/people.yaml)."""

from functools import cache

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from accounts.models import INSTRUCTORS_GROUP, MODERATORS_GROUP, User
from demo.content import read

DEMO_PASSWORD = read("people")["password"]


@cache
def demo_password_hash():
    """The demo password, hashed once: every demo account shares this published password,
    and hashing it again for each of the ~50 accounts took 22 s of load_demo with the
    production hasher (PBKDF2)."""
    return make_password(DEMO_PASSWORD)


def load():
    moderators = Group.objects.get(name=MODERATORS_GROUP)
    instructors = Group.objects.get(name=INSTRUCTORS_GROUP)
    for person in read("people")["people"]:
        email, role = person["email"], person["role"]
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": person["first_name"],
                "last_name": person["last_name"],
                **person.get("fields", {}),
            },
        )
        if created:
            user.password = demo_password_hash()
            if role == "moderator":
                user.groups.add(moderators)
            if role == "instructor":
                user.instructor_status = User.InstructorStatus.APPROVED
                user.groups.add(instructors)
            user.is_student = role == "student"
            user.is_client = role == "client"
            user.save()
        verified_email(user)


def verified_email(user):
    """Demo people log in at once: their e-mail address counts as confirmed."""
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def logins():
    """(role, e-mail, password) of each demo person, as load_demo prints them."""
    return [(p["role"], p["email"], DEMO_PASSWORD) for p in read("people")["people"]]
