"""Reads for the mentorship pages: suggested mentors, ranked and explained; one mentor's
offer with its reviews; one person's mentorships. Each read is a fixed number of
queries, whatever the number of mentors, mentorships or reviews."""

from django.db.models import (
    Avg,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.models import Town

from ..models import MentorOffer, Mentorship, MentorshipReview

Status, Side = Mentorship.Status, MentorshipReview.Side
CLOSED_SHOWN = 30
REVIEWS_SHOWN = 20


def _about_mentor(offer_field):
    """The visible reviews beginners left about the offer's mentorships."""
    return MentorshipReview.objects.filter(
        mentorship__offer=OuterRef(offer_field),
        side=Side.MENTEE,
        visibility=MentorshipReview.Visibility.VISIBLE,
    ).order_by()


def with_figures(offers):
    """Offers with their active mentorships, free places and review average and count."""
    reviews = _about_mentor("pk").values("mentorship__offer")
    return offers.annotate(
        active=Coalesce(
            Subquery(
                Mentorship.objects.filter(offer=OuterRef("pk"), status=Status.ACTIVE)
                .order_by()
                .values("offer")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            0,
        ),
        free=F("capacity") - F("active"),
        rating=Subquery(reviews.annotate(a=Avg("rating")).values("a")),
        review_count=Coalesce(
            Subquery(reviews.annotate(n=Count("pk")).values("n"), output_field=IntegerField()),
            0,
        ),
    )


def town_of(user):
    """The directory town a person wrote in her profile, if it is one we know."""
    name = (getattr(user, "town", "") or "").strip()
    return Town.objects.filter(name__iexact=name).first() if name else None


def _points(condition, points):
    return Case(When(condition, then=Value(points)), default=Value(0))


def suggestions(*, viewer, speciality=None, town=None, language="", strict=False):
    """Mentors taking beginners, best match first: speciality, then town, then language,
    mentors with a free place before full ones and the most free places first. With
    `strict`, only those matching every preference given."""
    offers = MentorOffer.objects.filter(
        visibility=MentorOffer.Visibility.VISIBLE, is_paused=False
    ).select_related("user", "town")
    if viewer.is_authenticated:
        offers = offers.exclude(user=viewer)
    speaks = {"fr": Q(speaks_french=True), "en": Q(speaks_english=True)}.get(language)
    if strict:
        if speciality is not None:
            offers = offers.filter(speciality=speciality)
        if town is not None:
            offers = offers.filter(town=town)
        if speaks is not None:
            offers = offers.filter(speaks)
    score = Value(0)
    if speciality is not None:
        score = score + _points(Q(speciality=speciality), 4)
    if town is not None:
        score = score + _points(Q(town=town), 2)
    if speaks is not None:
        score = score + _points(speaks, 1)
    return (
        with_figures(offers)
        .annotate(score=score, has_place=_points(Q(free__gt=0), 1))
        .order_by(
            "-has_place", "-score", "-free", F("rating").desc(nulls_last=True), "-created_at", "-id"
        )
    )


def reasons(offer, *, speciality=None, town=None, language=""):
    """Why this mentor is suggested, in a few words each ("same town · speaks French ·
    2 places free"): what matches the visitor's wishes, then her free places."""
    said = []
    if speciality is not None and offer.speciality_id == speciality.pk:
        said.append(_("same speciality"))
    if town is not None and offer.town_id == town.pk:
        said.append(_("same town"))
    spoken = {"fr": offer.speaks_french, "en": offer.speaks_english}
    if spoken.get(language):
        said.append(_("speaks French") if language == "fr" else _("speaks English"))
    else:
        said.append(languages_label(offer))
    said.append(places_label(offer.free))
    return said


def languages_label(offer):
    if offer.speaks_french and offer.speaks_english:
        return _("speaks French and English")
    return _("speaks French") if offer.speaks_french else _("speaks English")


def places_label(free):
    if free <= 0:
        return _("no place free now")
    return ngettext("%(count)d place free", "%(count)d places free", free) % {"count": free}


def open_with(user, mentor_ids):
    """{mentor id: the viewer's open request or mentorship with that mentor} (one query)."""
    if not user.is_authenticated or not mentor_ids:
        return {}
    rows = Mentorship.objects.filter(
        mentee=user, mentor_id__in=mentor_ids, status__in=(Status.REQUESTED, Status.ACTIVE)
    )
    return {row.mentor_id: row for row in rows}


def offer_page(offer_id):
    """The offer (with its figures), or None."""
    return (
        with_figures(MentorOffer.objects.select_related("user", "town")).filter(pk=offer_id).first()
    )


def reviews_of(offer, *, limit=REVIEWS_SHOWN):
    """The beginners' visible reviews of this mentor, newest first."""
    return list(
        MentorshipReview.objects.filter(
            mentorship__offer=offer,
            side=Side.MENTEE,
            visibility=MentorshipReview.Visibility.VISIBLE,
        ).select_related("author")[:limit]
    )


def mine(user):
    """One person's mentorships, on both sides, sorted for the "my mentorships" page."""
    people = Q(mentor=user) | Q(mentee=user)
    base = Mentorship.objects.filter(people).select_related("mentor", "mentee", "offer")
    open_rows = list(base.filter(status__in=(Status.REQUESTED, Status.ACTIVE)))
    closed = list(
        base.exclude(status__in=(Status.REQUESTED, Status.ACTIVE))
        .prefetch_related("reviews")
        .order_by("-answered_at", "-id")[:CLOSED_SHOWN]
    )
    sorted_rows = {
        "to_answer": [],
        "asked": [],
        "active": [],
        "to_review": [],
        "ended": [],
        "declined": [],
    }
    for row in open_rows:
        if row.status == Status.ACTIVE:
            sorted_rows["active"].append(row)
        elif row.mentor_id == user.pk:
            sorted_rows["to_answer"].append(row)
        else:
            sorted_rows["asked"].append(row)
    for row in closed:
        if row.status != Status.ENDED:
            sorted_rows["declined"].append(row)
            continue
        side = row.side_of(user)
        other = row.mentee_id if side == Side.MENTOR else row.mentor_id
        written = {review.side for review in row.reviews.all()}
        if other is not None and side not in written:
            sorted_rows["to_review"].append(row)
        else:
            sorted_rows["ended"].append(row)
    return sorted_rows


def mentorship_page(mentorship_id):
    return (
        Mentorship.objects.select_related("mentor", "mentee", "offer", "offer__town")
        .filter(pk=mentorship_id)
        .first()
    )


def reviews_in(mentorship):
    """Both sides' reviews of a mentorship, hidden ones too (the page decides)."""
    return list(MentorshipReview.objects.filter(mentorship=mentorship).select_related("author"))
