"""The portfolio of a professional: before/after photo pairs (the course block, reused)."""

from wagtail import blocks

from course_pages.blocks import BeforeAfterBlock


class PortfolioPairStream(blocks.StreamBlock):
    before_after = BeforeAfterBlock()
