"""A lesson's body in parts for its page: runs of blocks that are the same for every
reader, which pages/lesson_page.html keeps rendered as one shared fragment each, and the
blocks rendered for each reader.

Rendering the body (and reading its documents and images to do so) was a good part of
every lesson view, for HTML that changes only when the lesson is published. The blocks
below are drawn for the reader or change without a publish, so they stay live: a video
(her progress URL and CSRF token; its processing status), a quiz (her attempts), an
assignment (her work)."""

from dataclasses import dataclass

# Block types drawn for each reader (see above): never inside a shared fragment.
READER_BLOCK_TYPES = frozenset({"video", "quiz", "assignment"})


@dataclass
class BodyPart:
    lesson: object
    indexes: list
    shared: bool

    @property
    def first(self):
        """Where the part starts in the body: with the lesson, its fragment's name."""
        return self.indexes[0]

    @property
    def blocks(self):
        # Read only when rendered: a kept fragment reads no block (nor its documents).
        return [self.lesson.body[index] for index in self.indexes]


def body_parts(lesson):
    """The body as BodyParts in order, from the block types alone (no block is read)."""
    parts = []
    for index, item in enumerate(lesson.body.raw_data):
        shared = item["type"] not in READER_BLOCK_TYPES
        if parts and shared and parts[-1].shared:
            parts[-1].indexes.append(index)
        else:
            parts.append(BodyPart(lesson=lesson, indexes=[index], shared=shared))
    return parts
