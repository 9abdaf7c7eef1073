"""The API's endpoints: each calls the selectors and services its HTML page calls."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from wagtail.models import Locale

from booking import selectors as booking_selectors
from booking import services as booking_services
from booking.errors import BookingError
from certificates import codes, documents, ratelimit
from certificates import selectors as certificate_selectors
from certificates.badges import documents as badge_documents
from certificates.badges import selectors as badge_selectors
from core.page_locales import canonical
from course_pages.filters import CourseFilter
from course_pages.models import CoursePage, CurriculumPage, InstructorPage, LessonPage
from directory import search_page
from directory.cards import cards_for
from directory.filters import ProfessionalFilter
from directory.models import ProfessionalListing, ProfessionalPage
from directory.selectors import active_services
from directory.view_counts import count_search_appearances
from enrolment import adaptive, lesson_blocks
from enrolment import services as learning
from enrolment.access import lesson_access
from enrolment.errors import InvalidAnswer, LearningError
from enrolment.selectors import my_learning
from notifications.models import NotificationSettings
from notifications.preferences import save_choices, stored_choices

from . import serializers
from .base import ApiView, SelectorFilterBackend


def live_page(model, pk):
    """The live public page with this id, in the caller's language when translated."""
    page = model.objects.live().public().filter(pk=pk).first()
    if page is None:
        raise Http404
    return page.localized.specific


# --- Catalogue ---------------------------------------------------------------------------


class CourseList(ApiView, generics.ListAPIView):
    """The catalogue, with the page's filters, search and sorts."""

    serializer_class = serializers.CourseSerializer
    filter_backends = [SelectorFilterBackend]
    filterset_class = CourseFilter
    queryset = CoursePage.objects.none()

    def get_queryset(self):
        return (
            CoursePage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .select_related("category", "instructor")
            .order_by("title")
        )

    def filter_for(self, data, queryset):
        return CourseFilter(data, queryset=queryset, locale=Locale.get_active())


class CourseDetail(ApiView):
    serializer_class = serializers.CourseDetailSerializer

    def get(self, request, pk):
        return Response(self.get_serializer(live_page(CoursePage, pk)).data)


class CurriculumDetail(ApiView):
    serializer_class = serializers.CurriculumSerializer

    def get(self, request, pk):
        return Response(self.get_serializer(live_page(CurriculumPage, pk)).data)


class InstructorList(ApiView, generics.ListAPIView):
    serializer_class = serializers.InstructorSerializer

    def get_queryset(self):
        return (
            InstructorPage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .order_by("title", "pk")
        )


# --- Directory and booking ---------------------------------------------------------------


class ProfessionalSearch(ApiView, generics.ListAPIView):
    """The directory search, with the page's filters, sorts and search limit."""

    serializer_class = serializers.ProfessionalCardSerializer
    filter_backends = [SelectorFilterBackend]
    filterset_class = ProfessionalFilter
    queryset = ProfessionalListing.objects.none()

    def filter_for(self, data, queryset):
        directory_filter, _paginator = search_page.search(data)
        return directory_filter

    def list(self, request, *args, **kwargs):
        if search_page.over_search_limit(request._request):
            raise exceptions.Throttled()
        rows = self.paginate_queryset(
            self.filter_queryset(self.get_queryset())
            .select_related("town")
            .defer("document", "search_vector")
        )
        count_search_appearances([row.pk for row in rows])
        cards = cards_for(rows, locale=Locale.get_active())
        return self.get_paginated_response(self.get_serializer(cards, many=True).data)


class ProfessionalDetail(ApiView):
    serializer_class = serializers.ProfessionalSerializer

    def get(self, request, pk):
        page = live_page(ProfessionalPage, pk)
        page.active_services = list(active_services(page))
        # Conversations are about the French page, whatever the language read.
        page.contact = (
            {"to": page.user_id, "about": {"kind": "enquiry", "id": str(canonical(page).pk)}}
            if page.user_id
            else None
        )
        return Response(self.get_serializer(page).data)


class ServiceSlots(ApiView):
    """The free slots of a service, from a day (today by default) for a few days."""

    serializer_class = serializers.SlotSerializer
    pagination_class = None

    @extend_schema(
        parameters=[serializers.SlotQuerySerializer],
        responses=serializers.SlotSerializer(many=True),
    )
    def get(self, request, pk):
        query = serializers.SlotQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        try:
            service = booking_services.bookable_service(pk)
        except BookingError as error:
            raise exceptions.NotFound(error.message) from error
        window = booking_selectors.slot_window(
            service=service,
            first_day=query.validated_data.get("from_day"),
            days=query.validated_data["days"],
        )
        return Response(serializers.SlotSerializer(window["slots"], many=True).data)


# --- Certificates ------------------------------------------------------------------------


class _IdCheck(ApiView):
    """Whether an ID printed on a credential is genuine, valid or revoked. Look-ups share
    the verification page's budget per address (certificates and badges share one ID
    space)."""

    not_found = ""

    def found(self, code):
        raise NotImplementedError

    def check(self, found):
        raise NotImplementedError

    def get(self, request, code):
        if not ratelimit.spend_lookup(request._request):
            raise exceptions.Throttled(wait=ratelimit.retry_after_seconds())
        normalised = codes.normalise(code)
        found = self.found(normalised) if normalised else None
        if found is None:
            raise exceptions.NotFound(self.not_found)
        check = {"code": found.code, "status": "revoked" if found.is_revoked else "valid"}
        return Response(self.get_serializer({**check, **self.check(found)}).data)


class CertificateCheck(_IdCheck):
    """Whether a certificate ID is genuine, valid or revoked; look-ups share the
    verification page's budget per address."""

    serializer_class = serializers.CertificateCheckSerializer
    not_found = gettext_lazy("No certificate has this ID.")

    def found(self, code):
        return certificate_selectors.find(code)

    def check(self, found):
        return {"signature_ok": documents.data_signature_matches(found), "certificate": found}


class BadgeCheck(_IdCheck):
    """Whether a badge ID is genuine, valid or revoked; look-ups share the verification
    page's budget per address (badges and certificates share one ID space)."""

    serializer_class = serializers.BadgeCheckSerializer
    not_found = gettext_lazy("No badge has this ID.")

    def found(self, code):
        return badge_selectors.find(code)

    def check(self, found):
        return {"signature_ok": badge_documents.signature_matches(found), "award": found}


# --- Signed in ---------------------------------------------------------------------------


class MyProfile(ApiView, generics.RetrieveUpdateAPIView):
    """The signed-in person's profile and preferences."""

    serializer_class = serializers.ProfileSerializer
    permission_classes = [IsAuthenticated]
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        return self.request.user


class MyNotificationPreferences(ApiView):
    """What the signed-in person receives, and when; PUT replaces every choice, as the
    preferences page does."""

    serializer_class = serializers.NotificationPreferencesSerializer
    permission_classes = [IsAuthenticated]

    def _current(self):
        row = NotificationSettings.objects.filter(user=self.request.user).first()
        return {
            "quiet_from": row.quiet_from if row else None,
            "quiet_to": row.quiet_to if row else None,
            "digest": row.digest if row else False,
            "stored": stored_choices(self.request.user),
        }

    def get(self, request):
        return Response(self.get_serializer(self._current()).data)

    def put(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        choices = serializer.validated_data
        save_choices(
            user=request.user,
            enabled=choices["enabled"],
            quiet_from=choices["quiet_from"],
            quiet_to=choices["quiet_to"],
            digest=choices["digest"],
        )
        return Response(self.get_serializer(self._current()).data)


class MyCertificates(ApiView, generics.ListAPIView):
    """The signed-in person's certificates, newest first, revoked ones too."""

    serializer_class = serializers.MyCertificateSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return certificate_selectors.certificates_of(user=self.request.user)


class MyBadges(ApiView, generics.ListAPIView):
    """The signed-in person's badges, newest first, revoked ones too."""

    serializer_class = serializers.MyBadgeSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return badge_selectors.badges_of(user=self.request.user)


class MyEnrolments(ApiView, generics.ListAPIView):
    """The signed-in person's enrolments with their progress (My learning)."""

    serializer_class = serializers.EnrolmentSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return my_learning(self.request.user)


class MyEnrolment(ApiView):
    serializer_class = serializers.EnrolmentSerializer
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        # Someone else's enrolment is answered as if it did not exist.
        enrolment = next((e for e in my_learning(request.user) if e.pk == pk), None)
        if enrolment is None:
            raise Http404
        return Response(self.get_serializer(enrolment).data)


# --- Learning ----------------------------------------------------------------------------

# Quizzes and assignments are answered through their own endpoints, not shown as HTML.
INTERACTIVE_BLOCKS = ("quiz", "assignment")


def live_lesson(pk):
    """The live lesson with this id, in the caller's language when translated (the
    page's own lookup: its course decides who may open it, not the page's privacy)."""
    lesson = LessonPage.objects.live().filter(pk=pk).first()
    if lesson is None:
        raise Http404
    return lesson.localized.specific


def refused(error):
    """A learning service's refusal, with its own translated message."""
    if isinstance(error, InvalidAnswer):
        return exceptions.ValidationError({"answers": [error.message]})
    return exceptions.PermissionDenied(error.message)


class Lesson(ApiView):
    """A lesson's content, behind the lesson page's gate: previews for anyone, the rest
    for enrolled students (and the course's instructor, moderators, subscribers)."""

    serializer_class = serializers.LessonSerializer

    def get(self, request, pk):
        lesson = live_lesson(pk)
        decision = lesson_access(request.user, lesson)
        if not decision.allowed:
            if decision.reason == "anonymous":
                raise exceptions.NotAuthenticated()
            raise exceptions.PermissionDenied(_("Enrol in this course first."))
        learning.record_visit(user=request.user, lesson=lesson)
        lesson.blocks = [
            {"id": block.id, "type": block.block_type, "html": block.render({"page": lesson})}
            for block in lesson.body
            if block.block_type not in INTERACTIVE_BLOCKS
        ]
        lesson.quizzes = lesson_blocks.quizzes(lesson)
        lesson.assignments = lesson_blocks.assignments(lesson)
        return Response(self.get_serializer(lesson).data)


class LessonDone(ApiView):
    """Marks a lesson without quiz or practice work done, as its page's button does;
    marking it again changes nothing."""

    serializer_class = serializers.LessonDoneSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None)
    def post(self, request, pk):
        lesson = live_lesson(pk)
        try:
            progress = learning.mark_complete(user=request.user, lesson=lesson)
        except LearningError as error:
            raise refused(error) from error
        return Response(
            self.get_serializer({"lesson": lesson.pk, "done": True, "reason": progress.reason}).data
        )


class LessonQuiz(ApiView):
    """Grades an attempt at one of the lesson's quizzes, as its page does: the score,
    pass or fail, each question's feedback and the next step its score leads to."""

    serializer_class = serializers.QuizResultSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=serializers.QuizAnswersSerializer)
    def post(self, request, pk):
        lesson = live_lesson(pk)
        attempt_in = serializers.QuizAnswersSerializer(data=request.data)
        attempt_in.is_valid(raise_exception=True)
        try:
            attempt = learning.submit_quiz(
                user=request.user,
                lesson=lesson,
                quiz_id=attempt_in.validated_data["quiz"],
                answers=attempt_in.validated_data["answers"],
            )
        except LearningError as error:
            raise refused(error) from error
        attempt.advice = adaptive.after_quiz(user=request.user, lesson=lesson, attempt=attempt)
        return Response(self.get_serializer(attempt).data)


@extend_schema(exclude=True)
class NotFound(ApiView):
    """Any other path under /api/: a problem document, not the site's HTML 404."""

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise Http404

    get = post = put = patch = delete = http_method_not_allowed
