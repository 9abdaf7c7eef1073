"""What the API shows and accepts. Shapes only: every rule is the app's own (its
selectors, forms and services), called from api/views.py."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.forms import ProfileForm
from accounts.models import User
from notifications import kinds
from notifications.forms import PREFIX, PreferencesForm
from notifications.kinds import CHANNELS
from notifications.preferences import channels_for


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, or may not change: a client that misspells one
    is told instead of seeing nothing happen."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            unknown = sorted(set(data) - writable)
            if unknown:
                raise serializers.ValidationError(
                    {name: [_("This field is unknown or cannot be changed.")] for name in unknown}
                )
        return super().to_internal_value(data)


def full_url(serializer, page):
    return page.get_full_url(request=serializer.context["request"]._request)


def text_items(stream):
    return [str(block.value) for block in stream]


# --- Catalogue ---------------------------------------------------------------------------


class CategorySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class InstructorBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="title")


class CourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField()
    category = CategorySerializer()
    level = serializers.CharField()
    video_language = serializers.CharField()
    estimated_hours = serializers.DecimalField(
        max_digits=4, decimal_places=1, coerce_to_string=False
    )
    price_xaf = serializers.IntegerField()
    is_free = serializers.BooleanField()
    included_in_subscription = serializers.BooleanField()
    instructor = InstructorBriefSerializer()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return full_url(self, page)


class LessonBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    duration_minutes = serializers.IntegerField(allow_null=True)
    is_preview = serializers.BooleanField()
    is_required = serializers.BooleanField()


class PageBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class CourseDetailSerializer(CourseSerializer):
    learning_outcomes = serializers.SerializerMethodField()
    kit_list = serializers.SerializerMethodField()
    prerequisites = serializers.SerializerMethodField()
    lessons = LessonBriefSerializer(many=True)

    def get_learning_outcomes(self, page) -> list[str]:
        return text_items(page.learning_outcomes)

    def get_kit_list(self, page) -> list[str]:
        return text_items(page.kit_list)

    @extend_schema_field(PageBriefSerializer(many=True))
    def get_prerequisites(self, page):
        return PageBriefSerializer(page.prerequisite_pages(), many=True).data


class CurriculumSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.SerializerMethodField()
    courses = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return full_url(self, page)

    @extend_schema_field(PageBriefSerializer(many=True))
    def get_courses(self, page):
        return PageBriefSerializer(page.course_pages(), many=True).data


class InstructorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="title")
    headline = serializers.CharField()
    towns = serializers.CharField()
    specialities = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    def get_specialities(self, page) -> list[str]:
        return text_items(page.specialities)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return full_url(self, page)


# --- Directory and booking ---------------------------------------------------------------


class ServiceCategorySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ProfessionalCardSerializer(serializers.Serializer):
    """One card of the directory search (directory.cards.cards_for)."""

    id = serializers.IntegerField(source="listing.pk")
    name = serializers.CharField(source="page.title")
    url = serializers.SerializerMethodField()
    town = serializers.CharField(source="listing.town.name", allow_null=True, default=None)
    region = serializers.CharField(source="listing.region")
    travels_to_clients = serializers.BooleanField(source="listing.travels_to_clients")
    min_price_xaf = serializers.IntegerField(source="listing.min_price_xaf", allow_null=True)
    max_price_xaf = serializers.IntegerField(source="listing.max_price_xaf", allow_null=True)
    rating_average = serializers.DecimalField(
        source="listing.rating_average", max_digits=3, decimal_places=2, coerce_to_string=False
    )
    rating_count = serializers.IntegerField(source="listing.rating_count")
    is_certified = serializers.BooleanField(source="listing.is_certified")
    categories = ServiceCategorySerializer(many=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, card):
        return full_url(self, card["page"])


class ServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    category = ServiceCategorySerializer()
    duration_minutes = serializers.IntegerField()
    price_xaf = serializers.IntegerField()
    deposit_xaf = serializers.IntegerField()
    is_online = serializers.BooleanField()


class AboutSerializer(StrictSerializer):
    """What a conversation is about: a registered context's kind ("course", "enquiry",
    "booking", "group") and its object's id; both empty for a plain conversation."""

    kind = serializers.CharField(max_length=30, allow_blank=True)
    id = serializers.CharField(max_length=64, allow_blank=True)


class ContactSerializer(serializers.Serializer):
    """How to write to her, as her page's "Write to her" button does: POST
    /api/v1/me/conversations/ with this `to` and `about`, and a `text`."""

    to = serializers.IntegerField()
    about = AboutSerializer()


class ProfessionalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="title")
    bio = serializers.CharField()
    town = serializers.CharField(source="town.name", allow_null=True, default=None)
    neighbourhood = serializers.CharField()
    travels_to_clients = serializers.BooleanField()
    travel_radius_km = serializers.IntegerField()
    rating_average = serializers.DecimalField(
        max_digits=3, decimal_places=2, coerce_to_string=False
    )
    rating_count = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    services = ServiceSerializer(many=True, source="active_services")
    contact = ContactSerializer(allow_null=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return full_url(self, page)


class SlotQuerySerializer(StrictSerializer):
    start = serializers.DateField(required=False, source="from_day")
    days = serializers.IntegerField(required=False, min_value=1, max_value=14, default=7)


class SlotSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


# --- Certificates ------------------------------------------------------------------------


class CertificateCheckSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.ChoiceField(choices=["valid", "revoked"])
    signature_ok = serializers.BooleanField()
    student_name = serializers.CharField(source="certificate.student_name")
    course_title = serializers.CharField(source="certificate.course_title")
    instructor_name = serializers.CharField(source="certificate.instructor_name")
    hours = serializers.DecimalField(
        source="certificate.hours", max_digits=5, decimal_places=1, coerce_to_string=False
    )
    issued_at = serializers.DateTimeField(source="certificate.issued_at")
    revoked_at = serializers.DateTimeField(source="certificate.revoked_at", allow_null=True)


class MyCertificateSerializer(serializers.Serializer):
    """A certificate as its owner sees it on "my certificates", revoked ones too."""

    code = serializers.CharField()
    status = serializers.SerializerMethodField()
    course_title = serializers.CharField()
    instructor_name = serializers.CharField()
    hours = serializers.DecimalField(max_digits=5, decimal_places=1, coerce_to_string=False)
    skills = serializers.ListField(child=serializers.CharField(), source="skills_shown")
    issued_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)
    verify_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=["valid", "revoked"]))
    def get_status(self, certificate):
        return "revoked" if certificate.is_revoked else "valid"

    @extend_schema_field(OpenApiTypes.URI)
    def get_verify_url(self, certificate):
        """The public page anyone (an employer) opens to check it."""
        return self.context["request"].build_absolute_uri(certificate.get_verify_url())


class BadgeCheckSerializer(serializers.Serializer):
    """What the verification page says of a badge."""

    code = serializers.CharField()
    status = serializers.ChoiceField(choices=["valid", "revoked"])
    signature_ok = serializers.BooleanField()
    holder_name = serializers.CharField(source="award.recipient_name")
    name = serializers.CharField(source="award.name")
    criteria = serializers.CharField(source="award.criteria")
    image_url = serializers.CharField(source="award.image_url", allow_blank=True)
    awarded_at = serializers.DateTimeField(source="award.awarded_at")
    revoked_at = serializers.DateTimeField(source="award.revoked_at", allow_null=True)
    revocation_reason = serializers.CharField(source="award.revocation_reason", allow_blank=True)


class MyBadgeSerializer(serializers.Serializer):
    """A badge as its holder sees it on "my certificates", revoked ones too."""

    code = serializers.CharField()
    status = serializers.SerializerMethodField()
    name = serializers.CharField()
    criteria = serializers.CharField()
    image_url = serializers.CharField(allow_blank=True)
    awarded_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)
    verify_url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=["valid", "revoked"]))
    def get_status(self, award):
        return "revoked" if award.is_revoked else "valid"

    @extend_schema_field(OpenApiTypes.URI)
    def get_verify_url(self, award):
        return self.context["request"].build_absolute_uri(award.get_verify_url())


# --- Signed in ---------------------------------------------------------------------------


class ProfileSerializer(StrictSerializer):
    """The person's profile and preferences, checked by the account page's own form."""

    email = serializers.EmailField(read_only=True)
    first_name = serializers.CharField(required=False, allow_blank=True)
    last_name = serializers.CharField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True)
    preferred_language = serializers.ChoiceField(
        required=False, choices=User._meta.get_field("preferred_language").choices
    )
    region = serializers.CharField(required=False, allow_blank=True)
    town = serializers.CharField(required=False, allow_blank=True)
    data_saver = serializers.BooleanField(required=False)

    def to_representation(self, user):
        shown = super().to_representation(user)
        shown["phone"] = str(user.phone) if user.phone else ""
        return shown

    def validate(self, attrs):
        current = {name: getattr(self.instance, name) for name in ProfileForm.Meta.fields}
        current["phone"] = str(current["phone"] or "")
        self.form = ProfileForm({**current, **attrs}, instance=self.instance)
        if not self.form.is_valid():
            raise serializers.ValidationError(
                {name: list(errors) for name, errors in self.form.errors.items()}
            )
        return attrs

    def update(self, instance, validated_data):
        return self.form.save()


class EnrolmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    course = PageBriefSerializer(source="shown_course")
    status = serializers.CharField()
    enrolled_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)
    lessons_done = serializers.IntegerField(source="done")
    lessons_total = serializers.IntegerField(source="total")
    percent = serializers.IntegerField()
    resume_lesson = PageBriefSerializer(source="shown_resume_lesson", allow_null=True)


@extend_schema_field(
    {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "21:00"}
)
class ClockTimeField(serializers.TimeField):
    """A time of day as the preferences page shows it, "21:00". Not OpenAPI's "time"
    format: that is RFC 3339's, with seconds and an offset from UTC."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class ChannelChoiceSerializer(StrictSerializer):
    kind = serializers.CharField(max_length=100)
    channel = serializers.ChoiceField(choices=CHANNELS)


class KindChoiceSerializer(serializers.Serializer):
    kind = serializers.CharField(source="key")
    label = serializers.CharField()
    essential = serializers.BooleanField()
    allowed_channels = serializers.ListField(child=serializers.CharField())
    enabled_channels = serializers.ListField(child=serializers.CharField())


class NotificationPreferencesSerializer(StrictSerializer):
    """What a person receives and when (the preferences page): the channels left on,
    quiet hours for SMS and push, a daily digest. Checked by the page's own form."""

    quiet_from = ClockTimeField(required=False, allow_null=True)
    quiet_to = ClockTimeField(required=False, allow_null=True)
    digest = serializers.BooleanField(required=False, default=False)
    enabled = ChannelChoiceSerializer(many=True, write_only=True)
    kinds = serializers.SerializerMethodField()

    @extend_schema_field(KindChoiceSerializer(many=True))
    def get_kinds(self, preferences):
        stored = preferences["stored"]
        return KindChoiceSerializer(
            [
                {
                    "key": kind.key,
                    "label": kind.label,
                    "essential": kind.essential,
                    "allowed_channels": [c for c in CHANNELS if kind.allows(c)],
                    "enabled_channels": sorted(channels_for(kind, stored)),
                }
                for kind in kinds.kinds_for(self.context["request"].user)
            ],
            many=True,
        ).data

    def validate(self, attrs):
        data = {f"{PREFIX}{pair['kind']}:{pair['channel']}": "on" for pair in attrs["enabled"]}
        for name in ("quiet_from", "quiet_to"):
            if attrs.get(name) is not None:
                data[name] = attrs[name].strftime("%H:%M")
        if attrs.get("digest"):
            data["digest"] = "on"
        form = PreferencesForm(data, user=self.context["request"].user)
        if not form.is_valid():
            raise serializers.ValidationError(
                {name: list(errors) for name, errors in form.errors.items()}
            )
        return form.cleaned_data


# --- Learning ----------------------------------------------------------------------------


class LessonBlockSerializer(serializers.Serializer):
    """One block of a lesson's content, as the lesson page renders it."""

    id = serializers.CharField()
    type = serializers.CharField()
    html = serializers.CharField()


class QuizChoiceSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class QuizQuestionSerializer(serializers.Serializer):
    """A question and its possible answers; which ones are right is never shown."""

    id = serializers.CharField()
    text = serializers.CharField()
    multiple = serializers.BooleanField()
    choices = serializers.SerializerMethodField()

    @extend_schema_field(QuizChoiceSerializer(many=True))
    def get_choices(self, question):
        return [{"id": key, "text": text} for key, text in question.choices.items()]


class QuizSerializer(serializers.Serializer):
    id = serializers.CharField()
    title = serializers.CharField()
    pass_mark = serializers.IntegerField()
    max_attempts_per_day = serializers.IntegerField()
    questions = QuizQuestionSerializer(many=True)


class AssignmentCriterionSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()


class AssignmentSerializer(serializers.Serializer):
    """Practice work the lesson asks for: hand it in with POST lessons/{id}/work/."""

    id = serializers.CharField()
    title = serializers.CharField()
    photos_required = serializers.IntegerField()
    criteria = serializers.SerializerMethodField()

    @extend_schema_field(AssignmentCriterionSerializer(many=True))
    def get_criteria(self, assignment):
        return [{"id": key, "name": name} for key, name in assignment.criteria]


class LessonSerializer(serializers.Serializer):
    """A lesson's content: its text, media and guides as rendered HTML blocks, its
    quizzes as questions to answer (POST lessons/{id}/quiz/) and its practice work
    (POST lessons/{id}/work/)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    course = PageBriefSerializer()
    summary = serializers.CharField()
    duration_minutes = serializers.IntegerField()
    is_preview = serializers.BooleanField()
    is_required = serializers.BooleanField()
    url = serializers.SerializerMethodField()
    blocks = LessonBlockSerializer(many=True)
    quizzes = QuizSerializer(many=True)
    assignments = AssignmentSerializer(many=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, lesson):
        return full_url(self, lesson)


class LessonDoneSerializer(serializers.Serializer):
    lesson = serializers.IntegerField()
    done = serializers.BooleanField()
    reason = serializers.CharField()


class QuizAnswersSerializer(StrictSerializer):
    """An attempt: the quiz's id and, per question id, the ids of the chosen answers."""

    quiz = serializers.CharField(max_length=64)
    answers = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(max_length=64), max_length=20),
        allow_empty=False,
    )


class QuizFeedbackSerializer(serializers.Serializer):
    question = serializers.CharField(source="question.id")
    correct = serializers.BooleanField()
    explanation = serializers.CharField(source="question.explanation")


class QuizAdviceSerializer(serializers.Serializer):
    action = serializers.CharField()
    message = serializers.CharField()
    lesson = PageBriefSerializer()


class QuizResultSerializer(serializers.Serializer):
    quiz = serializers.CharField(source="quiz_id")
    score_percent = serializers.IntegerField()
    pass_mark = serializers.IntegerField(source="quiz.pass_mark")
    passed = serializers.BooleanField()
    attempts_left = serializers.IntegerField()
    feedback = QuizFeedbackSerializer(many=True)
    advice = QuizAdviceSerializer(allow_null=True)
