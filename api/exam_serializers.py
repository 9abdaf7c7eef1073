"""The final exam through the API: its rules and where the student stands, an attempt's
questions (never their answers), the answers handed in, and the graded result."""

from rest_framework import serializers

from .serializers import PageBriefSerializer, QuizQuestionSerializer, StrictSerializer


class OutcomeSerializer(serializers.Serializer):
    """Where she stands in the whole assessment (exam and practical part)."""

    exam_score = serializers.IntegerField(allow_null=True)
    practical_required = serializers.BooleanField()
    practical_accepted = serializers.BooleanField()
    practical_score = serializers.IntegerField(allow_null=True)
    passed = serializers.BooleanField()
    score = serializers.IntegerField(allow_null=True)
    grade = serializers.CharField(allow_null=True)
    grade_label = serializers.CharField()


class RunningAttemptSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    deadline = serializers.DateTimeField()


class ExamStatusSerializer(serializers.Serializer):
    """The exam's rules, in the reader's language, and whether she may start now."""

    course = PageBriefSerializer()
    instructions = serializers.CharField(allow_blank=True)
    questions_drawn = serializers.IntegerField(source="assessment.draw_size")
    time_limit_minutes = serializers.IntegerField(source="assessment.time_limit_minutes")
    pass_mark = serializers.IntegerField(source="assessment.pass_mark")
    practical_required = serializers.BooleanField(source="assessment.practical_required")
    lessons_done = serializers.BooleanField()
    can_start = serializers.BooleanField()
    next_attempt_at = serializers.DateTimeField(allow_null=True)
    current_attempt = RunningAttemptSerializer(source="current", allow_null=True)
    outcome = OutcomeSerializer()


class ExamSittingSerializer(serializers.Serializer):
    """The running attempt: its questions and the moment answers must arrive by."""

    id = serializers.IntegerField(source="pk")
    started_at = serializers.DateTimeField()
    deadline = serializers.DateTimeField()
    # Drawn questions read as a lesson quiz's: their choices, never which are right.
    questions = QuizQuestionSerializer(many=True)


class ExamAnswersSerializer(StrictSerializer):
    """Per question id of the attempt, the ids of the chosen answers."""

    answers = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(max_length=64), max_length=20),
        allow_empty=False,
    )


class ExamAttemptSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    course = PageBriefSerializer(source="shown_course")
    status = serializers.CharField()
    status_label = serializers.CharField(source="get_status_display")
    started_at = serializers.DateTimeField()
    deadline = serializers.DateTimeField()
    handed_in_at = serializers.DateTimeField(allow_null=True)
    score_percent = serializers.IntegerField(allow_null=True)


class ExamResultSerializer(ExamAttemptSerializer):
    """A graded attempt, and where the whole assessment stands after it."""

    outcome = OutcomeSerializer()
