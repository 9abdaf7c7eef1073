"""StreamField blocks of the home and standard pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import HeadingBlock, ImageBlock, ParagraphBlock


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = ParagraphBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "components/streamfield/blocks/question_answer_block.html"
        preview_value = {
            "question": "Comment payer ?",
            "answer": "<p>Avec MTN MoMo, Orange Money ou une carte.</p>",
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"))
    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/streamfield/blocks/call_to_action_block.html"


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "link"
        label = _("Link")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    question_answer = QuestionAnswerBlock()
    call_to_action = CallToActionBlock()


class StepBlock(blocks.StructBlock):
    """One step of "how it works" on the home page."""

    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "components/home/step_block.html"
        preview_value = {
            "title": "Choisissez une formation",
            "text": "Gratuite ou payante, en français ou en anglais.",
        }


class FeaturedCourseBlock(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("page_type", "course_pages.CoursePage")
        super().__init__(**kwargs)

    class Meta:
        icon = "pick"
        label = _("Course")
