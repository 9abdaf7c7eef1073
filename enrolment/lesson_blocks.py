"""Read the quiz and assignment blocks of a lesson: what completes it, and the
answer key (block ids are stable, so attempts can name questions and choices)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    multiple: bool
    choices: dict  # choice id -> text
    correct: frozenset
    explanation: str


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    pass_mark: int
    max_attempts_per_day: int
    questions: list = field(default_factory=list)


@dataclass(frozen=True)
class Assignment:
    id: str
    title: str
    photos_required: int
    criteria: list  # [(criterion id, name)]


# The two choices of a true-or-false question: fixed ids, labels in the reader's language.
TRUE, FALSE = "true", "false"


def question_from(block):
    """A Question from a multiple-choice or true-or-false block (its id and value)."""
    q = block.value
    if block.block_type == "true_false":
        return Question(
            id=block.id,
            text=q["text"],
            multiple=False,
            choices={TRUE: _("True"), FALSE: _("False")},
            correct=frozenset([TRUE if q["is_true"] else FALSE]),
            explanation=q["explanation"] or "",
        )
    return Question(
        id=block.id,
        text=q["text"],
        multiple=q["kind"] == "multiple",
        choices={choice.id: choice.value["text"] for choice in q["choices"]},
        correct=frozenset(c.id for c in q["choices"] if c.value["is_correct"]),
        explanation=q["explanation"] or "",
    )


def _blocks_of_type(lesson, block_type):
    """The body's blocks of this type, converting no other: the lesson page keeps the
    rest rendered, and converting a guide or an image block reads it from the database."""
    body = lesson.body
    return [body[i] for i, item in enumerate(body.raw_data) if item["type"] == block_type]


def quizzes(lesson):
    found = []
    for block in _blocks_of_type(lesson, "quiz"):
        value = block.value
        questions = [question_from(question) for question in value["questions"]]
        found.append(
            Quiz(
                id=block.id,
                title=value["title"],
                pass_mark=value["pass_mark"],
                max_attempts_per_day=value["max_attempts_per_day"],
                questions=questions,
            )
        )
    return found


def assignments(lesson):
    return [
        Assignment(
            id=block.id,
            title=block.value["title"],
            photos_required=block.value["photos_required"],
            criteria=[(c.id, c.value["name"]) for c in block.value["rubric"]],
        )
        for block in _blocks_of_type(lesson, "assignment")
    ]


def find_quiz(lesson, quiz_id):
    return next((quiz for quiz in quizzes(lesson) if quiz.id == quiz_id), None)


def find_assignment(lesson, assignment_id):
    return next((a for a in assignments(lesson) if a.id == assignment_id), None)


def is_self_paced(lesson):
    """A lesson without quiz or assignment completes when the student marks it done."""
    # From the raw blocks' types: converting the body would read its documents and
    # images, which the lesson page keeps rendered.
    return not any(item["type"] in ("quiz", "assignment") for item in lesson.body.raw_data)
