"""Messaging context "mentorship": the mentor and the beginner of a mentorship under way
write to each other about it (the id is the mentorship's). Moderators read reported
messages through messaging's own rules, like in every conversation."""

from django.db.models import Q
from django.utils.translation import gettext as _

from messaging import contexts

from ..models import Mentorship
from ..selectors import speciality_names


def may_write(user, object_id, other):
    mentorship_id = contexts.object_pk(object_id)
    if mentorship_id is None or user.pk == other.pk:
        return False
    return Mentorship.objects.filter(
        Q(mentor=user, mentee=other) | Q(mentor=other, mentee=user),
        pk=mentorship_id,
        status=Mentorship.Status.ACTIVE,
    ).exists()


def _mentorship(object_id):
    mentorship = (
        Mentorship.objects.select_related("offer")
        .filter(pk=contexts.object_pk(object_id) or 0)
        .first()
    )
    if mentorship is None:
        raise LookupError(object_id)
    return mentorship


def title(object_id):
    mentorship = _mentorship(object_id)
    speciality = ""
    if mentorship.offer is not None:
        speciality = speciality_names().get(mentorship.offer.speciality_id, "")
    if speciality:
        return _("Mentorship · %(speciality)s") % {"speciality": speciality}
    return _("Mentorship")


def url(object_id):
    return _mentorship(object_id).get_absolute_url()


def register():
    contexts.register(
        contexts.ConversationContext(kind="mentorship", may_write=may_write, title=title, url=url)
    )
