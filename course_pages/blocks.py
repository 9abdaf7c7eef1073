"""Lesson and portfolio blocks. Repeating items are StreamBlocks, not ListBlocks:
wagtail-localize translates and syncs StreamBlock children reliably."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import HeadingBlock, ImageBlock, ParagraphBlock


def _block_error(field, message):
    return StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


class VideoBlock(blocks.StructBlock):
    video = SnippetChooserBlock("course_pages.LessonVideo", label=_("Video"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/streamfield/blocks/video_block.html"


class GuideDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("PDF guide"))
    title = blocks.CharBlock(label=_("Title"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Guide (PDF)")
        template = "components/streamfield/blocks/guide_document_block.html"


class GalleryImageStream(blocks.StreamBlock):
    image = ImageBlock()


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    images = GalleryImageStream(label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Image gallery")
        template = "components/streamfield/blocks/gallery_block.html"


class StepBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("What to do"))
    image = ImageChooserBlock(label=_("Image"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepStream(blocks.StreamBlock):
    step = StepBlock()


class StepByStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    steps = StepStream(label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Step by step")
        template = "components/streamfield/blocks/step_by_step_block.html"


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"))
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "tick"
        label = _("Answer")


class ChoiceStream(blocks.StreamBlock):
    choice = ChoiceBlock()


class QuestionBlock(blocks.StructBlock):
    SINGLE = "single"
    MULTIPLE = "multiple"

    text = blocks.CharBlock(label=_("Question"))
    kind = blocks.ChoiceBlock(
        label=_("Answers"),
        choices=[(SINGLE, _("One correct answer")), (MULTIPLE, _("Several correct answers"))],
        default=SINGLE,
    )
    choices = ChoiceStream(label=_("Possible answers"), min_num=2)
    explanation = blocks.TextBlock(label=_("Explanation shown after the attempt"), required=False)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = [c for c in value["choices"] if c.value["is_correct"]]
        if not correct:
            raise _block_error("choices", _("Mark at least one answer as correct."))
        if value["kind"] == self.SINGLE and len(correct) > 1:
            raise _block_error(
                "choices",
                _("Only one answer may be correct, or choose “Several correct answers”."),
            )
        return value


class QuestionStream(blocks.StreamBlock):
    question = QuestionBlock()


class TrueFalseQuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Statement"))
    is_true = blocks.BooleanBlock(label=_("The statement is true"), required=False)
    explanation = blocks.TextBlock(label=_("Explanation shown after the attempt"), required=False)

    class Meta:
        icon = "tick"
        label = _("True or false")


class ExamQuestionStream(blocks.StreamBlock):
    question = QuestionBlock()
    true_false = TrueFalseQuestionBlock()


class NextStepBlock(blocks.StructBlock):
    """A score band of a quiz and what it leads to (enrolment.adaptive reads it)."""

    REVIEW = "review"
    NEXT = "next"
    TEST_OUT = "test_out"

    min_percent = blocks.IntegerBlock(label=_("From score (%)"), min_value=0, max_value=100)
    max_percent = blocks.IntegerBlock(label=_("To score (%)"), min_value=0, max_value=100)
    action = blocks.ChoiceBlock(
        label=_("Then"),
        choices=[
            (REVIEW, _("suggest reviewing this lesson")),
            (NEXT, _("go on with this lesson")),
            (TEST_OUT, _("mark this lesson “tested out”: it may be skipped")),
        ],
    )
    lesson = blocks.PageChooserBlock(label=_("Lesson"), page_type="course_pages.LessonPage")

    class Meta:
        icon = "redirect"
        label = _("Next step by score")


class NextStepStream(blocks.StreamBlock):
    step = NextStepBlock()


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=1, max_value=100, default=70
    )
    max_attempts_per_day = blocks.IntegerBlock(
        label=_("Attempts allowed per day"), min_value=1, max_value=20, default=3
    )
    questions = QuestionStream(label=_("Questions"), min_num=1)
    next_steps = NextStepStream(
        label=_("Next steps by score"),
        required=False,
        help_text=_(
            "For example: under 50 per cent, suggest reviewing an earlier lesson; "
            "90 per cent or more marks the next beginner lesson “tested out”."
        ),
    )

    class Meta:
        icon = "help"
        label = _("Quiz")
        template = "components/streamfield/blocks/quiz_block.html"


class RubricCriterionBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Criterion"))
    description = blocks.TextBlock(label=_("What a good result looks like"), required=False)

    class Meta:
        icon = "tick-inverse"
        label = _("Criterion")


class RubricStream(blocks.StreamBlock):
    criterion = RubricCriterionBlock()


class AssignmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    instructions = ParagraphBlock(label=_("Instructions"))
    rubric = RubricStream(label=_("Rubric"), min_num=1)
    photos_required = blocks.IntegerBlock(
        label=_("Photos to hand in"), min_value=1, max_value=5, default=2
    )

    class Meta:
        icon = "pick"
        label = _("Practical assignment")
        template = "components/streamfield/blocks/assignment_block.html"


# A lesson's text may show pictures between its lines (course_pages/image_formats.py
# sets their sizes); the offline copy counts and keeps them too.
LESSON_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "image"]


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=LESSON_TEXT_FEATURES)
    video = VideoBlock()
    guide = GuideDocumentBlock()
    gallery = GalleryBlock()
    steps = StepByStepBlock()
    quiz = QuizBlock()
    assignment = AssignmentBlock()


class TextItemStream(blocks.StreamBlock):
    """A translatable list of short lines (learning outcomes, kit list)."""

    item = blocks.CharBlock(label=_("Item"), icon="list-ul")


class PrerequisiteStream(blocks.StreamBlock):
    course = blocks.PageChooserBlock(label=_("Course"), page_type="course_pages.CoursePage")


class BeforeAfterBlock(blocks.StructBlock):
    before = ImageChooserBlock(label=_("Before"))
    after = ImageChooserBlock(label=_("After"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Before / after")
        template = "components/streamfield/blocks/before_after_block.html"


class PortfolioStreamBlock(blocks.StreamBlock):
    before_after = BeforeAfterBlock()
    image = ImageBlock()
    paragraph = ParagraphBlock()


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Network"),
        choices=[
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("tiktok", "TikTok"),
            ("youtube", "YouTube"),
            ("whatsapp", "WhatsApp"),
            ("website", _("Website")),
        ],
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


class SocialLinkStream(blocks.StreamBlock):
    link = SocialLinkBlock()


class CurriculumCourseStream(blocks.StreamBlock):
    course = blocks.PageChooserBlock(label=_("Course"), page_type="course_pages.CoursePage")


class FinalAssessmentBlock(blocks.StructBlock):
    """A course's final assessment, required for its certificate (enrolment.assessments
    reads it): a timed exam drawn from a question bank, and maybe the practical part."""

    instructions = blocks.TextBlock(label=_("Instructions"), required=False)
    questions = ExamQuestionStream(label=_("Question bank"), min_num=1)
    draw_size = blocks.IntegerBlock(
        label=_("Questions drawn per attempt"), min_value=1, max_value=100, default=10
    )
    time_limit_minutes = blocks.IntegerBlock(
        label=_("Time limit (minutes)"), min_value=1, max_value=180, default=20
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=1, max_value=100, default=70
    )
    practical_required = blocks.BooleanBlock(
        label=_("Practical part required"),
        required=False,
        help_text=_(
            "The course's practice work, accepted and graded by the instructor against "
            "its rubric, counts in the grade."
        ),
    )

    class Meta:
        icon = "form"
        label = _("Final assessment")

    def clean(self, value):
        value = super().clean(value)
        if value["draw_size"] > len(value["questions"]):
            raise _block_error(
                "draw_size",
                _("Draw at most as many questions as the bank holds (%(count)d).")
                % {"count": len(value["questions"])},
            )
        return value


class FinalAssessmentStream(blocks.StreamBlock):
    assessment = FinalAssessmentBlock()
